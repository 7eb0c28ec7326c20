// The seed-004 migration path end to end through the real CLI: a 10k-job campaigns.yaml
// with unicode and nested data → import (backup, per-entry rejections) → FTS integrity-check
// → export → verify → re-import changes nothing → export is byte-identical; verify's exit
// status names each kind of difference; --strict imports nothing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupFile } from '../src/cli/jobs.ts';
import { FTS_INTEGRITY_CHECK_SQL } from '../src/db/fts.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const N = 10_000;
let dir: string;
let dataDir: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

const SCRIPTS = ['Crème brûlée', 'Летняя кампания', '夏季活动', 'حملة صيفية', 'हिंदी अभियान', 'Ωmega ψ', '🚀 launch ✨', 'naïve café', 'Straße', '한국어 캠페인'];

function job(i: number): Record<string, unknown> {
  const job: Record<string, unknown> = {
    id: `job-${i}`,
    job_name: `${SCRIPTS[i % SCRIPTS.length]} #${i}`,
    product: i % 7 ? `Product ${i % 13}` : null,
    persona: ['Friendly', 'Expert', 'Coach'][i % 3],
    setting: `studio "${i % 5}": loud`,
    emotion: i % 2 ? 'joy' : 'calm',
    hook: `Line one ${i}\nline two: with colon\n  indented — ${SCRIPTS[(i + 3) % SCRIPTS.length]}`,
    elevenlabs_voice_id: `v-${i % 11}`,
    language: i % 4 ? 'English' : 'Deutsch',
    brand_name: i % 9 ? `Brand ${i % 50}` : undefined,
    enabled: i % 5 !== 0,
    scenes: [{ n: 1, text: 'yes', ok: true, ratio: 0.5 }, { n: 2, tags: ['0123', 'null', 'true', '~'], nested: { deep: { deeper: [i, -i - 1, 1e21] } } }],
    'key: with colon': '#not a comment',
    empty: {},
    list: [],
  };
  if (job.brand_name === undefined) delete job.brand_name;
  return job;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-jobs-import-'));
  dataDir = path.join(dir, 'data');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('jobs import / export / verify (CLI, 10k jobs)', { timeout: 600_000 }, () => {
  const source = () => path.join(dir, 'campaigns.yaml');
  const out = () => path.join(dir, 'export.yaml');
  const jobs = Array.from({ length: N }, (_, i) => job(i));

  it('imports 10k jobs, reports the malformed entries with their lines, and backs the file up first', () => {
    // Three bad entries among the good ones: no id, a list, and enabled as text.
    const bad = [{ job_name: 'no id' }, ['a', 'list'], { id: 'bad-enabled', job_name: 'x', enabled: 'yes' }];
    fs.writeFileSync(source(), stringify({ jobs: [...jobs.slice(0, 10), ...bad, ...jobs.slice(10)] }, { lineWidth: 0 }));
    const r = cli('jobs', 'import', source());
    expect(r.status, r.err).toBe(2);
    expect(r.out).toContain(`found ${N + 3}, imported ${N}, updated 0, unchanged 0, rejected 3`);
    expect(r.out).toMatch(/rejected entry 11 \(line \d+\): id: is required/);
    expect(r.out).toMatch(/rejected entry 12 \(line \d+\): job: must be a mapping, got a list/);
    expect(r.out).toMatch(/rejected entry 13 \(line \d+\) id "bad-enabled": enabled: must be true or false/);
    const backups = fs.readdirSync(dir).filter((f) => /^campaigns\.yaml\.\d{8}T\d{6}\.\d{3}Z(-\d+)?\.bak$/.test(f));
    expect(backups).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, backups[0]!), 'utf8')).toBe(fs.readFileSync(source(), 'utf8'));
  });

  it('leaves the FTS index exact (integrity-check) and the columns derived from the YAML', () => {
    const db = new Database(path.join(dataDir, 'opsgraph.db'));
    try {
      db.prepare(FTS_INTEGRITY_CHECK_SQL).run();
      expect(db.prepare('SELECT count(*) FROM job_fts').pluck().get()).toBe(N);
      const row = db.prepare(`SELECT * FROM "Job" WHERE id = 'job-4'`).get() as Record<string, unknown>;
      expect(row).toMatchObject({ jobName: `${SCRIPTS[4]} #4`, language: 'Deutsch', voiceId: 'v-4', enabled: 1, product: 'Product 4' });
      expect(JSON.parse(String(row.data))).toEqual(job(4));
      expect(db.prepare(`SELECT count(*) FROM job_fts WHERE job_fts MATCH '"creme"'`).pluck().get()).toBe((2 * N) / SCRIPTS.length); // in the name of every 10th job, the hook of another 10th
    } finally {
      db.close();
    }
  });

  it('exports what was imported, and verify agrees', () => {
    const r = cli('jobs', 'export', out());
    expect(r.status, r.err).toBe(0);
    expect(r.out).toContain(`exported ${N} jobs`);
    expect((parse(fs.readFileSync(out(), 'utf8')) as { jobs: unknown[] }).jobs).toEqual(jobs);
    const v = cli('jobs', 'verify', out());
    expect(v.status, v.out).toBe(0);
    expect(v.out).toContain('OK: the file and the database agree');
    expect(cli('jobs', 'verify', source()).status).toBe(16); // only the malformed entries
  });

  it('re-importing the export changes nothing, and exporting again gives the same bytes', () => {
    const r = cli('jobs', 'import', out());
    expect(r.status, r.err).toBe(0);
    expect(r.out).toContain(`found ${N}, imported 0, updated 0, unchanged ${N}, rejected 0`);
    const again = path.join(dir, 'export-2.yaml');
    expect(cli('jobs', 'export', again).status).toBe(0);
    expect(fs.readFileSync(again, 'utf8')).toBe(fs.readFileSync(out(), 'utf8'));
  });

  it('verify names what is missing on each side and which fields differ, in its exit status', () => {
    const edited = jobs.slice(1).map((j) => (j.id === 'job-5' ? { ...j, hook: 'changed', extra: 1 } : j));
    edited.push({ id: 'new-one', job_name: 'Only in the file' });
    const file = path.join(dir, 'edited.yaml');
    fs.writeFileSync(file, stringify(edited));
    const v = cli('jobs', 'verify', file);
    expect(v.status).toBe(2 + 4 + 8);
    expect(v.out).toContain('missing in database: 1\n  new-one');
    expect(v.out).toContain('missing in file: 1\n  job-0');
    expect(v.out).toContain('differing: 1\n  job-5: extra, hook');
  });

  it('backs the same file up twice in one millisecond without refusing the second import', () => {
    // Two imports of one file within a second collided on a second-resolution name (EEXIST).
    const file = path.join(dir, 'twice.yaml');
    fs.writeFileSync(file, 'jobs: []\n');
    const names = Array.from({ length: 3 }, () => path.basename(backupFile(file)));
    expect(new Set(names).size).toBe(3);
    for (const name of names) expect(fs.readFileSync(path.join(dir, name), 'utf8')).toBe('jobs: []\n');
  });

  it('--strict imports nothing when an entry is malformed; a good update is counted as updated', () => {
    const file = path.join(dir, 'strict.yaml');
    fs.writeFileSync(file, stringify([{ ...jobs[1], job_name: 'Renamed' }, { id: 'x' }]));
    const strict = cli('jobs', 'import', '--strict', file);
    expect(strict.status).toBe(1);
    expect(strict.err).toMatch(/1 of 2 entries rejected \(strict: nothing imported\)/);
    const lax = cli('jobs', 'import', file);
    expect(lax.out, `exit ${lax.status}, stderr: ${lax.err}`).toContain('found 2, imported 0, updated 1, unchanged 0, rejected 1');
    const db = new Database(path.join(dataDir, 'opsgraph.db'), { readonly: true });
    expect(db.prepare(`SELECT jobName FROM "Job" WHERE id = 'job-1'`).pluck().get()).toBe('Renamed');
    expect(db.prepare(`SELECT rowid FROM job_fts WHERE job_fts MATCH 'renamed'`).pluck().all()).toHaveLength(1);
    db.close();
  });
});
