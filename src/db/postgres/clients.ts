// Prisma clients on the PostgreSQL write store (DATABASE_URL=postgresql://…): the client
// generated from prisma/postgres/schema.prisma — the same models as the SQLite client, derived
// from one schema — over @prisma/adapter-pg. Commands are typed against the SQLite client; the
// two clients have the same model API (test/postgres-schema.test.ts compares their models),
// so this one is handed to them under that type.
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import type { PrismaClient as SqlitePrismaClient } from '../../generated/prisma/client.ts';
import { PrismaClient } from '../../generated/prisma-postgres/client.ts';
import { PgWriteStore, registerWriteStore, STATEMENT_TIMEOUT_MS } from './write-session.ts';

export interface PostgresClientOptions {
  url: string;
  /** Connections in this client's pool. */
  max: number;
  /**
   * The writer: the pool is ours (a pg.Pool handed to PrismaPg), and Database.write() opens
   * its transactions on it itself (src/db/postgres/write-session.ts, `writeStoreOf(client)`).
   */
  writer?: boolean;
  onPoolError?: (err: Error) => void;
}

export type PostgresClientFactory = (o: PostgresClientOptions) => SqlitePrismaClient;

export const postgresClient: PostgresClientFactory = (o) => {
  // Server-side statement timeout: a stuck statement cannot hold a row lock forever.
  const config = { connectionString: o.url, max: o.max, statement_timeout: STATEMENT_TIMEOUT_MS, application_name: 'opsgraph' };
  const onPoolError = o.onPoolError ?? (() => {});
  if (!o.writer) return new PrismaClient({ adapter: new PrismaPg(config, { onPoolError }) }) as unknown as SqlitePrismaClient;

  const pool = new pg.Pool(config);
  // An idle client's error (the server restarted) must never be an uncaught 'error' event.
  pool.on('error', onPoolError);
  const store = new PgWriteStore(pool, pg.types);
  // disposeExternalPool: $disconnect() ends the pool, as it does for a pool the adapter made.
  const inner = new PrismaPg(pool, { onPoolError, disposeExternalPool: true });
  const adapter: SqlDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect(): Promise<SqlDriverAdapter> {
      const a = await inner.connect();
      store.attach(a);
      return a;
    },
  };
  const client = new PrismaClient({ adapter }) as unknown as SqlitePrismaClient;
  registerWriteStore(client, store);
  return client;
};
