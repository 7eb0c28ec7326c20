/**
 * Vitest globalSetup: one real PostgreSQL for the whole run (see ./postgres.ts).
 *
 * Tests read the connection with `inject('postgres')` and take their own database:
 *
 *   const upstream = await createUpstreamDatabase(inject('postgres'), { members: 300 });
 *
 * OPSGRAPH_TEST_POSTGRES_URL=postgresql://user:password@host:port/postgres uses a running
 * server instead of starting one (the user must be allowed to CREATE DATABASE).
 */
import type { TestProject } from 'vitest/node';
import { connectionFromUrl, type PostgresConnection, startPostgres } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresConnection;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.OPSGRAPH_TEST_POSTGRES_URL;
  const server = external ? undefined : await startPostgres();
  const { url, host, port, user, password } = server ?? connectionFromUrl(external!);
  project.provide('postgres', { url, host, port, user, password });
  return async () => {
    await server?.stop();
  };
}
