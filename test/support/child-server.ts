// Spawns the real `bin/opsgraph.js serve` as a child process (as test/process.test.ts does),
// for tests of defects that used to crash the process: the child's PID must still be alive
// and answering after the hostile request. Any uncaught exception or unhandled rejection in
// the child fails the running test (child-crash-watch.ts).
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { watchChild, watchedEnv } from './child-crash-watch.ts';
import { freePort } from './s3-server.ts';

const bin = path.resolve(import.meta.dirname, '..', '..', 'bin', 'opsgraph.js');

export interface ChildServer {
  child: ChildProcess;
  pid: number;
  port: number;
  origin: string;
  url: string;
  dataDir: string;
  adminKey: string;
  /** What the child wrote to stderr (a crash's stack trace lands here). */
  stderr(): string;
  /** The child is the same process it was at start and has not exited. */
  alive(): boolean;
  stop(): Promise<void>;
}

export async function spawnServer(env: Record<string, string> = {}): Promise<ChildServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-child-'));
  const port = await freePort();
  const adminKey = `og_child_admin_${Math.random().toString(36).slice(2)}_${Date.now()}`;
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: watchedEnv({ ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', OPSGRAPH_BOOTSTRAP_ADMIN_KEY: adminKey, ...env }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // An uncaught exception or unhandled rejection in the server fails the running test.
  watchChild(child);
  let err = '';
  child.stderr!.on('data', (c: Buffer) => {
    err = (err + c.toString('utf8')).slice(-20_000);
  });
  const pid = child.pid!;
  const origin = `http://127.0.0.1:${port}`;
  const server: ChildServer = {
    child,
    pid,
    port,
    origin,
    url: `${origin}/graphql`,
    dataDir,
    adminKey,
    stderr: () => err,
    alive: () => child.exitCode === null && child.signalCode === null && child.pid === pid,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (!server.alive()) throw new Error(`serve exited (${child.exitCode ?? child.signalCode}):\n${err}`);
    if (await fetch(`${origin}/healthz`).then((r) => r.ok, () => false)) return server;
    await new Promise((r) => setTimeout(r, 100));
  }
  await server.stop();
  throw new Error('serve did not start in 60 s');
}
