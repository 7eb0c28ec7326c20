// The local replica (src/replica/) on its own, against the run's real PostgreSQL: snapshot,
// stream, the stored position, restart without double-apply, rebuild of a wiped file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPostgresMigrations } from '../src/db/postgres/migrate.ts';
import { createLogger } from '../src/logger.ts';
import { LocalReplica } from '../src/replica/index.ts';
import { createWriteStoreDatabase, dropReplicationSlots, type WriteStoreDatabase } from './support/write-store.ts';

let database: WriteStoreDatabase;
let pgc: pg.Client;
let dir: string;
const logger = createLogger((process.env.TEST_LOG_LEVEL ?? 'silent') as 'silent');

beforeAll(async () => {
  database = await createWriteStoreDatabase();
  await applyPostgresMigrations(database.url, { log: () => {} });
  pgc = new pg.Client({ connectionString: database.url });
  await pgc.connect();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-replica-'));
}, 120_000);

afterAll(async () => {
  await pgc?.end();
  await database?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const replica = (slot = 'opsgraph_test_stream') =>
  new LocalReplica({ url: database.url, slot, file: path.join(dir, 'replica.db'), synchronous: 'FULL', busyTimeoutMs: 5000, logger, statusIntervalMs: 200 });

async function insertActivity(n: number, tag: string): Promise<void> {
  for (let i = 0; i < n; i++) {
    await pgc.query(
      `INSERT INTO "ActivityLogEntry" ("id", "subjectType", "subjectId", "activityType", "description", "details", "actor", "createdAt")
       VALUES ($1, 'Job', $2, 'job_created', 'made', '{"a":1}', 'test', now())`,
      [`${tag}-${i}`, `${tag}-${i}`],
    );
  }
}

function localCount(table: string): number {
  const db = new BetterSqlite3(path.join(dir, 'replica.db'), { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('the local replica', () => {
  it('copies a snapshot, then streams: every commit once, in one SQLite transaction each', async () => {
    await insertActivity(3, 'before');
    const r = replica();
    const started = await r.start();
    try {
      expect(started.rebuilt).toBe(true);
      expect(localCount('ActivityLogEntry')).toBe(3);
      await insertActivity(2, 'after');
      expect(await r.catchUp(10_000)).toBe(true);
      expect(localCount('ActivityLogEntry')).toBe(5);
      expect(r.progress.applied()).toBe(5);
      const status = await r.status();
      expect(status).toMatchObject({ streaming: true, caughtUp: true, appliedSeq: 5, error: null });
    } finally {
      await r.close();
    }
  });

  it('a restart resumes from the stored position: what was applied is not applied again', async () => {
    // The previous test's replica left its file and its slot; writes while it is down.
    await insertActivity(4, 'while-down');
    const r = replica();
    const started = await r.start();
    try {
      expect(started.rebuilt).toBe(false);
      expect(await r.catchUp(10_000)).toBe(true);
      // 3 + 2 before, 4 while down: each once (an INSERT applied twice would fail on the key anyway).
      expect(localCount('ActivityLogEntry')).toBe(9);
      expect(r.progress.applied()).toBe(9);
      const ids = new BetterSqlite3(path.join(dir, 'replica.db'), { readonly: true });
      try {
        const stored = ids.prepare('SELECT lsn FROM "_opsgraph_replica"').pluck().get() as string;
        expect(stored).toBe((await r.status()).appliedLsn);
      } finally {
        ids.close();
      }
    } finally {
      await r.close();
    }
  });

  it('a table published after the snapshot (never copied) makes the next start rebuild', async () => {
    const file = new BetterSqlite3(path.join(dir, 'replica.db'));
    try {
      const tables = JSON.parse(file.prepare('SELECT tables FROM "_opsgraph_replica"').pluck().get() as string) as string[];
      expect(tables).toContain('Webhook');
      file.prepare('UPDATE "_opsgraph_replica" SET tables = ?').run(JSON.stringify(tables.filter((t) => t !== 'Webhook')));
    } finally {
      file.close();
    }
    const r = replica();
    try {
      expect((await r.start()).rebuilt).toBe(true);
      expect(localCount('ActivityLogEntry')).toBe(9);
    } finally {
      await r.close();
    }
  });

  it('a broken stream (walsender ended) reconnects and resumes from what was applied', async () => {
    const r = replica();
    await r.start();
    try {
      expect(await r.catchUp(10_000)).toBe(true);
      for (let i = 0; i < 200 && !(await r.status()).streaming; i++) await new Promise((res) => setTimeout(res, 50));
      const activePid = async () =>
        (await pgc.query(`SELECT active_pid FROM pg_replication_slots WHERE slot_name = 'opsgraph_test_stream'`)).rows[0]?.active_pid as number | null;
      const first = await activePid();
      const ended = await pgc.query(`SELECT pg_terminate_backend($1) AS ok`, [first]);
      expect(ended.rows).toEqual([{ ok: true }]);
      await insertActivity(2, 'after-reconnect');
      // While the stream is down a wait answers at once (writes are not held); then it reconnects
      // with a new walsender.
      for (let i = 0; i < 300; i++) {
        const now = await activePid();
        if (now !== null && now !== first && (await r.status()).streaming) break;
        await new Promise((res) => setTimeout(res, 50));
      }
      expect(await r.catchUp(15_000)).toBe(true);
      expect(localCount('ActivityLogEntry')).toBe(11);
      expect(r.progress.applied()).toBe(11);
      expect((await r.status()).streaming).toBe(true);
    } finally {
      await r.close();
    }
  });

  it('updates and deletes arrive; a wiped file is rebuilt from a new snapshot on a new slot', async () => {
    const r = replica();
    await r.start();
    try {
      await pgc.query(`UPDATE "ActivityLogEntry" SET description = 'changed' WHERE id = 'before-0'`);
      await pgc.query(`DELETE FROM "ActivityLogEntry" WHERE id = 'before-1'`);
      expect(await r.catchUp(10_000)).toBe(true);
      const db = new BetterSqlite3(path.join(dir, 'replica.db'), { readonly: true });
      try {
        expect(db.prepare(`SELECT description FROM "ActivityLogEntry" WHERE id = 'before-0'`).pluck().get()).toBe('changed');
        expect(db.prepare(`SELECT count(*) FROM "ActivityLogEntry" WHERE id = 'before-1'`).pluck().get()).toBe(0);
      } finally {
        db.close();
      }
    } finally {
      await r.close();
    }
    const slotBefore = (await pgc.query(`SELECT xmin, catalog_xmin::text, restart_lsn::text FROM pg_replication_slots WHERE slot_name = 'opsgraph_test_stream'`)).rows[0];
    expect(slotBefore).toBeDefined();
    fs.rmSync(path.join(dir, 'replica.db'));
    await insertActivity(1, 'after-wipe');
    const again = replica();
    const started = await again.start();
    try {
      expect(started.rebuilt).toBe(true);
      expect(localCount('ActivityLogEntry')).toBe(11); // 11 - 1 deleted + 1 new
      const slots = (await pgc.query(`SELECT slot_name FROM pg_replication_slots WHERE database = current_database()`)).rows;
      expect(slots).toEqual([{ slot_name: 'opsgraph_test_stream' }]); // dropped and made again, not a second one
    } finally {
      await again.close();
    }
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      expect(await dropReplicationSlots(admin, (await admin.query('SELECT current_database() AS d')).rows[0].d)).toEqual(['opsgraph_test_stream']);
    } finally {
      await admin.end();
    }
  });

  it('writes committed while the snapshot is taken land in the copy or in the stream: none missing, none twice', async () => {
    const raceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-replica-race-'));
    const raceFile = path.join(raceDir, 'replica.db');
    let stop = false;
    let n = 0;
    const writer = (async () => {
      while (!stop) await insertActivity(1, `race-${n++}`);
    })();
    const r = new LocalReplica({ url: database.url, slot: 'opsgraph_test_race', file: raceFile, synchronous: 'FULL', busyTimeoutMs: 5000, logger, statusIntervalMs: 200 });
    try {
      await new Promise((res) => setTimeout(res, 100));
      expect((await r.start()).rebuilt).toBe(true);
      await new Promise((res) => setTimeout(res, 200));
      stop = true;
      await writer;
      expect(n).toBeGreaterThan(5);
      expect(await r.catchUp(10_000)).toBe(true);
      const upstream = (await pgc.query('SELECT id FROM "ActivityLogEntry" ORDER BY seq')).rows.map((row) => row.id as string);
      const db = new BetterSqlite3(raceFile, { readonly: true });
      try {
        expect(db.prepare('SELECT id FROM "ActivityLogEntry" ORDER BY seq').pluck().all()).toEqual(upstream);
      } finally {
        db.close();
      }
    } finally {
      stop = true;
      await writer;
      await r.close();
      await pgc.query(`SELECT pg_drop_replication_slot('opsgraph_test_race')`);
      fs.rmSync(raceDir, { recursive: true, force: true });
    }
  });
});
