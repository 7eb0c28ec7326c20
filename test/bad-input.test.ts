// Hostile or malformed requests get a clear error, never a crash, a hang or a write; the
// server answers /healthz after each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '../src/graphql/global-id.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ MAX_REQUEST_BYTES: '2mb' });
});
afterAll(() => t?.close());

async function post(body: unknown, key = t.keys.editor) {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> } = {};
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON: leave empty */
  }
  return { status: res.status, json, text };
}

async function healthy() {
  const res = await fetch(new URL('/healthz', t.url));
  expect(res.status).toBe(200);
}

const useCaseQuery = 'query($id: ID!) { useCase(id: $id) { id name } }';

describe('bad input', () => {
  it.each([
    ['not base64 at all', '!!!'],
    ['base64 without a type', Buffer.from('no-colon-here').toString('base64url')],
    ['empty id part', Buffer.from('UseCase:').toString('base64url')],
    ['absurdly long', 'A'.repeat(5000)],
  ])('a malformed global ID (%s) is BAD_USER_INPUT', async (_label, id) => {
    const r = await post({ query: useCaseQuery, variables: { id } });
    expect(r.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.json.errors?.[0]?.message).toMatch(/ID/);
    await healthy();
  });

  it('an ID of the wrong type is BAD_USER_INPUT naming the expected type', async () => {
    const r = await post({ query: useCaseQuery, variables: { id: encodeId('Job', 'abc') } });
    expect(r.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.json.errors?.[0]?.message).toMatch(/UseCase/);
  });

  it('an unknown ID of the right type is null, not an error', async () => {
    const r = await post({ query: useCaseQuery, variables: { id: encodeId('UseCase', 'missing') } });
    expect(r.json.errors).toBeUndefined();
    expect(r.json.data?.useCase).toBeNull();
  });

  it('an unknown enum value is a validation error', async () => {
    const r = await post({
      query: 'mutation($id: ID!) { transitionUseCase(input: {id: $id, to: FLYING}) { __typename } }',
      variables: { id: encodeId('UseCase', 'x') },
    });
    // GraphQL-over-HTTP: with an application/json response, request errors are still 200.
    expect(r.json.data ?? null).toBeNull();
    expect(r.json.errors?.[0]?.message).toMatch(/FLYING/);
    await healthy();
  });

  it('a 1 MB string is refused by validation, and nothing is written', async () => {
    const big = 'x'.repeat(1024 * 1024);
    const r = await post({
      query: 'mutation($name: String!) { createUseCase(input: {name: $name, teamEmail: "a@b.co"}) { __typename ... on ValidationError { field message } } }',
      variables: { name: big },
    });
    expect(r.json.data?.createUseCase).toMatchObject({ __typename: 'ValidationError', field: 'name' });
    const count = await post({ query: '{ useCases { totalCount } }' });
    expect((count.json.data?.useCases as { totalCount: number }).totalCount).toBe(0);
    await healthy();
  });

  it('a body over MAX_REQUEST_BYTES is 413 before any parsing', async () => {
    const r = await post({ query: '{ viewer { role } }', variables: { pad: 'x'.repeat(3 * 1024 * 1024) } });
    expect(r.status).toBe(413);
    await healthy();
  });

  it('a depth-50 query is refused by the depth limit', async () => {
    const deep = `query { useCases { edges { node { ${'activity { edges { node { subject { ... on UseCase { '.repeat(10)} id ${'} } } } }'.repeat(10)} } } } }`;
    const r = await post({ query: deep });
    expect(r.json.errors?.[0]?.message).toMatch(/depth/i);
    expect(r.json.data ?? null).toBeNull();
    await healthy();
  });

  it('a 600-field query is refused by the breadth limit every time, and never executed', async () => {
    // The figures are remembered per document and variables (src/graphql/plugins/complexity-limit.ts):
    // the second request takes the remembered figure and must be refused just the same.
    // Breadth counts fragments where they are spread: 6 aliased spreads of a 100-field fragment
    // stay under the document limits (fields and aliases as written; test/limits.test.ts).
    const fragment = `fragment Wide on UseCase { ${Array.from({ length: 100 }, () => 'name').join(' ')} }`;
    const wide = Array.from({ length: 6 }, (_, i) => `u${i}: useCases(first: $n) { edges { node { id ...Wide } } }`).join(' ');
    const query = `query ($n: Int) { ${wide} } ${fragment}`;
    for (const n of [1, 1, 2]) {
      const refused = await post({ query, variables: { n } });
      expect(refused.json.errors?.[0]?.message).toMatch(/maximum breadth \(breadth: 624, max: 500\)/);
      expect(refused.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.json.data ?? null).toBeNull();
    }
    const narrow = await post({ query: `query ($n: Int) { useCases(first: $n) { edges { node { id name } } } }`, variables: { n: 1 } });
    expect(narrow.json.errors).toBeUndefined();
    await healthy();
  });

  it('a page larger than the cap is a clear error', async () => {
    const r = await post({ query: '{ useCases(first: 5000) { edges { node { id } } } }' });
    expect(r.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.json.errors?.[0]?.message).toMatch(/between 0 and 100/);
  });

  it('a bad cursor is BAD_USER_INPUT', async () => {
    const r = await post({ query: '{ activity(after: "garbage") { edges { cursor } } }' });
    expect(r.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('syntax errors and non-JSON bodies are 400s with a message', async () => {
    const syntax = await post({ query: '{ useCases { ' });
    expect(syntax.json.errors?.[0]?.message).toMatch(/Syntax Error/);
    const garbage = await post('this is not json');
    expect(garbage.status).toBe(400);
    expect(garbage.json.errors?.[0]?.message).toMatch(/JSON/i);
    await healthy();
  });

  it('an unexpected failure is masked: the client sees a request id, not internals', async () => {
    await t.server.services.db.write((tx) =>
      tx.activityLogEntry.create({
        data: { subjectType: 'System', subjectId: 'x', activityType: 'broken', description: 'bad row', details: '{not json', actor: 'test' },
      }),
    );
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.keys.viewer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ activity(filter: {types: ["broken"]}) { edges { node { details } } } }' }),
    });
    const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string; requestId: string } }> };
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    expect(body.errors[0]?.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(body.errors[0]?.extensions.requestId).toBe(requestId);
    expect(body.errors[0]?.message).toContain(requestId);
    expect(body.errors[0]?.message).not.toMatch(/JSON|position|Unexpected token/);
    await healthy();
  });
});
