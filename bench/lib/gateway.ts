// The gateway under test: `opsgraph serve` in its own process (pinned to the servers' core
// where possible) on a throw-away DATA_DIR, with a known admin key.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ChildServer, freePort, spawnServer } from './process.ts';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Gateway extends ChildServer {
  /** POST target for GraphQL. */
  graphqlUrl: string;
  adminKey: string;
  dataDir: string;
  databaseFile: string;
  headers: Record<string, string>;
  /** One GraphQL request; throws on transport errors and on `errors` in the response. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<{ data: T; extensions?: Record<string, unknown> }>;
}

export function makeTempDir(prefix = 'opsgraph-bench-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface StartGatewayOptions {
  dataDir?: string;
  /** Extra environment for the server (e.g. SQLITE_SYNCHRONOUS). */
  env?: Record<string, string>;
  /** Extra Node flags before the script (e.g. --cpu-prof, which NODE_OPTIONS refuses). */
  nodeFlags?: string[];
  /**
   * The bootstrap admin key (default: a fresh random one). Gateways sharing one PostgreSQL
   * must share it: each start registers its key as THE bootstrap key and revokes the previous
   * one (src/auth/api-keys.ts), so a second random key would lock the first gateway's clients out.
   */
  adminKey?: string;
}

/** A random bootstrap admin key (`og_bench_…`). */
export function newAdminKey(): string {
  return `og_bench_${crypto.randomBytes(24).toString('base64url')}`;
}

export async function startGateway(o: StartGatewayOptions = {}): Promise<Gateway> {
  const dataDir = o.dataDir ?? makeTempDir();
  const adminKey = o.adminKey ?? newAdminKey();
  const port = await freePort();
  // `node --import tsx src/cli.ts serve` is what `npx tsx src/cli.ts serve` runs, without
  // the npx and tsx wrapper processes (one pid to pin and to stop).
  const server = await spawnServer({
    name: 'gateway',
    cwd: REPO_ROOT,
    nodeArgs: [...(o.nodeFlags ?? []), '--import', 'tsx', 'src/cli.ts', 'serve'],
    env: {
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // What the Dockerfile ships: graphql-js skips its development-mode checks and the
      // Pothos Prisma plugin its unused-query tracking.
      NODE_ENV: 'production',
      OPSGRAPH_BOOTSTRAP_ADMIN_KEY: adminKey,
      // Counting runs on every request anyway (metrics); this only adds the count to the
      // response's `extensions`, which the cases report as SQL statements per request.
      OPSGRAPH_DEBUG_SQL: '1',
      ...o.env,
    },
    port,
    readyPath: '/readyz',
  });
  const graphqlUrl = `${server.url}/graphql`;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` };
  return {
    ...server,
    graphqlUrl,
    adminKey,
    dataDir,
    databaseFile: path.join(dataDir, 'opsgraph.db'),
    headers,
    async gql(query, variables) {
      const res = await fetch(graphqlUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const text = await res.text();
      let body: { data?: unknown; errors?: unknown[]; extensions?: Record<string, unknown> };
      try {
        body = JSON.parse(text);
      } catch {
        throw new Error(`gateway answered ${res.status} with non-JSON: ${text.slice(0, 500)}`);
      }
      if (res.status !== 200 || body.errors?.length) {
        throw new Error(`gateway answered ${res.status}: ${JSON.stringify(body.errors ?? body).slice(0, 2000)}`);
      }
      return body as { data: never; extensions?: Record<string, unknown> };
    },
  };
}

/** Removes a temp data folder (best effort). */
export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
