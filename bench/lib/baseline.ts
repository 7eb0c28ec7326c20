// Starts bench/lib/baseline-server.ts in its own process (pinned like the gateway).
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './gateway.ts';
import { type ChildServer, freePort, spawnServer } from './process.ts';

const ENTRY = fileURLToPath(new URL('./baseline-server.ts', import.meta.url));

export interface Baseline extends ChildServer {
  adminKey: string;
  headers: Record<string, string>;
  /** POST a GraphQL-style body to one of the baseline's routes; returns the parsed JSON. */
  post<T = unknown>(route: string, body: unknown): Promise<T>;
}

export async function startBaseline(o: { databaseFile: string; adminKey: string; synchronous?: 'FULL' | 'NORMAL' }): Promise<Baseline> {
  const port = await freePort();
  const server = await spawnServer({
    name: 'baseline',
    cwd: REPO_ROOT,
    nodeArgs: ['--import', 'tsx', ENTRY],
    env: { DB_FILE: o.databaseFile, PORT: String(port), SQLITE_SYNCHRONOUS: o.synchronous ?? 'FULL' },
    port,
    readyPath: '/readyz',
  });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${o.adminKey}` };
  return {
    ...server,
    adminKey: o.adminKey,
    headers,
    async post(route, body) {
      const res = await fetch(server.url + route, { method: 'POST', headers, body: JSON.stringify(body) });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`baseline ${route} answered ${res.status}: ${text.slice(0, 1000)}`);
      return JSON.parse(text);
    },
  };
}
