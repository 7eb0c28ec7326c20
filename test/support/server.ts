// Starts a real opsgraph server for a test file: a fresh SQLite file in a temp DATA_DIR,
// listening on a free loopback port, with one API key per role. Tests talk to it over HTTP
// (graphql-request) and WebSocket (graphql-ws) exactly as clients do.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GraphQLClient } from 'graphql-request';
import { createApiKey } from '../../src/auth/api-keys.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger, type Logger } from '../../src/logger.ts';
import { createServer, type RunningServer } from '../../src/server.ts';

export type TestRole = 'viewer' | 'editor' | 'admin';

export interface TestServer {
  url: string;
  dataDir: string;
  server: RunningServer;
  keys: Record<TestRole, string>;
  /** A graphql-request client with the key of `role`, or with no key at all. */
  client(role?: TestRole | 'anonymous'): GraphQLClient;
  close(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}, options: { logger?: Logger } = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-test-'));
  const adminKey = `og_test_admin_${Math.random().toString(36).slice(2)}_${Date.now()}`;
  const config = loadConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    OPSGRAPH_DEBUG_SQL: '1',
    OPSGRAPH_BOOTSTRAP_ADMIN_KEY: adminKey,
    SHUTDOWN_GRACE: '2s',
    ...env,
  });
  const server = await createServer(config, { logger: options.logger ?? createLogger(config.logLevel) });
  const db = server.services.db;
  const keys: Record<TestRole, string> = {
    admin: adminKey,
    editor: (await createApiKey(db, { name: 'test-editor', role: 'editor' })).key,
    viewer: (await createApiKey(db, { name: 'test-viewer', role: 'viewer' })).key,
  };
  return {
    url: server.url,
    dataDir,
    server,
    keys,
    client(role: TestRole | 'anonymous' = 'admin') {
      return new GraphQLClient(server.url, {
        headers: role === 'anonymous' ? {} : { authorization: `Bearer ${keys[role]}` },
      });
    },
    async close() {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The SQL statement count the server reported for a request (needs OPSGRAPH_DEBUG_SQL=1). */
export async function sqlStatementsOf<T>(
  client: GraphQLClient,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ data: T; statements: number }> {
  const res = await client.rawRequest<T>(query, variables);
  const statements = (res.extensions as { sqlStatements?: number } | undefined)?.sqlStatements;
  if (typeof statements !== 'number') throw new Error('the server did not report sqlStatements (OPSGRAPH_DEBUG_SQL=1?)');
  return { data: res.data, statements };
}
