// `opsgraph db info` and `opsgraph db vacuum` through the real CLI on a scratch DATA_DIR.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
let dir: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-db-cli-'));
  const jobs = Array.from({ length: 2000 }, (_, i) => ({ id: `j${i}`, job_name: `Job ${i} ${'padding '.repeat(40)}`, product: `P${i % 3}` }));
  fs.writeFileSync(path.join(dir, 'jobs.yaml'), stringify(jobs));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('opsgraph db', { timeout: 300_000 }, () => {
  it('info reports size, pages, free pages, WAL and rows per table', () => {
    expect(cli('jobs', 'import', '--no-backup', path.join(dir, 'jobs.yaml')).status).toBe(0);
    const r = cli('db', 'info', '--json');
    expect(r.status, r.err).toBe(0);
    const info = JSON.parse(r.out);
    // Three entries: the database backup taken before the import, and one per batch of 1,000 jobs.
    expect(info.rows).toMatchObject({ Job: 2000, job_fts: 2000, ActivityLogEntry: 3 });
    expect(info.pageCount * info.pageSize).toBe(info.sizeBytes);
    expect(info.freePages).toBeGreaterThanOrEqual(0);
    expect(typeof info.walBytes).toBe('number');
    const text = cli('db', 'info');
    expect(text.out).toMatch(/pages\s+\d+ × 4096 bytes, \d+ free/);
    expect(text.out).toMatch(/Job\s+2000/);
  });

  it('vacuum gives the pages of deleted rows back and keeps the search index intact', () => {
    const file = path.join(dir, 'data', 'opsgraph.db');
    const db = new Database(file);
    db.prepare(`DELETE FROM "Job" WHERE seq % 2 = 0`).run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = JSON.parse(cli('db', 'info', '--json').out);
    expect(before.freePages).toBeGreaterThan(10);
    const r = cli('db', 'vacuum');
    expect(r.status, r.err).toBe(0);
    expect(r.out).toMatch(/^vacuumed .*opsgraph\.db: .* MiB → .* MiB \(free pages \d+ → 0\)/);
    const after = JSON.parse(cli('db', 'info', '--json').out);
    expect(after.freePages).toBe(0);
    expect(after.sizeBytes).toBeLessThan(before.sizeBytes);
    expect(after.rows.Job).toBe(1000);
    const check = new Database(file);
    check.prepare(`INSERT INTO job_fts(job_fts, rank) VALUES ('integrity-check', 1)`).run();
    expect(check.prepare(`SELECT count(*) FROM job_fts WHERE job_fts MATCH 'padding'`).pluck().get()).toBe(1000);
    check.close();
  });
});
