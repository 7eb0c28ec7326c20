// Prisma clients on the PostgreSQL write store (DATABASE_URL=postgresql://…): the client
// generated from prisma/postgres/schema.prisma — the same models as the SQLite client, derived
// from one schema — over @prisma/adapter-pg. Commands are typed against the SQLite client; the
// two clients have the same model API (test/postgres-schema.test.ts compares their models),
// so this one is handed to them under that type.
import { PrismaPg } from '@prisma/adapter-pg';
import type { PrismaClient as SqlitePrismaClient } from '../../generated/prisma/client.ts';
import { PrismaClient } from '../../generated/prisma-postgres/client.ts';

export interface PostgresClientOptions {
  url: string;
  /** Connections in this client's pool. */
  max: number;
  onPoolError?: (err: Error) => void;
}

export type PostgresClientFactory = (o: PostgresClientOptions) => SqlitePrismaClient;

export const postgresClient: PostgresClientFactory = (o) => {
  const adapter = new PrismaPg(
    // Server-side statement timeout: a stuck statement cannot hold a row lock forever.
    { connectionString: o.url, max: o.max, statement_timeout: 60_000, application_name: 'opsgraph' },
    { onPoolError: o.onPoolError ?? (() => {}) },
  );
  return new PrismaClient({ adapter }) as unknown as SqlitePrismaClient;
};
