// The read model (src/read-model, prepared statements) behind use case lists: keyset pages in
// both directions, nested pages per parent, filters, and answers that agree with the Prisma
// rows that mutation payloads carry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateUseCaseDocument, TransitionUseCaseDocument } from './generated/graphql.ts';
import { sqlStatementsOf, startTestServer, type TestServer } from './support/server.ts';

let t: TestServer;
const TEAM = 'read-model@example.com';
const ids: string[] = [];

beforeAll(async () => {
  t = await startTestServer();
  for (let i = 0; i < 9; i++) {
    const r = await t.client('editor').request(CreateUseCaseDocument, { input: { name: `RM ${i}`, teamEmail: TEAM, description: `d${i}` } });
    if (r.createUseCase.__typename !== 'CreateUseCasePayload') throw new Error(JSON.stringify(r));
    ids.push(r.createUseCase.useCase.id);
  }
  // The first use case gets 3 transitions, the second 1, the rest none.
  for (const to of ['AWAITING_CONFIG', 'CONFIG_RECEIVED', 'AWAITING_CONFIG'] as const) {
    await t.client('editor').request(TransitionUseCaseDocument, { input: { id: ids[0]!, to } });
  }
  await t.client('editor').request(TransitionUseCaseDocument, { input: { id: ids[1]!, to: 'CANCELLED' } });
});
afterAll(() => t?.close());

