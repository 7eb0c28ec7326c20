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
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
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
