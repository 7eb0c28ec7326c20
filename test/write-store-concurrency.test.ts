// Optimistic concurrency across processes (issue 16, milestone 1): three real gateway
// processes (`opsgraph serve`) on one real PostgreSQL, started at the same moment (so they
// also race for the migrations and for registering the same bootstrap admin key), then 200
// concurrent transitionUseCase requests with one expectedVersion, spread over the three over
// HTTP. Exactly one wins; every other gets StaleVersionError; the database holds one
// transition and one activity entry. Then commit positions: many creates at once over the
// three answer with distinct positions, which are exactly the new activity seqs, gapless.
import { GraphQLClient } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildServer, spawnServer } from './support/child-server.ts';
import { createWriteStoreDatabase, type WriteStoreDatabase } from './support/write-store.ts';
import pg from 'pg';

const adminKey = `og_test_admin_${Math.random().toString(36).slice(2)}_${Date.now()}`;
let database: WriteStoreDatabase;
let gateways: ChildServer[] = [];

beforeAll(async () => {
  database = await createWriteStoreDatabase();
  gateways = await Promise.all([1, 2, 3].map(() => spawnServer({ DATABASE_URL: database.url, OPSGRAPH_BOOTSTRAP_ADMIN_KEY: adminKey })));
}, 180_000);

afterAll(async () => {
  await Promise.all(gateways.map((g) => g.stop()));
  await database?.drop();
});

const client = (g: ChildServer) => new GraphQLClient(g.url, { headers: { authorization: `Bearer ${adminKey}` } });

const TRANSITION = `mutation($input: TransitionUseCaseInput!) {
  transitionUseCase(input: $input) {
    __typename
    ... on TransitionUseCasePayload { useCase { version state } }
    ... on StaleVersionError { expectedVersion currentVersion }
    ... on DomainError { code message }
  }
}`;

describe('three gateways on one PostgreSQL', () => {
  it('started together: one migration history, one admin key, all ready', async () => {
    for (const g of gateways) expect((await fetch(`${g.origin}/readyz`)).status).toBe(200);
    const c = new pg.Client({ connectionString: database.url });
    await c.connect();
    try {
      const migrations = await c.query('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL');
      expect(migrations.rows.length).toBeGreaterThan(0);
      expect(new Set(migrations.rows.map((r) => r.migration_name)).size).toBe(migrations.rows.length); // each applied once
      const keys = await c.query(`SELECT count(*)::int AS n FROM "ApiKey" WHERE "revokedAt" IS NULL`);
      expect(keys.rows[0].n).toBe(1);
    } finally {
      await c.end();
    }
  });

  it('200 concurrent transitions with one expectedVersion: exactly one winner, 199 StaleVersionError', async () => {
    const created = await client(gateways[0]!).request<{ createUseCase: { useCase: { id: string; version: number } } }>(
      `mutation { createUseCase(input: { name: "Race", teamEmail: "race@example.com" }) { ... on CreateUseCasePayload { useCase { id version } } } }`,
    );
    const { id, version } = created.createUseCase.useCase; // a global id
    expect(version).toBe(1);

    const results = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const gateway = i % 3;
        const r = await client(gateways[gateway]!).request<{ transitionUseCase: Record<string, unknown> & { __typename: string } }>(TRANSITION, {
          input: { id, to: 'AWAITING_CONFIG', expectedVersion: 1, notes: `attempt ${i}` },
        });
        return { gateway, result: r.transitionUseCase };
      }),
    );
    const winners = results.filter((r) => r.result.__typename === 'TransitionUseCasePayload');
    const stale = results.filter((r) => r.result.__typename === 'StaleVersionError');
    expect(winners).toHaveLength(1);
    expect(winners[0]!.result).toMatchObject({ useCase: { version: 2, state: 'AWAITING_CONFIG' } });
    expect(stale).toHaveLength(199);
    for (const s of stale) expect(s.result).toMatchObject({ expectedVersion: 1, currentVersion: 2, code: 'STALE_VERSION' });
    // The losers are on every gateway, not only behind the winner in its own process.
    expect(new Set(stale.map((s) => s.gateway))).toEqual(new Set([0, 1, 2]));

    const c = new pg.Client({ connectionString: database.url });
    await c.connect();
    try {
      const uc = await c.query(`SELECT version, state FROM "UseCase" WHERE id = $1`, [await rawId(c)]);
      expect(uc.rows[0]).toMatchObject({ version: 2, state: 'AWAITING_CONFIG' });
      const transitions = await c.query(`SELECT count(*)::int AS n FROM "StateTransition"`);
      expect(transitions.rows[0].n).toBe(1);
      const activity = await c.query(`SELECT count(*)::int AS n FROM "ActivityLogEntry" WHERE "activityType" = 'state_changed'`);
      expect(activity.rows[0].n).toBe(1);
    } finally {
      await c.end();
    }
    for (const g of gateways) expect(g.alive(), g.stderr()).toBe(true);
  });

  it('commit positions across the three: 90 concurrent creates answer with distinct positions that are exactly the new seqs, gapless', async () => {
    const c = new pg.Client({ connectionString: database.url });
    await c.connect();
    try {
      const top = async () => (await c.query('SELECT coalesce(max(seq), 0)::int AS top, count(*)::int AS n FROM "ActivityLogEntry"')).rows[0] as { top: number; n: number };
      const before = await top();
      expect(before.n).toBe(before.top); // gapless so far
      const positions = await Promise.all(
        Array.from({ length: 90 }, async (_, i) => {
          const res = await client(gateways[i % 3]!).rawRequest(`mutation { createUseCase(input: { name: "pos ${i}", teamEmail: "pos@example.com" }) { __typename } }`);
          const header = Number(res.headers.get('opsgraph-commit-position'));
          expect((res.extensions as { commitPosition: number }).commitPosition).toBe(header);
          return header;
        }),
      );
      expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: 90 }, (_, k) => before.top + k + 1));
      const after = await top();
      expect(after).toEqual({ top: before.top + 90, n: before.n + 90 });
    } finally {
      await c.end();
    }
  });
});

/** The one use case's raw id (the graph hands out global ids). */
async function rawId(c: pg.Client): Promise<string> {
  const r = await c.query(`SELECT id FROM "UseCase"`);
  expect(r.rows).toHaveLength(1);
  return r.rows[0].id;
}
