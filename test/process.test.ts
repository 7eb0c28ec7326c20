// The real `opsgraph` command as a user runs it: first start, keys, help, bad config,
// a crash (SIGKILL) losing no acknowledged write, and a clean SIGTERM shutdown.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { GraphQLClient } from 'graphql-request';
import { afterAll, describe, expect, it } from 'vitest';
import { CreateUseCaseDocument, UseCasesDocument } from './generated/graphql.ts';
import { watchChild, watchedEnv } from './support/child-crash-watch.ts';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '..', 'bin', 'opsgraph.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-proc-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function cli(args: string[], env: Record<string, string> = {}) {
  return run(process.execPath, [bin, ...args], { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env }, timeout: 60_000 });
}

async function startServe(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: watchedEnv({ ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  watchChild(child);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('serve did not become ready in 60 s');
}

async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGTERM');
  return exited;
}

describe('the opsgraph command', () => {
  it('--help lists the commands, and each command has its own help', async () => {
    const { stdout } = await cli(['--help']);
    for (const command of ['serve', 'migrate', 'keys']) expect(stdout).toContain(command);
    const keys = await cli(['keys', 'create', '--help']);
    expect(keys.stdout).toMatch(/--role <role>/);
  });

  it('a bad configuration value stops with a message naming the variable', async () => {
    await expect(cli(['migrate'], { PORT: 'eighty' })).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/PORT/) });
  });

  let port = 0;
  let editorKey = '';

  it('first start migrates, writes a 0600 admin key file, and serves', async () => {
    port = await freePort();
    const child = await startServe(port);
    const keyFile = path.join(dataDir, 'admin-key.txt');
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const adminKey = fs.readFileSync(keyFile, 'utf8').trim();
    const me = await new GraphQLClient(`http://127.0.0.1:${port}/graphql`, { headers: { authorization: `Bearer ${adminKey}` } }).request<{
      viewer: { role: string };
    }>('{ viewer { role } }');
    expect(me.viewer.role).toBe('admin');
    // keys create prints the key once on stdout; list shows its prefix but never the key.
    const created = await cli(['keys', 'create', '--role', 'editor', '--name', 'proc-test']);
    editorKey = created.stdout.trim();
    expect(editorKey).toMatch(/^og_[A-Za-z0-9_-]{40,}$/);
    const listed = await cli(['keys', 'list']);
    expect(listed.stdout).toContain('proc-test');
    expect(listed.stdout).toContain(editorKey.slice(0, 11));
    expect(listed.stdout).not.toContain(editorKey);
    expect(await stop(child)).toBe(0);
  });

  it('a crash (SIGKILL) loses no acknowledged write', async () => {
    const child = await startServe(port);
    const client = new GraphQLClient(`http://127.0.0.1:${port}/graphql`, { headers: { authorization: `Bearer ${editorKey}` } });
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const r = await client.request(CreateUseCaseDocument, { input: { name: `durable ${i}`, teamEmail: 'd@example.com' } });
      if (r.createUseCase.__typename === 'CreateUseCasePayload') ids.push(r.createUseCase.useCase.id);
    }
    expect(ids).toHaveLength(30);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const again = await startServe(port);
    const list = await client.request(UseCasesDocument, { first: 100, filter: { teamEmail: 'd@example.com' } });
    expect(list.useCases.totalCount).toBe(30);
    expect(new Set(list.useCases.edges.map((e) => e.node.id))).toEqual(new Set(ids));
    // A clean shutdown exits 0.
    expect(await stop(again)).toBe(0);
  });

  it('a revoked key stops working', async () => {
    const child = await startServe(port);
    await cli(['keys', 'revoke', editorKey.slice(0, 11)]);
    await new Promise((r) => setTimeout(r, 5_500)); // servers cache key lookups for 5 s
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${editorKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    expect(res.status).toBe(401);
    await stop(child);
  });
});
