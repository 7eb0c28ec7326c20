// The local replica's waiters when its stream goes down (issue 16, milestone 3; found by
// test/scale-out-postgres-restart.test.ts, where writes committed just before PostgreSQL
// stopped held their responses for 15 s). A write waits for its commit position to be
// applied locally (Database.write, then the commit-position plugin, both through the
// replica). When the replication stream breaks, nothing arrives until it is back, so those
// waits end at once: showsPosition answers false and progress.waitFor rejects with
// REPLICA_BEHIND. The bounds here are far beyond the test's timeout: only the stream going
// down can release them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplicaBehindError } from '../src/db/commit-position.ts';
import { applyPostgresMigrations } from '../src/db/postgres/migrate.ts';
import { createLogger } from '../src/logger.ts';
import { LocalReplica } from '../src/replica/index.ts';
import { createWriteStoreDatabase, type WriteStoreDatabase } from './support/write-store.ts';

let database: WriteStoreDatabase;
let pgc: pg.Client;
let dir: string;
const logger = createLogger((process.env.TEST_LOG_LEVEL ?? 'silent') as 'silent');

beforeAll(async () => {
  database = await createWriteStoreDatabase();
  await applyPostgresMigrations(database.url, { log: () => {} });
  pgc = new pg.Client({ connectionString: database.url });
  await pgc.connect();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-replica-down-'));
}, 120_000);

afterAll(async () => {
  await pgc?.end();
  await database?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const FOREVER_MS = 600_000;

describe('the local replica, its stream broken', () => {
  it('releases every wait for a commit position at once (false / REPLICA_BEHIND), and waits again once it streams', async () => {
    const r = new LocalReplica({ url: database.url, slot: 'opsgraph_test_down', file: path.join(dir, 'replica.db'), synchronous: 'FULL', busyTimeoutMs: 5000, logger, statusIntervalMs: 200 });
    await r.start();
    try {
      expect(await r.catchUp(10_000)).toBe(true);
      const ahead = r.progress.applied() + 1000; // a position no one writes
      const shown = r.showsPosition(ahead, FOREVER_MS);
      const waited = r.progress.waitFor(ahead, FOREVER_MS).then(
        () => 'reached',
        (err: unknown) => err,
      );
      // The walsender streaming the slot ends (a restart, a network cut).
      let pid: number | undefined;
      for (let i = 0; i < 200 && !(await r.status()).streaming; i++) await new Promise((res) => setTimeout(res, 50));
      for (let i = 0; i < 200 && pid === undefined; i++) {
        const slot = await pgc.query<{ pid: number }>(`SELECT active_pid AS pid FROM pg_replication_slots WHERE slot_name = 'opsgraph_test_down' AND active`);
        pid = slot.rows[0]?.pid;
        if (pid === undefined) await new Promise((res) => setTimeout(res, 50));
      }
      expect(pid).toBeGreaterThan(0);
      await pgc.query('SELECT pg_terminate_backend($1)', [pid]);
      expect(await shown).toBe(false);
      const err = await waited;
      expect(err).toBeInstanceOf(ReplicaBehindError);
      expect(err).toMatchObject({ code: 'REPLICA_BEHIND', position: ahead });
      // Back (it reconnects by itself): a wait for a position that arrives is met again.
      for (let i = 0; i < 400 && !(await r.status()).streaming; i++) await new Promise((res) => setTimeout(res, 50));
      expect(await r.catchUp(20_000)).toBe(true);
      await pgc.query(
        `INSERT INTO "ActivityLogEntry" ("id", "subjectType", "subjectId", "activityType", "description", "details", "actor", "createdAt")
         VALUES ('after-down', 'Job', 'after-down', 'job_created', 'made', '{}', 'test', now())`,
      );
      const next = Number((await pgc.query('SELECT max(seq)::int AS n FROM "ActivityLogEntry"')).rows[0].n);
      await expect(r.progress.waitFor(next, FOREVER_MS)).resolves.toBeUndefined();
      expect(await r.showsPosition(next, FOREVER_MS)).toBe(true);
    } finally {
      await r.close();
    }
  });
});
