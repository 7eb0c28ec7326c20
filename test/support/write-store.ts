// Both write stores for one test file: the embedded SQLite file, or a fresh database on the
// run's real PostgreSQL (test/support/postgres-global-setup.ts) with DATABASE_URL=postgresql://…
// Tests that must behave the same on both run `describe.each(WRITE_STORES)`.
import pg from 'pg';
import { inject } from 'vitest';
import { databaseUrl } from './postgres.ts';
import { startTestServer, type TestServer } from './server.ts';

export const WRITE_STORES = ['sqlite', 'postgresql'] as const;
export type WriteStore = (typeof WRITE_STORES)[number];

export interface WriteStoreDatabase {
  url: string;
  drop(): Promise<void>;
}

/** An empty database on the run's PostgreSQL (the gateway migrates it at start). */
export async function createWriteStoreDatabase(): Promise<WriteStoreDatabase> {
  const conn = inject('postgres');
  const name = `opsgraph_${process.pid}_${Math.random().toString(36).slice(2, 10)}`; // generated, not user text
  const admin = new pg.Client({ connectionString: conn.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrl(conn, name),
    async drop() {
      const c = new pg.Client({ connectionString: conn.url });
      await c.connect();
      try {
        // Gateways in PostgreSQL mode leave their replication slots (they resume them on
        // restart); a database with slots cannot be dropped, and a slot retains WAL.
        await dropReplicationSlots(c, name);
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Drops every replication slot of `database` (ending the walsenders still using them). */
export async function dropReplicationSlots(admin: pg.Client, database: string): Promise<string[]> {
  const slots = await admin.query<{ slot_name: string; active_pid: number | null }>('SELECT slot_name, active_pid FROM pg_replication_slots WHERE database = $1', [database]);
  for (const s of slots.rows) {
    if (s.active_pid !== null) await admin.query('SELECT pg_terminate_backend($1)', [s.active_pid]);
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query('SELECT pg_drop_replication_slot($1) FROM pg_replication_slots WHERE slot_name = $1', [s.slot_name]);
        break;
      } catch (err) {
        // Still active for a moment after its walsender was told to end.
        if ((err as { code?: string }).code !== '55006' || attempt > 50) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }
  return slots.rows.map((s) => s.slot_name);
}

/** startTestServer on the given write store; close() also drops the PostgreSQL database. */
export async function startTestServerOn(store: WriteStore, env: Record<string, string> = {}): Promise<TestServer> {
  if (store === 'sqlite') return startTestServer(env);
  const database = await createWriteStoreDatabase();
  const t = await startTestServer({ DATABASE_URL: database.url, ...env }).catch(async (err) => {
    await database.drop();
    throw err;
  });
  return {
    ...t,
    async close() {
      await t.close();
      await database.drop();
    },
  };
}
