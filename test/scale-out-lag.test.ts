// Scale-out milestone 3: a replica that falls behind says so. B is made to fall behind for
// real: its walsender on PostgreSQL (the server process streaming B's slot) is paused with
// SIGSTOP, as a stalled network or an overloaded server would; A keeps writing. B stays up
// and answers, and /metrics and /readyz's detail report how far behind it is (bytes, seconds,
// the activity seq it has applied against PostgreSQL's), while C, streaming normally, is at
// the server's position. Resumed (SIGCONT), B catches up and its lag is 0 again.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildServer } from './support/child-server.ts';
import { eventually, type GatewaySpec, gatewaySpec, gql, pgQuery, readyz, removeGatewayDirs, startGateway } from './support/scale-out.ts';
import { databaseUrl, type PostgresServer, startPostgres } from './support/postgres.ts';

const adminKey = `og_test_admin_${Math.random().toString(36).slice(2)}_${Date.now()}`;
// Its own server: lag is measured in WAL bytes, which the run's other files (other
// databases on the shared server) would keep adding while this file expects 0.
let server: PostgresServer;
let database: { url: string };
const specs: GatewaySpec[] = ['a', 'b', 'c'].map(gatewaySpec);
const gateways: ChildServer[] = [];
let paused: number | null = null;

beforeAll(async () => {
  server = await startPostgres();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('CREATE DATABASE opsgraph_lag');
  await admin.end();
  database = { url: databaseUrl(server, 'opsgraph_lag') };
  gateways.push(await startGateway(specs[0]!, database.url, adminKey));
  gateways.push(...(await Promise.all([startGateway(specs[1]!, database.url, adminKey), startGateway(specs[2]!, database.url, adminKey)])));
}, 120_000);

afterAll(async () => {
  if (paused !== null) process.kill(paused, 'SIGCONT');
  await Promise.all(gateways.map((g) => g.stop()));
  removeGatewayDirs(specs);
  await server?.stop(); // its database and the gateways' slots go with its folder
});

const maxSeq = async () => Number((await pgQuery<{ n: number }>(database.url, 'SELECT coalesce(max(seq), 0)::int AS n FROM "ActivityLogEntry"'))[0]!.n);

async function metric(g: ChildServer, name: string): Promise<number> {
  const text = await (await fetch(`${g.origin}/metrics`)).text();
  const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  if (!m) throw new Error(`no ${name} in /metrics`);
  return Number(m[1]);
}

describe('a replica that falls behind', () => {
  it('reports its lag in /metrics and /readyz detail, and catches up once its stream moves again', async () => {
    const [a, b, c] = gateways as [ChildServer, ChildServer, ChildServer];
    for (const g of gateways) await eventually(async () => (await readyz(g)).status === 200, 20_000, 'ready');
    expect(await metric(b, 'opsgraph_replica_lag_bytes')).toBe(0);

    // The server process streaming B's slot.
    const [walsender] = await pgQuery<{ pid: number }>(database.url, `SELECT active_pid AS pid FROM pg_replication_slots WHERE slot_name = 'opsgraph_scale_b' AND active`);
    expect(walsender?.pid).toBeGreaterThan(0);
    process.kill(walsender!.pid, 'SIGSTOP');
    paused = walsender!.pid;
    try {
      for (let i = 0; i < 20; i++) {
        await gql(a, adminKey).request(`mutation($n: String!) { createUseCase(input: { name: $n, teamEmail: "lag@example.com" }) { __typename } }`, { n: `behind ${i}` });
      }
      const top = await maxSeq();
      // C streams normally: it reaches the server's position.
      await eventually(async () => Number((await readyz(c)).body?.replica?.appliedSeq) >= top, 20_000, 'C at the top');

      // B is up and answers, and says how far behind it is.
      const behind = await eventually(async () => {
        const r = await readyz(b);
        const s = r.body?.replica as { lagBytes: number; lagSeconds: number; appliedSeq: number; serverLsn: string; processedLsn: string } | undefined;
        return s && s.lagBytes > 0 && s.lagSeconds > 0 ? { status: r.status, s } : null;
      }, 20_000, 'B reports lag in /readyz');
      expect(behind.s.appliedSeq).toBeLessThan(top);
      expect(behind.s.processedLsn).not.toBe(behind.s.serverLsn);
      expect(await metric(b, 'opsgraph_replica_lag_bytes')).toBeGreaterThan(0);
      expect(await metric(b, 'opsgraph_replica_lag_seconds')).toBeGreaterThan(0);
      expect(await metric(b, 'opsgraph_replica_applied_seq')).toBeLessThan(top);
      expect(await metric(c, 'opsgraph_replica_applied_seq')).toBeGreaterThanOrEqual(top);
    } finally {
      process.kill(walsender!.pid, 'SIGCONT');
      paused = null;
    }

    const top = await maxSeq();
    await eventually(async () => {
      const s = (await readyz(b)).body?.replica as { lagBytes: number; appliedSeq: number } | undefined;
      return s && s.appliedSeq >= top && s.lagBytes === 0;
    }, 20_000, 'B caught up');
    expect(await metric(b, 'opsgraph_replica_lag_seconds')).toBe(0);
    expect(await metric(b, 'opsgraph_replica_applied_seq')).toBe(top);
    for (const g of gateways) expect(g.alive(), g.stderr()).toBe(true);
  });
});