type Page = {
  useCases: {
    totalCount: number;
    edges: Array<{ cursor: string; node: { id: string; name: string } }>;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
};

const PAGE = `query ($first: Int, $after: String, $last: Int, $before: String, $dir: SortDirection) {
  useCases(first: $first, after: $after, last: $last, before: $before, filter: { teamEmail: "${TEAM}" }, orderBy: { field: NAME, direction: $dir }) {
    totalCount
    edges { cursor node { id name } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

const names = (p: Page) => p.useCases.edges.map((e) => e.node.name);

describe('read model: use case lists', () => {
  it('pages forward and backward over the same order, with consistent pageInfo', async () => {
    const all = Array.from({ length: 9 }, (_, i) => `RM ${i}`);
    const forward: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const p: Page = await t.client('viewer').request(PAGE, { first: 4, after });
      expect(p.useCases.totalCount).toBe(9);
      expect(p.useCases.pageInfo.hasPreviousPage).toBe(after !== null);
      forward.push(...names(p));
      after = p.useCases.pageInfo.hasNextPage ? p.useCases.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(forward).toEqual(all);
    expect(pages).toBe(3);

    const backward: string[] = [];
    let before: string | null = null;
    do {
      const p: Page = await t.client('viewer').request(PAGE, { last: 4, before });
      expect(p.useCases.pageInfo.hasNextPage).toBe(before !== null);
      backward.unshift(...names(p)); // each page is in list order; earlier pages come first
      before = p.useCases.pageInfo.hasPreviousPage ? p.useCases.pageInfo.startCursor : null;
    } while (before);
    expect(backward).toEqual(all);
  });

  it('continues after a cursor in descending order, and an empty page past the end', async () => {
    const first: Page = await t.client('viewer').request(PAGE, { first: 2, dir: 'DESC' });
    expect(names(first)).toEqual(['RM 8', 'RM 7']);
    const next: Page = await t.client('viewer').request(PAGE, { first: 3, after: first.useCases.pageInfo.endCursor, dir: 'DESC' });
    expect(names(next)).toEqual(['RM 6', 'RM 5', 'RM 4']);
    const last: Page = await t.client('viewer').request(PAGE, { first: 1, dir: 'ASC' });
    const tail: Page = await t.client('viewer').request(PAGE, { last: 1, dir: 'ASC' });
    expect(names(tail)).toEqual(['RM 8']);
    const past: Page = await t.client('viewer').request(PAGE, { first: 5, after: tail.useCases.pageInfo.endCursor });
    expect(past.useCases.edges).toEqual([]);
    expect(past.useCases.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true, endCursor: null });
    expect(names(last)).toEqual(['RM 0']);
  });

  it('refuses a cursor it did not issue, and first with last', async () => {
    await expect(t.client('viewer').request(PAGE, { first: 2, after: 'bm90LWEtY3Vyc29y' })).rejects.toThrow(/invalid cursor/);
    await expect(t.client('viewer').request(PAGE, { first: 2, last: 2 })).rejects.toThrow(/not both/);
  });

  it('takes filter text as a value: wildcards and quotes match literally', async () => {
    const q = `query ($s: String!) { useCases(first: 50, filter: { search: $s }) { edges { node { name } } } }`;
    for (const s of ['%', '_', "' OR 1=1 --", '"']) {
      const r = await t.client('viewer').request<{ useCases: { edges: unknown[] } }>(q, { s });
      expect(r.useCases.edges).toEqual([]);
    }
    const r = await t.client('viewer').request<{ useCases: { edges: Array<{ node: { name: string } }> } }>(q, { s: 'rm 3' });
    expect(r.useCases.edges.map((e) => e.node.name)).toEqual(['RM 3']);
  });
});

describe('read model: nested pages and agreement with the Prisma path', () => {
  const NESTED = `query ($first: Int, $after: String) {
    useCases(first: 50, filter: { teamEmail: "${TEAM}" }) {
      edges { node {
        id name description state version createdAt updatedAt allowedTransitions
        transitions(first: $first, after: $after) { edges { cursor node { id fromState toState actor createdAt } } pageInfo { hasNextPage hasPreviousPage } }
        activity(first: 2) { edges { node { activityType createdAt } } }
      } }
    }
  }`;
  type Nested = {
    useCases: {
      edges: Array<{
        node: {
          id: string;
          transitions: { edges: Array<{ cursor: string; node: { toState: string } }>; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean } };
          activity: { edges: unknown[] };
        } & Record<string, unknown>;
      }>;
    };
  };

  it('gives each parent its own first N children, in one statement per level', async () => {
    const { data, statements } = await sqlStatementsOf<Nested>(t.client('viewer'), NESTED, { first: 2 });
    const byId = new Map(data.useCases.edges.map((e) => [e.node.id, e.node]));
    const one = byId.get(ids[0]!)!;
    expect(one.transitions.edges.map((e) => e.node.toState)).toEqual(['AWAITING_CONFIG', 'CONFIG_RECEIVED']);
    expect(one.transitions.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
    expect(byId.get(ids[1]!)!.transitions.edges.map((e) => e.node.toState)).toEqual(['CANCELLED']);
    expect(byId.get(ids[2]!)!.transitions.edges).toEqual([]);
    expect(one.activity.edges).toHaveLength(2);
    // list, transitions, activity, guard files (allowedTransitions): one each, not one per use case
    expect(statements).toBe(4);

    const rest = await t.client('viewer').request<Nested>(NESTED, { first: 5, after: one.transitions.edges[1]!.cursor });
    const restOne = rest.useCases.edges.find((e) => e.node.id === ids[0])!.node;
    expect(restOne.transitions.edges.map((e) => e.node.toState)).toEqual(['AWAITING_CONFIG']);
    expect(restOne.transitions.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
  });

  it('reads a record the same from the list, from node(id:), and from the Prisma row a mutation returns', async () => {
    const FIELDS = `id name description state version createdAt updatedAt allowedTransitions
      transitions(first: 10) { edges { cursor node { id fromState toState actor createdAt } } pageInfo { hasNextPage hasPreviousPage } }
      activity(first: 2) { edges { node { activityType createdAt } } }`;
    // The mutation's payload is the command's Prisma row (instants as Dates), not the read model's.
    const updated = await t.client('editor').request<{ updateUseCase: { useCase: Record<string, unknown> } }>(
      `mutation ($id: ID!) { updateUseCase(input: { id: $id, description: "changed" }) { ... on UpdateUseCasePayload { useCase { ${FIELDS} } } } }`,
      { id: ids[0] },
    );
    const list = await t.client('viewer').request<Nested>(NESTED, { first: 10 });
    const NODE = `query ($id: ID!) { node(id: $id) { ... on UseCase { ${FIELDS} } } }`;
    for (const edge of list.useCases.edges) {
      const one = await t.client('viewer').request<{ node: Record<string, unknown> }>(NODE, { id: edge.node.id });
      expect(one.node).toEqual(edge.node);
      if (edge.node.id === ids[0]) expect(updated.updateUseCase.useCase).toEqual(edge.node);
    }
    expect(list.useCases.edges.find((e) => e.node.id === ids[0])?.node.description).toBe('changed');
    // Instants in the canonical form, whichever path produced them.
    expect(updated.updateUseCase.useCase.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const missing = await t.client('viewer').request<{ node: unknown }>(NODE, { id: Buffer.from('UseCase:nope').toString('base64url') });
    expect(missing.node).toBeNull();
  });
});

describe('read model: only the columns the selection needs', () => {
  const ACTIVITY_OF = (selection: string) => `query ($after: String) {
    useCases(first: 3, filter: { teamEmail: "${TEAM}" }) { edges { node { id activity(first: 1, after: $after) { edges { cursor node { ${selection} } } } } } }
  }${selection.includes('... Entry') ? ' fragment Entry on ActivityLogEntry { activityType details }' : ''}`;
  type Activity = { useCases: { edges: Array<{ node: { id: string; activity: { edges: Array<{ cursor: string; node: Record<string, unknown> }> } } }> } };

  it('reads activity details when a use case list asks for them (directly or through a fragment), and pages on', async () => {
    const ALL = 'id subjectType subject { id } actor details';
    const root = await t.client('viewer').request<{ activity: { edges: Array<{ node: { details: unknown } }> } }>(
      `query ($s: ID!) { activity(filter: { subjectId: $s }, first: 1) { edges { node { ${ALL} } } } }`,
      { s: ids[1] },
    );
    const direct = await t.client('viewer').request<Activity>(ACTIVITY_OF(ALL), {});
    const viaFragment = await t.client('viewer').request<Activity>(ACTIVITY_OF('... Entry'), {});
    const first = (a: Activity) => a.useCases.edges.find((e) => e.node.id === ids[1])!.node.activity.edges;
    expect(first(direct).map((e) => e.node)).toEqual(root.activity.edges.map((e) => e.node));
    expect(first(direct)[0]!.node.subject).toEqual({ id: ids[1] });
    expect(first(direct)[0]!.node.details).toMatchObject({ to: 'CANCELLED' });
    expect(first(viaFragment).map((e) => e.node.details)).toEqual(first(direct).map((e) => e.node.details));
    const without = await t.client('viewer').request<Activity>(ACTIVITY_OF('activityType'), {});
    expect(first(without).map((e) => e.node.activityType)).toEqual(first(viaFragment).map((e) => e.node.activityType));
    // The next page: the older entry.
    const older = await t.client('viewer').request<Activity>(ACTIVITY_OF('activityType details'), { after: first(direct)[0]!.cursor });
    expect(first(older).map((e) => e.node.activityType)).toEqual(['use_case_created']);
    expect(first(older)[0]!.node.details).toMatchObject({ name: 'RM 1' });
  });

  it('connectionSelectsNodeField sees fields through spreads, inline fragments and `nodes`', async () => {
    const { parse } = await import('graphql');
    const { connectionSelectsNodeField } = await import('../src/graphql/selection.ts');
    const infoOf = (text: string) => {
      const doc = parse(text);
      const op = doc.definitions.find((d) => d.kind === 'OperationDefinition')!;
      const fragments = Object.fromEntries(doc.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])));
      const field = (op as import('graphql').OperationDefinitionNode).selectionSet.selections[0] as import('graphql').FieldNode;
      return { fieldNodes: [field], fragments };
    };
    expect(connectionSelectsNodeField(infoOf('{ a { edges { node { x } } } }'), 'x')).toBe(true);
    expect(connectionSelectsNodeField(infoOf('{ a { edges { node { y } } } }'), 'x')).toBe(false);
    expect(connectionSelectsNodeField(infoOf('{ a { edges { cursor x } } }'), 'x')).toBe(false);
    expect(connectionSelectsNodeField(infoOf('{ a { ... on C { edges { ... F } } } } fragment F on E { node { ... on N { x } } }'), 'x')).toBe(true);
    expect(connectionSelectsNodeField(infoOf('{ a { nodes { x } } }'), 'x')).toBe(true);
    expect(connectionSelectsNodeField(infoOf('{ a { edges { node { ... F } } } } fragment F on N { ... F y }'), 'x')).toBe(false);
  });
});

describe('isoUtc (stored instant → DateTime)', () => {
  it('rewrites the stored +00:00 form and parses anything else', async () => {
    const { isoUtc } = await import('../src/db/sql-reader.ts');
    expect(isoUtc('2026-01-31T12:00:00.123+00:00')).toBe('2026-01-31T12:00:00.123Z');
    expect(isoUtc('2026-01-31T12:00:00.123Z')).toBe('2026-01-31T12:00:00.123Z');
    expect(isoUtc('2026-01-31T14:00:00+02:00')).toBe('2026-01-31T12:00:00.000Z');
    expect(isoUtc(Date.UTC(2026, 0, 31, 12))).toBe('2026-01-31T12:00:00.000Z');
    expect(isoUtc(new Date(Date.UTC(2026, 0, 31, 12)))).toBe('2026-01-31T12:00:00.000Z');
  });
});

describe('read model: a model page shows its newest versions, picked by a window query', () => {
  const REGISTER = `mutation ($input: RegisterModelVersionInput!) { registerModelVersion(input: $input) { __typename ... on DomainError { message } } }`;
  const MODELS = `query ($prefix: String!, $after: String) {
    models(first: 50, filter: { sensorId: $prefix }) { edges { node {
      sensorId
      versions(first: 2, after: $after) { totalCount edges { cursor node { versionNumber isActive lineage { dataHash modelVersions(first: 5) { totalCount edges { node { versionNumber } } } } } } pageInfo { hasNextPage hasPreviousPage } }
      promotions(first: 5) { edges { node { reason versionNumber version { versionNumber } } } pageInfo { hasNextPage } }
    } } }
  }`;
  type Models = {
    models: {
      edges: Array<{
        node: {
          sensorId: string;
          versions: {
            totalCount: number;
            edges: Array<{
              cursor: string;
              node: {
                versionNumber: number;
                isActive: boolean;
                lineage: { dataHash: string; modelVersions: { totalCount: number; edges: Array<{ node: { versionNumber: number } }> } } | null;
              };
            }>;
            pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean };
          };
          promotions: { edges: Array<{ node: { reason: string; versionNumber: number; version: { versionNumber: number } | null } }>; pageInfo: { hasNextPage: boolean } };
        };
      }>;
    };
  };

  async function register(sensorId: string, versions: number) {
    for (let i = 0; i < versions; i++) {
      const r = await t.client('editor').request<{ registerModelVersion: { __typename: string } }>(REGISTER, {
        input: { sensorId, modelType: 'lstm', dataHash: `abcdef${String(i).padStart(4, '0')}`, validationMetrics: { validation_performed: true, accuracy: 0.5 + i / 100 } },
      });
      expect(r.registerModelVersion.__typename).toBe('RegisterModelVersionPayload');
    }
  }

  it('gives every model its own newest two, with the plugin resolving their relations, in a bounded number of statements', async () => {
    await register('rm-sensor-a', 5);
    await register('rm-sensor-b', 1);
    const { data, statements } = await sqlStatementsOf<Models>(t.client('viewer'), MODELS, { prefix: 'rm-sensor-a' });
    // The filter may be exact or a prefix: look at the models by name.
    const a = data.models.edges.find((e) => e.node.sensorId === 'rm-sensor-a')!.node.versions;
    expect(a.totalCount).toBe(5);
    expect(a.edges.map((e) => e.node.versionNumber)).toEqual([5, 4]);
    expect(a.edges[0]!.node.lineage?.dataHash).toBe('abcdef0004');
    // The lineage's own versions and the model's promotions come through the same kind of window.
    expect(a.edges[0]!.node.lineage?.modelVersions).toEqual({ totalCount: 1, edges: [{ node: { versionNumber: 5 } }] });
    const promotions = data.models.edges.find((e) => e.node.sensorId === 'rm-sensor-a')!.node.promotions;
    expect(promotions.edges.map((e) => [e.node.versionNumber, e.node.version?.versionNumber])).toEqual([[1, 1]]);
    expect(promotions.pageInfo.hasNextPage).toBe(false);
    expect(a.edges.map((e) => e.node.isActive)).toEqual([false, false]); // equal scores: version 1 stays active
    expect(a.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });

    const next = await t.client('viewer').request<Models>(MODELS, { prefix: 'rm-sensor-a', after: a.edges[1]!.cursor });
    const a2 = next.models.edges.find((e) => e.node.sensorId === 'rm-sensor-a')!.node.versions;
    expect(a2.edges.map((e) => e.node.versionNumber)).toEqual([3, 2]);
    expect(a2.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true });
    const last = await t.client('viewer').request<Models>(MODELS, { prefix: 'rm-sensor-a', after: a2.edges[1]!.cursor });
    const a3 = last.models.edges.find((e) => e.node.sensorId === 'rm-sensor-a')!.node.versions;
    expect(a3.edges.map((e) => [e.node.versionNumber, e.node.isActive])).toEqual([[1, true]]);
    expect(a3.pageInfo.hasNextPage).toBe(false);

    const both = await sqlStatementsOf<Models>(t.client('viewer'), MODELS.replace('filter: { sensorId: $prefix }', 'filter: { }').replace('$prefix: String!, ', ''), {});
    const b = both.data.models.edges.find((e) => e.node.sensorId === 'rm-sensor-b')!.node.versions;
    expect(b.edges.map((e) => e.node.versionNumber)).toEqual([1]);
    expect(b.pageInfo.hasNextPage).toBe(false);
    // Models, version ids (window), versions with their lineage and active marks, counts: per level, not per model.
    expect(both.statements).toBe(statements);
  });
});
