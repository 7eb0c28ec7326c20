// Commit-ordered, gapless activity seqs on PostgreSQL (issue 16, milestone 2: "derive the
// cursor from the commit position"). Several write stores (one pool each, as several gateways
// have) record activity entries through the real recordActivity and Database.write, each
// transaction waiting a random moment between its entry and its COMMIT, while a reader polls.
// Every snapshot the reader takes must be a gapless prefix: the entries it sees are exactly
// seqs 1..max(seq). With a plain PostgreSQL sequence a later seq commits before an earlier
// one and the reader sees a hole (this test failed on the serial column). And a rollback
// gives its number back: no hole is ever left behind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandContext, recordActivity, SYSTEM_ACTOR } from '../src/commands/command-context.ts';
import { Database } from '../src/db/database.ts';
import { postgresClient } from '../src/db/postgres/clients.ts';
import { applyPostgresMigrations, POSTGRES_MIGRATIONS_DIR } from '../src/db/postgres/migrate.ts';
import { InProcessActivityBus } from '../src/events/activity-bus.ts';
import { createWriteStoreDatabase, type WriteStoreDatabase } from './support/write-store.ts';

const POOLS = 5;
const WRITES_PER_POOL = 30;

let database: WriteStoreDatabase;
let stores: Database[] = [];

beforeAll(async () => {
  database = await createWriteStoreDatabase();
  await applyPostgresMigrations(database.url);
  stores = Array.from({ length: POOLS }, () => new Database({ file: 'unused.db', postgres: { url: database.url, client: postgresClient } }));
  await Promise.all(stores.map((s) => s.connect()));
}, 120_000);

afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await database?.drop();
});

function contextOf(db: Database): CommandContext {
  // recordActivity needs only the bus (it publishes after commit) and the actor.
  return { services: { db, bus: new InProcessActivityBus() } as unknown as CommandContext['services'], actor: SYSTEM_ACTOR };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function writeOne(db: Database, i: number, options: { entries?: number; rollback?: boolean } = {}): Promise<number[]> {
  const ctx = contextOf(db);
  return db.write(async (tx, afterCommit) => {
    const seqs: number[] = [];
    for (let e = 0; e < (options.entries ?? 1); e++) {
      const row = await recordActivity(tx, afterCommit, ctx, { subjectType: 'Probe', subjectId: `p${i}`, activityType: 'job_updated', description: `write ${i}.${e}` });
      seqs.push(row.seq);
    }
    // The window in which another transaction could commit a later seq first.
    await sleep(Math.random() * 15);
    if (options.rollback) throw new Error('rolled back on purpose');
    return seqs;
  });
}

interface Snapshot {
  n: number;
  top: number;
  low: number;
}

describe('activity seqs on PostgreSQL', () => {
  it('a reader polling during concurrent writes over several pools always sees a gapless prefix 1..max(seq)', async () => {
    const reader = new pg.Client({ connectionString: database.url });
    await reader.connect();
    const seen: Snapshot[] = [];
    let writing = true;
    const polling = (async () => {
      while (writing) {
        // One statement, one snapshot.
        const { rows } = await reader.query('SELECT count(*)::int AS n, coalesce(max(seq), 0)::int AS top, coalesce(min(seq), 1)::int AS low FROM "ActivityLogEntry"');
        seen.push(rows[0] as Snapshot);
      }
    })();
    try {
      let i = 0;
      const seqs = (
        await Promise.all(
          stores.map(async (db) => {
            const mine: number[] = [];
            for (let w = 0; w < WRITES_PER_POOL; w++) mine.push(...(await writeOne(db, i++, { entries: 1 + (w % 2) })));
            return mine;
          }),
        )
      ).flat();
      writing = false;
      await polling;
      const total = POOLS * WRITES_PER_POOL + Math.floor(WRITES_PER_POOL / 2) * POOLS;
      // Every seq handed out once, and exactly 1..total.
      expect(seqs.sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, k) => k + 1));
      expect(seen.length).toBeGreaterThan(10);
      const holes = seen.filter((s) => s.n !== s.top || s.low !== 1);
      expect(holes).toEqual([]);
    } finally {
      writing = false;
      await polling;
      await reader.end();
    }
  });

  it('a rolled-back write gives its seq back: the next commit takes it', async () => {
    const c = new pg.Client({ connectionString: database.url });
    await c.connect();
    try {
      const before = (await c.query('SELECT coalesce(max(seq), 0)::int AS top FROM "ActivityLogEntry"')).rows[0].top as number;
      await expect(writeOne(stores[0]!, 9000, { rollback: true })).rejects.toThrow('rolled back on purpose');
      const [seq] = await writeOne(stores[1]!, 9001);
      expect(seq).toBe(before + 1);
    } finally {
      await c.end();
    }
  });
});

describe('the ActivitySequence migration', () => {
  it('starts the counter at the highest existing seq, so entries written before it keep theirs and the next follows', async () => {
    const older = await createWriteStoreDatabase();
    // The migrations before the counter, as a database of milestone 1 has them.
    const before = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-pg-migrations-'));
    try {
      const all = fs.readdirSync(POSTGRES_MIGRATIONS_DIR);
      for (const name of all.filter((n) => n !== 'migration_lock.toml' && !n.endsWith('_activity_sequence'))) {
        fs.cpSync(path.join(POSTGRES_MIGRATIONS_DIR, name), path.join(before, name), { recursive: true });
      }
      fs.copyFileSync(path.join(POSTGRES_MIGRATIONS_DIR, 'migration_lock.toml'), path.join(before, 'migration_lock.toml'));
      await applyPostgresMigrations(older.url, { migrationsDir: before });
      const c = new pg.Client({ connectionString: older.url });
      await c.connect();
      try {
        for (let i = 0; i < 7; i++) {
          await c.query(`INSERT INTO "ActivityLogEntry" (id, "subjectType", "subjectId", "activityType", description, actor) VALUES ($1, 'Probe', 'p', 'OLD', 'old', 'system')`, [`old-${i}`]);
        }
        expect((await c.query('SELECT to_regclass(\'"ActivitySequence"\') IS NULL AS absent')).rows[0].absent).toBe(true);
        const { applied } = await applyPostgresMigrations(older.url);
        expect(applied.some((n) => n.endsWith('_activity_sequence'))).toBe(true);
        expect((await c.query('SELECT "value" FROM "ActivitySequence"')).rows).toEqual([{ value: 7 }]);
        const db = new Database({ file: 'unused.db', postgres: { url: older.url, client: postgresClient } });
        await db.connect();
        try {
          expect(await writeOne(db, 1)).toEqual([8]);
        } finally {
          await db.close();
        }
      } finally {
        await c.end();
      }
    } finally {
      fs.rmSync(before, { recursive: true, force: true });
      await older.drop();
    }
  });
});
