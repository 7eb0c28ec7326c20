// Scale-out milestone 3: `kill -9` of gateway B while A and C take a steady write load. B
// restarts with the same DATA_DIR and REPLICA_ID, resumes its slot, catches up (/readyz 200)
// and its replica file holds exactly PostgreSQL's rows (nothing lost, nothing applied twice).
// B's subscribers resume on C with their last cursors and get every entry once, in order.
// Every write acknowledged to a client is in PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeSeqCursor } from '../src/graphql/page.ts';
import type { ChildServer } from './support/child-server.ts';
import {
  eventually,
  type GatewaySpec,
  gatewaySpec,
  pgQuery,
  postgresIds,
  readyz,
  type Received,
  removeGatewayDirs,
  replicaIds,
  sameEntries,
  startGateway,
  subscribe,
  type Subscriber,
  waitForSubscribers,
  writeLoad,
} from './support/scale-out.ts';
import { createWriteStoreDatabase, type WriteStoreDatabase } from './support/write-store.ts';

const adminKey = `og_test_admin_${Math.random().toString(36).slice(2)}_${Date.now()}`;
let database: WriteStoreDatabase;
const specs: GatewaySpec[] = ['a', 'b', 'c'].map(gatewaySpec);
const gateways: ChildServer[] = [];

beforeAll(async () => {
  database = await createWriteStoreDatabase();
  gateways.push(await startGateway(specs[0]!, database.url, adminKey));
  gateways.push(...(await Promise.all([startGateway(specs[1]!, database.url, adminKey), startGateway(specs[2]!, database.url, adminKey)])));
}, 120_000);

afterAll(async () => {
  await Promise.all(gateways.map((g) => g.stop()));
  removeGatewayDirs(specs);
  await database?.drop();
});

const maxSeq = async () => Number((await pgQuery<{ n: number }>(database.url, 'SELECT coalesce(max(seq), 0)::int AS n FROM "ActivityLogEntry"'))[0]!.n);

describe('kill -9 of a gateway under write load', () => {
  it('B restarts and catches up to exactly PostgreSQL; its subscribers resume on C; no acknowledged write is lost', async () => {
    const [a, b0, c] = gateways as [ChildServer, ChildServer, ChildServer];
    const start = await maxSeq();
    const streams: Received[][] = [[], []];
    const onB: Subscriber[] = streams.map((r) => subscribe(b0, adminKey, encodeSeqCursor(start), r));
    await waitForSubscribers(b0, 2);
    const load = writeLoad(
      [
        { name: 'a', url: a.url },
        { name: 'c', url: c.url },
      ],
      adminKey,
      { concurrency: 2, pauseMs: 10 },
    );
    let b = b0;
    try {
      await eventually(() => streams.every((r) => r.length >= 20), 20_000, '20 entries on each of B\'s subscribers');

      const exited = new Promise((r) => b0.child.once('exit', r));
      b0.child.kill('SIGKILL');
      await exited;
      // The subscribers see their socket go, and move to C with the last cursor each received.
      await eventually(() => onB.every((s) => s.failure !== null || s.completed), 10_000, 'subscribers see B go');
      const cursors = onB.map((s) => s.lastCursor());
      const onC = streams.map((r, i) => subscribe(c, adminKey, cursors[i]!, r));
      try {
        // B comes back on its own file and slot while the load goes on.
        await b0.stop(); // removes only the child's own temp dir (B's DATA_DIR is ours)
        b = await startGateway(specs[1]!, database.url, adminKey);
        gateways[1] = b;
        await eventually(async () => (await readyz(b)).status === 200, 30_000, 'B ready again');
        const backAt = await maxSeq();
        await eventually(async () => (await maxSeq()) > backAt + 20, 20_000, 'writes after B is back');
        await load.stop();

        const top = await maxSeq();
        await eventually(async () => Number((await readyz(b)).body?.replica?.appliedSeq) >= top, 20_000, "B's replica at PostgreSQL's last seq");
        await eventually(() => streams.every((r) => (r.at(-1)?.seq ?? 0) >= top) || onC.some((s) => s.failure), 20_000, 'the last entry on C');
        for (const s of onC) expect(s.failure).toBeNull();
      } finally {
        await Promise.all(onC.map((s) => s.dispose()));
      }
    } finally {
      await load.stop();
      await Promise.all(onB.map((s) => s.dispose()));
    }

    const upstream = await postgresIds(database.url);
    // B's replica is PostgreSQL's, row for row: nothing lost while it was dead, nothing applied twice after.
    const local = replicaIds(specs[1]!);
    expect(local.useCases.length).toBe(upstream.useCases.length);
    expect(local.activity.length).toBe(upstream.activity.length);
    expect(local).toEqual(upstream);
    // Every acknowledged write is in PostgreSQL; none failed (A and C stayed up).
    expect(load.failures).toEqual([]);
    expect(load.acknowledged.length).toBeGreaterThan(40);
    const stored = new Set(upstream.useCases);
    expect(load.acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    // Each subscriber: every entry after its start, once, in commit order, across B and C.
    const expected = upstream.activity.filter((e) => e.seq > start);
    for (const r of streams) {
      const same = sameEntries(r, expected);
      expect(same.detail).toBe('');
      expect(same.ok).toBe(true);
    }
    for (const g of gateways) expect(g.alive(), g.stderr()).toBe(true);
  });
});
