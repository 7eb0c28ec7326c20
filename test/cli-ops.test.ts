// The real `opsgraph` command for operators and scripts: --version, --json listings, a
// DATABASE_URL of another scheme refused before anything touches the disk (postgresql:// selects
// the PostgreSQL write store and migrates it), and a rotated
// OPSGRAPH_BOOTSTRAP_ADMIN_KEY (sharing its first 11 characters with the old one) across a
// restart of the real server.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { watchChild, watchedEnv } from './support/child-crash-watch.ts';
import { DEFAULT_PG_PASSWORD } from './support/postgres.ts';
import { createWriteStoreDatabase } from './support/write-store.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'opsgraph.js');
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-cli-ops-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  fs.rmSync(temp, { recursive: true, force: true });
});

function cli(args: string[], env: Record<string, string> = {}, cwd = root) {
  return run(process.execPath, [bin, ...args], { cwd, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, timeout: 60_000 });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function serve(env: Record<string, string>): Promise<{ child: ChildProcess; port: number; stderr: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: watchedEnv({ ...process.env, PORT: String(port), LOG_LEVEL: 'info', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  watchChild(child);
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  child.stdout!.on('data', (d) => (err += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}:\n${err}`);
    if (await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false)) return { child, port, stderr: () => err };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`serve did not become ready in 60 s:\n${err}`);
}

async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGTERM');
  return exited;
}

async function viewerRole(port: number, key: string): Promise<number | string> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ viewer { role } }' }),
  });
  if (res.status !== 200) return res.status;
  return ((await res.json()) as { data: { viewer: { role: string } } }).data.viewer.role;
}

describe('opsgraph for operators and scripts', () => {
  it('--version prints the package version', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const { stdout } = await cli(['--version']);
    expect(stdout.trim()).toBe(pkg.version);
  });

  it('refuses a DATABASE_URL of another scheme, naming the scheme and not the password, and creates nothing', async () => {
    const cwd = fs.mkdtempSync(path.join(temp, 'cwd-'));
    const url = 'mysql://opsuser:Sup3rSecretPw@db.internal:3306/opsgraph';
    for (const args of [['migrate'], ['serve'], ['keys', 'list']]) {
      const failure = await cli(args, { DATABASE_URL: url, DATA_DIR: path.join(cwd, 'data') }, cwd).then(
        () => null,
        (e: { code: number; stderr: string; stdout: string }) => e,
      );
      expect(failure, `${args.join(' ')} must fail`).not.toBeNull();
      expect(failure!.code).toBe(2);
      expect(failure!.stderr).toMatch(/DATABASE_URL: the "mysql:" scheme is not supported/);
      expect(failure!.stderr + failure!.stdout).not.toContain('Sup3rSecretPw');
      expect(failure!.stderr + failure!.stdout).not.toContain('opsuser');
    }
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  it('a postgresql:// DATABASE_URL: migrate applies the PostgreSQL migrations, --status shows them, no password printed', async () => {
    const database = await createWriteStoreDatabase();
    try {
      const cwd = fs.mkdtempSync(path.join(temp, 'pg-'));
      const env = { DATABASE_URL: database.url, DATA_DIR: path.join(cwd, 'data') };
      const before = JSON.parse((await cli(['migrate', '--status', '--json'], env, cwd)).stdout) as { database: string; applied: string[]; pending: string[] };
      const local = fs.readdirSync(path.join(root, 'prisma', 'postgres', 'migrations')).filter((n) => /^\d+_/.test(n)).sort();
      expect(before).toMatchObject({ applied: [], pending: local });
      const migrated = await cli(['migrate'], env, cwd);
      expect(migrated.stdout).toContain(`applied ${local.length}`);
      const after = await cli(['migrate', '--status', '--json'], env, cwd);
      expect(JSON.parse(after.stdout)).toMatchObject({ applied: local, pending: [], failed: [] });
      expect(JSON.parse(after.stdout).database).toMatch(/^postgresql:\/\/\[redacted\]@127\.0\.0\.1:\d+\/opsgraph_/);
      for (const out of [before, migrated.stdout + migrated.stderr, after.stdout + after.stderr]) expect(JSON.stringify(out)).not.toContain(DEFAULT_PG_PASSWORD);
      expect((await cli(['migrate'], env, cwd)).stdout).toContain('database is up to date');
      // The embedded file was never created: this mode does not open it.
      expect(fs.existsSync(path.join(cwd, 'data', 'opsgraph.db'))).toBe(false);

      const wrong = database.url.replace(encodeURIComponent(DEFAULT_PG_PASSWORD), 'Wr0ngPassw0rd');
      const failure = await cli(['migrate'], { ...env, DATABASE_URL: wrong }, cwd).then(
        () => null,
        (e: { code: number; stderr: string; stdout: string }) => e,
      );
      expect(failure?.code).toBe(1);
      expect(failure!.stderr).toMatch(/password authentication failed/);
      expect(failure!.stderr + failure!.stdout).not.toContain('Wr0ngPassw0rd');
    } finally {
      await database.drop();
    }
  });

  it('a file: DATABASE_URL still works', async () => {
    const dir = fs.mkdtempSync(path.join(temp, 'file-url-'));
    const { stdout } = await cli(['migrate', '--status', '--json'], { DATABASE_URL: `file:${path.join(dir, 'x.db')}`, DATA_DIR: dir });
    expect(JSON.parse(stdout).database).toBe(path.join(dir, 'x.db'));
  });

  it('--json on keys list, backups and migrate --status', async () => {
    const dataDir = fs.mkdtempSync(path.join(temp, 'json-'));
    const env = { DATA_DIR: dataDir };
    await cli(['migrate'], env);
    const status = JSON.parse((await cli(['migrate', '--status', '--json'], env)).stdout) as Record<string, unknown>;
    expect(status).toMatchObject({ database: path.join(dataDir, 'opsgraph.db'), pending: [], failed: [] });
    expect((status.applied as string[]).length).toBeGreaterThan(0);
    expect(status.latest).toBe((status.applied as string[]).at(-1));

    expect(JSON.parse((await cli(['keys', 'list', '--json'], env)).stdout)).toEqual([]);
    const key = (await cli(['keys', 'create', '--role', 'viewer', '--name', 'json-script'], env)).stdout.trim();
    const keys = JSON.parse((await cli(['keys', 'list', '--json'], env)).stdout) as Array<Record<string, unknown>>;
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ name: 'json-script', role: 'viewer', prefix: key.slice(0, 11), revokedAt: null });
    expect(Object.keys(keys[0]!)).not.toContain('hash');

    expect(JSON.parse((await cli(['backups', '--json'], env)).stdout)).toEqual([]);
    const backupKey = (await cli(['backup', '--label', 'for-json'], env)).stdout.trim();
    const backups = JSON.parse((await cli(['backups', '--json'], env)).stdout) as Array<Record<string, unknown>>;
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ key: backupKey, label: 'for-json', schemaVersion: status.latest });
    expect(backups[0]!.checksumSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a rotated bootstrap admin key sharing its first 11 characters starts, works, and revokes the old one', async () => {
    const dataDir = fs.mkdtempSync(path.join(temp, 'rotate-'));
    const oldKey = 'og_rotation_old_0123456789abcdef0123';
    const newKey = 'og_rotation_new_fedcba9876543210fedc';
    expect(newKey.slice(0, 11)).toBe(oldKey.slice(0, 11));

    const first = await serve({ DATA_DIR: dataDir, OPSGRAPH_BOOTSTRAP_ADMIN_KEY: oldKey });
    expect(await viewerRole(first.port, oldKey)).toBe('admin');
    const made = (await cli(['keys', 'create', '--role', 'viewer', '--name', 'made-by-hand'], { DATA_DIR: dataDir })).stdout.trim();
    expect(await stop(first.child)).toBe(0);

    const second = await serve({ DATA_DIR: dataDir, OPSGRAPH_BOOTSTRAP_ADMIN_KEY: newKey });
    expect(await viewerRole(second.port, newKey)).toBe('admin');
    expect(await viewerRole(second.port, oldKey)).toBe(401);
    expect(await viewerRole(second.port, made)).toBe('viewer'); // keys made by hand are not touched
    expect(second.stderr()).toContain('revoked the previous one');
    expect(second.stderr()).not.toContain(newKey);

    const keys = JSON.parse((await cli(['keys', 'list', '--json'], { DATA_DIR: dataDir })).stdout) as Array<{ prefix: string; name: string; revokedAt: string | null }>;
    const bootstrap = keys.filter((k) => k.name === 'bootstrap-admin');
    expect(bootstrap.map((k) => k.prefix)).toEqual(['og_rotation', 'og_rotation~2']);
    expect(bootstrap.map((k) => k.revokedAt !== null)).toEqual([true, false]);

    // Restarting with the same key changes nothing.
    expect(await stop(second.child)).toBe(0);
    const third = await serve({ DATA_DIR: dataDir, OPSGRAPH_BOOTSTRAP_ADMIN_KEY: newKey });
    expect(await viewerRole(third.port, newKey)).toBe('admin');
    expect(JSON.parse((await cli(['keys', 'list', '--json'], { DATA_DIR: dataDir })).stdout)).toHaveLength(3);
    // The prefix with its suffix names one key for `keys revoke`.
    expect((await cli(['keys', 'revoke', 'og_rotation~2'], { DATA_DIR: dataDir })).stdout).toContain('og_rotation~2');
    expect(await stop(third.child)).toBe(0);
  });
});
