// Another process holds the database's write lock for longer than SQLITE_BUSY_TIMEOUT_MS. The
// real `opsgraph serve` runs as a child process: while the lock is held, /healthz and reads
// answer and the event loop is never blocked for long (measured by the server itself, its
// nodejs_eventloop_lag_max_seconds, reset at each scrape); a write gets a typed, retryable
// BusyError and /readyz says the writer cannot commit. Once the lock is released, the same
// process writes again at once (the old adapter leaked its transaction mutex after a failed
// BEGIN, and every later write waited 60 s and failed, forever).
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { GraphQLClient } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchChild, watchedEnv } from './support/child-crash-watch.ts';

const bin = path.resolve(import.meta.dirname, '..', 'bin', 'opsgraph.js');
const holder = path.resolve(import.meta.dirname, 'support', 'hold-write-lock.mjs');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-lock-'));
const adminKey = `og_test_lock_${Date.now()}_${Math.random().toString(36).slice(2)}`;
const BUSY_TIMEOUT_MS = 1000;
const children: ChildProcess[] = [];
let server: ChildProcess;
let base = '';
let client: GraphQLClient;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [bin, 'serve'], {
    env: watchedEnv({
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      OPSGRAPH_BOOTSTRAP_ADMIN_KEY: adminKey,
      SQLITE_BUSY_TIMEOUT_MS: String(BUSY_TIMEOUT_MS),
    }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(server);
  watchChild(server, process.stderr);
  const deadline = Date.now() + 60_000;
  while (!(await fetch(`${base}/readyz`).then((r) => r.ok, () => false))) {
    if (server.exitCode !== null) throw new Error(`serve exited with ${server.exitCode}`);
    if (Date.now() > deadline) throw new Error('serve did not become ready');
    await new Promise((r) => setTimeout(r, 100));
  }
  client = new GraphQLClient(`${base}/graphql`, { headers: { authorization: `Bearer ${adminKey}` } });
}, 90_000);

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const CREATE = /* GraphQL */ `
  mutation ($name: String!) {
    createUseCase(input: { name: $name, teamEmail: "ml@example.com" }) {
      __typename
      ... on CreateUseCasePayload { useCase { id name } }
      ... on DomainError { code message }
      ... on BusyError { retryable waitedMs }
    }
  }
`;
type CreateResult = { createUseCase: { __typename: string; code?: string; message?: string; retryable?: boolean; waitedMs?: number; useCase?: { name: string } } };

/** Another process takes the write lock; resolves once it holds it. */
async function holdLock(): Promise<{ release(): Promise<void> }> {
  const child = spawn(process.execPath, [holder, path.join(dataDir, 'opsgraph.db')], { stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
  return {
    release: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin!.write('release\n');
      }),
  };
}

async function maxEventLoopLagSeconds(): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('nodejs_eventloop_lag_max_seconds '));
  return Number(line!.split(' ')[1]);
}

describe('a write lock held by another process', () => {
  it('gives writes a retryable BusyError without stalling the server, and the writer recovers after release', async () => {
    expect((await client.request<CreateResult>(CREATE, { name: 'before the lock' })).createUseCase.__typename).toBe('CreateUseCasePayload');

    const lock = await holdLock();
    await maxEventLoopLagSeconds(); // resets the server's lag histogram
    const [write, health, read] = await Promise.all([
      client.request<CreateResult>(CREATE, { name: 'while locked' }),
      fetch(`${base}/healthz`),
      client.request<{ useCases: { totalCount: number } }>('{ useCases { totalCount } }'),
    ]);
    expect(write.createUseCase).toMatchObject({ __typename: 'BusyError', code: 'DATABASE_BUSY', retryable: true });
    expect(write.createUseCase.waitedMs).toBeGreaterThanOrEqual(BUSY_TIMEOUT_MS);
    expect(write.createUseCase.message).toMatch(/locked by another process/);
    expect(health.status).toBe(200);
    expect(read.useCases.totalCount).toBe(1);
    // Waiting BUSY_TIMEOUT_MS for the lock never held the loop: the old synchronous busy wait held it the whole second.
    expect(await maxEventLoopLagSeconds()).toBeLessThan(0.2);

    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { checks: { database: string } }).checks.database).toMatch(/write lock is held by another process/);

    await lock.release();
    for (const name of ['after the lock', 'and again']) {
      expect((await client.request<CreateResult>(CREATE, { name })).createUseCase).toMatchObject({ __typename: 'CreateUseCasePayload', useCase: { name } });
    }
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect((await client.request<{ useCases: { totalCount: number } }>('{ useCases { totalCount } }')).useCases.totalCount).toBe(3);
    // The same server process did all of it.
    expect(server.exitCode).toBeNull();
    expect(server.signalCode).toBeNull();
  }, 60_000);
});
