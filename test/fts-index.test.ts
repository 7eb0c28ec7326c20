// job_fts against "Job" on a real migrated file, without the server: the triggers exist and
// cover every indexed column, and they keep the index exact through inserts, updates,
// deletes and a bulk load — checked against matches computed independently in JS and by
// FTS5's own integrity-check. A later migration that redefines "Job" and forgets the
// triggers fails the first test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BM25_WEIGHTS, FTS_INTEGRITY_CHECK_SQL, jobSearchSql } from '../src/db/fts.ts';
import { applyMigrations } from '../src/db/migrate.ts';
import { buildFtsQuery } from '../src/domain/fts-query.ts';

const COLUMNS = Object.keys(BM25_WEIGHTS) as Array<keyof typeof BM25_WEIGHTS>;
const VOCAB = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'crème', 'Café', 'кампания', 'naïve'];
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

let dir: string;
let db: Database.Database;
let seed = 11;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const words = (n: number) => Array.from({ length: n }, () => VOCAB[Math.floor(rand() * VOCAB.length)]).join(' ');

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-fts-'));
  await applyMigrations(path.join(dir, 'fts.db'));
  db = new Database(path.join(dir, 'fts.db'));
});
afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** For every vocabulary word: the rows FTS5 returns equal the rows whose text holds the word. */
function expectIndexExact(): void {
  const rows = db.prepare(`SELECT seq, ${COLUMNS.join(', ')} FROM "Job"`).all() as Array<Record<string, string | number | null>>;
  for (const word of VOCAB) {
    const expected = rows
      .filter((r) => COLUMNS.some((c) => fold(String(r[c] ?? '')).split(/[^\p{L}\p{N}]+/u).includes(fold(word))))
      .map((r) => r.seq)
      .sort((a, b) => Number(a) - Number(b));
    const actual = db.prepare('SELECT rowid FROM job_fts WHERE job_fts MATCH ? ORDER BY rowid').pluck().all(`"${word}"`);
    expect(actual, word).toEqual(expected);
  }
  db.prepare(FTS_INTEGRITY_CHECK_SQL).run();
}

const insert = () =>
  db.prepare(
    `INSERT INTO "Job" (id, jobName, product, persona, setting, emotion, hook, brandName, data, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, '{}', '2026-01-01T00:00:00.000Z')`,
  );

describe('job_fts', () => {
  it('has its three triggers, each naming every indexed column', () => {
    const triggers = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Job' ORDER BY name`).all() as Array<{ name: string; sql: string }>;
    expect(triggers.map((t) => t.name)).toEqual(['job_fts_ad', 'job_fts_ai', 'job_fts_au']);
    for (const t of triggers) for (const c of COLUMNS) expect(t.sql, `${t.name} lacks ${c}`).toContain(c);
    const ftsColumns = db.prepare(`SELECT name FROM pragma_table_info('job_fts')`).pluck().all();
    expect(ftsColumns).toEqual(COLUMNS); // bm25 weights are positional
  });

  it('stays exact through single inserts, updates and deletes', () => {
    const ins = insert();
    for (let i = 0; i < 200; i += 1) ins.run(`single-${i}`, words(3), words(1), words(1), null, words(1), words(6), i % 2 ? words(1) : null);
    expectIndexExact();
    const upd = db.prepare(`UPDATE "Job" SET jobName = ?, hook = NULL WHERE id = ?`);
    for (let i = 0; i < 200; i += 3) upd.run(words(2), `single-${i}`);
    db.prepare(`UPDATE "Job" SET enabled = false, data = '{"x":1}' WHERE id LIKE 'single-1%'`).run(); // no indexed column
    expectIndexExact();
    db.prepare(`DELETE FROM "Job" WHERE id LIKE 'single-%' AND (seq % 4) = 0`).run();
    expectIndexExact();
  });

  it('stays exact through a bulk load and a bulk rewrite in one transaction each', () => {
    const ins = insert();
    db.transaction(() => {
      for (let i = 0; i < 5000; i += 1) ins.run(`bulk-${i}`, words(4), words(1), words(1), words(2), words(1), words(8), words(1));
    })();
    expectIndexExact();
    db.transaction(() => {
      db.prepare(`UPDATE "Job" SET product = 'golf', setting = NULL WHERE id LIKE 'bulk-%' AND (seq % 7) = 0`).run();
      db.prepare(`DELETE FROM "Job" WHERE id LIKE 'bulk-%' AND (seq % 5) = 0`).run();
    })();
    expectIndexExact();
  });

  it('runs the search statement with every filter and a cursor', () => {
    const { match } = buildFtsQuery('alpha');
    const first = jobSearchSql(match!, {}, 5);
    const page = db.prepare(first.sql).all(...first.params) as Array<{ seq: number; rank: number; snippet: string }>;
    expect(page).toHaveLength(5);
    expect(page.every((r) => r.snippet.includes('\uE000'))).toBe(true);
    const next = jobSearchSql(match!, {}, 5, { rank: page[4]!.rank, seq: page[4]!.seq });
    const page2 = db.prepare(next.sql).all(...next.params) as Array<{ seq: number; rank: number }>;
    expect(page2[0]!.rank).toBeGreaterThanOrEqual(page[4]!.rank);
    expect(page.map((r) => r.seq)).not.toContain(page2[0]!.seq);
    const filtered = jobSearchSql(match!, { enabled: true, product: 'golf', persona: 'alpha', language: 'English' }, 100);
    const rows = db.prepare(filtered.sql).all(...filtered.params) as Array<{ product: string; persona: string }>;
    expect(rows.every((r) => r.product === 'golf' && r.persona === 'alpha')).toBe(true);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${filtered.sql}`).all(...filtered.params) as Array<{ detail: string }>;
    // The filtered ranking is driven by the FTS index, never by a scan of "Job".
    expect(plan.map((p) => p.detail).join('\n')).not.toMatch(/SCAN j\b/);
  });
});
