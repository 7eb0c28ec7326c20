// Query.nodes(ids:) and Query.node(id:) over HTTP: each id answers on its own. A malformed id,
// or one naming a type that is not a Node, is null at its position with a coded error naming
// it; the other ids still load, and the server goes on serving.
import { ClientError } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '../src/graphql/global-id.ts';
import { CreateUseCaseDocument } from './generated/graphql.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

interface GraphQLResponse {
  data: { nodes?: Array<{ __typename: string; id: string } | null>; node?: { id: string } | null } | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string } }>;
}

async function post(query: string, variables: Record<string, unknown>): Promise<GraphQLResponse> {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.keys.viewer}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as GraphQLResponse;
}

async function createUseCase(name: string): Promise<string> {
  const res = await t.client('editor').request(CreateUseCaseDocument, { input: { name, teamEmail: 'nodes@example.com' } });
  if (res.createUseCase.__typename !== 'CreateUseCasePayload') throw new Error(JSON.stringify(res.createUseCase));
  return res.createUseCase.useCase.id;
}

const NODES = 'query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }';

describe('nodes(ids:) and node(id:)', () => {
  it('a malformed id and an unknown type each answer null with a coded error naming them; the rest load', async () => {
    const a = await createUseCase('node a');
    const b = await createUseCase('node b');
    const bogus = encodeId('Bogus', '1');
    const notANode = encodeId('Query', '1');
    const missing = encodeId('UseCase', 'no-such-row');
    const res = await post(NODES, { ids: [a, 'not base64 at all!', bogus, b, notANode, missing] });
    expect(res.data?.nodes).toEqual([{ __typename: 'UseCase', id: a }, null, null, { __typename: 'UseCase', id: b }, null, null]);
    const errors = res.errors ?? [];
    expect(errors.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['nodes', 1], 'BAD_USER_INPUT'],
      [['nodes', 2], 'BAD_USER_INPUT'],
      [['nodes', 4], 'BAD_USER_INPUT'],
    ]);
    expect(errors[0]!.message).toContain('not base64 at all!');
    expect(errors[1]!.message).toBe(`ID "${bogus}" names type "Bogus", which is not a Node type`);
    expect(errors[2]!.message).toContain('"Query", which is not a Node type');
    for (const e of errors) expect(e.message).not.toMatch(/has not been implemented|Unexpected error/);
  });

  it('node(id:) with an unknown type is a coded error, and the server still serves', async () => {
    const res = await post('query ($id: ID!) { node(id: $id) { id } }', { id: encodeId('Bogus', 'x') });
    expect(res.data?.node).toBeNull();
    expect(res.errors?.[0]).toMatchObject({ path: ['node'], extensions: { code: 'BAD_USER_INPUT' } });
    expect(res.errors?.[0]?.message).toContain('"Bogus"');
    const id = await createUseCase('still serving');
    const again = await t.client('viewer').request<{ node: { id: string } }>('query ($id: ID!) { node(id: $id) { id } }', { id });
    expect(again.node.id).toBe(id);
    await expect(t.client('viewer').request('{ nodes(ids: ["%%%"]) { id } }')).rejects.toBeInstanceOf(ClientError);
    expect((await fetch(new URL('/readyz', t.url))).status).toBe(200);
  });
});
