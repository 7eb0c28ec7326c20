// Scale-out milestone 3, the happy path across three real gateway processes (A, B, C) on one
// real PostgreSQL: a write on A is readable on B and C and pushed to their graphql-ws
// subscribers; a subscriber that moves from B to C with its last cursor while A keeps writing
// gets every entry exactly once, in commit order (checked against PostgreSQL's table).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeSeqCursor } from '../src/graphql/page.ts';
import type { ChildServer } from './support/child-server.ts';
import {
  eventually,
  type GatewaySpec,
  gatewaySpec,
  gql,
  pgQuery,
  postgresIds,
  type Received,
  removeGatewayDirs,
  sameEntries,
  startGateway,
  subscribe,
  waitForSubscribers,
  writeLoad,
} from './support/scale-out.ts';
import { createWriteStoreDatabase, type WriteStoreDatabase } from './support/write-store.ts';

const adminKey = `og_test_admin_${Math.random().toString(36).slice(2)}_${Date.now()}`;
let database: WriteStoreDatabase;
const specs: GatewaySpec[] = ['a', 'b', 'c'].map(gatewaySpec);
let a: ChildServer;
let b: ChildServer;
let c: ChildServer;

beforeAll(async () => {
  database = await createWriteStoreDatabase();
  // A first: it migrates; B and C then start side by side.
  a = await startGateway(specs[0]!, database.url, adminKey);
  [b, c] = (await Promise.all([startGateway(specs[1]!, database.url, adminKey), startGateway(specs[2]!, database.url, adminKey)])) as [ChildServer, ChildServer];
}, 120_000);

afterAll(async () => {
  await Promise.all([a, b, c].map((g) => g?.stop()));
  removeGatewayDirs(specs);
  await database?.drop();
});

const maxSeq = async () => Number((await pgQuery<{ n: number }>(database.url, 'SELECT coalesce(max(seq), 0)::int AS n FROM "ActivityLogEntry"'))[0]!.n);

describe('three gateways, one PostgreSQL', () => {
  it("a write on A is readable on B and C, and B's and C's subscribers receive it", async () => {
    const onB = subscribe(b, adminKey);
    const onC = subscribe(c, adminKey);
    try {
      await Promise.all([waitForSubscribers(b, 1), waitForSubscribers(c, 1)]);
      const res = await gql(a, adminKey).rawRequest<{ createUseCase: { useCase: { id: string } } }>(
        `mutation { createUseCase(input: { name: "Written on A", teamEmail: "a@example.com" }) { ... on CreateUseCasePayload { useCase { id } } } }`,
      );
      const id = res.data.createUseCase.useCase.id;
      const position = Number(res.headers.get('opsgraph-commit-position'));
      expect(position).toBeGreaterThan(0);
      for (const g of [b, c]) {
        const seen = await eventually(async () => {
          const r = await gql(g, adminKey).request<{ node: { name: string } | null }>(`query($id: ID!) { node(id: $id) { ... on UseCase { name } } }`, { id });
          return r.node;
        });
        expect(seen).toEqual({ name: 'Written on A' });
      }
      for (const s of [onB, onC]) {
        await eventually(() => s.received.length > 0 || s.failure);
        expect(s.failure).toBeNull();
        // Exactly the entry A committed, at A's commit position.
        expect(s.received.map((r) => r.seq)).toEqual([position]);
      }
      expect(onB.received).toEqual(onC.received);
    } finally {
      await Promise.all([onB.dispose(), onC.dispose()]);
    }
  });

  it('a subscriber moved from B to C with its last cursor, while A keeps writing, gets every entry once, in order', async () => {
    const start = await maxSeq();
    const received: Received[] = [];
    const load = writeLoad([{ name: 'a', url: a.url }], adminKey, { concurrency: 3, pauseMs: 5 });
    try {
      const onB = subscribe(b, adminKey, encodeSeqCursor(start), received);
      await eventually(() => received.length >= 30 || onB.failure, 20_000, '30 entries on B');
      await onB.dispose();
      expect(onB.failure).toBeNull();
      const cursor = onB.lastCursor()!;
      const handedOver = received.length;
      // Entries keep being committed while the subscriber is away.
      await eventually(async () => (await maxSeq()) > start + handedOver + 20, 20_000, 'writes while away');
      const onC = subscribe(c, adminKey, cursor, received);
      try {
        await eventually(() => received.length >= handedOver + 40 || onC.failure, 20_000, '40 more entries on C');
        await load.stop();
        const top = await maxSeq();
        await eventually(() => (received.at(-1)?.seq ?? 0) >= top || onC.failure, 20_000, 'the last entry on C');
        expect(onC.failure).toBeNull();
      } finally {
        await onC.dispose();
      }
    } finally {
      await load.stop();
    }
    expect(load.failures).toEqual([]);
    const expected = (await postgresIds(database.url)).activity.filter((e) => e.seq > start);
    expect(expected.length).toBeGreaterThan(60);
    const same = sameEntries(received, expected);
    expect(same.detail).toBe('');
    expect(same.ok).toBe(true);
    for (const g of [a, b, c]) expect(g.alive(), g.stderr()).toBe(true);
  });
});
