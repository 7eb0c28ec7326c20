// A real PostgreSQL for the scale-out cases (issue 16): the test harness's server
// (test/support/postgres.ts) with fsync and synchronous commit ON, as in production. That
// matters beyond commit cost: a walsender only streams WAL that has been flushed, so with
// synchronous_commit=off a commit reaches the replicas up to wal_writer_delay (200 ms) late.
import pg from 'pg';
import { databaseUrl, type PostgresServer, startPostgres } from '../../test/support/postgres.ts';

export interface BenchPostgres {
  server: PostgresServer;
  /** postgresql://… of the case's own database on that server. */
  url: string;
}

/** Starts a durable PostgreSQL and creates `database` on it; stops the server again if that fails. */
export async function startBenchPostgres(database: string): Promise<BenchPostgres> {
  const server = await startPostgres({ durable: true });
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${database}`);
    } finally {
      await admin.end();
    }
    return { server, url: databaseUrl(server, database) };
  } catch (err) {
    await server.stop();
    throw err;
  }
}
