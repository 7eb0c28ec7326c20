// Job search (issue 4): `searchJobs` through the gateway against a hand-written node:http
// handler running the SAME FTS5 statement (src/db/fts.ts) with a prepared better-sqlite3
// statement and answering the same JSON; and, for scale, the same handler doing a
// `LIKE '%term%'` scan over the searchable columns instead of FTS5.
//
// Data: 100k jobs bulk-inserted into a fresh, migrated SQLite file (the FTS triggers fire for
// every row, as they would for an import). Each job's name carries one of 50 topic words, so
// a topic matches 2 % of the rows; the searched term is one of them.
//
// Alone: `npx tsx bench/cases/search.ts [--duration N]`. The baseline runs as a child process
// of this same file (SEARCH_BASELINE_DB set), pinned like the other servers.
import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { jobSearchSql, type JobSearchRow, snippetHtml } from '../../src/db/fts.ts';
import { applyMigrations } from '../../src/db/migrate.ts';
import { buildFtsQuery } from '../../src/domain/fts-query.ts';
import { assertSameData } from '../lib/compare.ts';
import { BASELINE_LABEL, loadRow, timeBoth } from '../lib/pair.ts';
import { type Gateway, makeTempDir, REPO_ROOT, removeDir, startGateway } from '../lib/gateway.ts';
import { runLoad } from '../lib/load.ts';
import { freePort, spawnServer } from '../lib/process.ts';
import { runIfEntryPoint } from '../lib/standalone.ts';
import type { BenchCase, CaseResult } from '../lib/types.ts';

const JOBS = 100_000;
const PAGE = 20;
const TOPICS = [
  'aurora', 'basil', 'cobalt', 'dune', 'ember', 'fjord', 'garnet', 'harbor', 'indigo', 'juniper',
  'kelp', 'lagoon', 'meadow', 'nectar', 'onyx', 'prairie', 'quartz', 'raven', 'saffron', 'tundra',
  'umber', 'velvet', 'willow', 'xenon', 'yarrow', 'zephyr', 'amber', 'birch', 'cedar', 'delta',
  'echo', 'falcon', 'glacier', 'hazel', 'iris', 'jasper', 'kestrel', 'lotus', 'maple', 'nova',
  'opal', 'pepper', 'quill', 'reef', 'sierra', 'topaz', 'ultra', 'vista', 'wren', 'yonder',
];
const WORDS = ['bright', 'fresh', 'bold', 'calm', 'quick', 'smart', 'urban', 'rustic', 'cosy', 'vivid', 'crème', 'brûlée', 'café', 'naïve', 'déjà'];
const PRODUCTS = ['Sunscreen', 'Espresso machine', 'Running shoes', 'Headphones', 'Yoga mat', 'Teapot', 'Backpack', 'Desk lamp', 'Water bottle', 'Notebook'];
const PERSONAS = ['Friendly', 'Expert', 'Coach', 'Chef', 'Traveller', 'Student'];
const LANGUAGES = ['English', 'English', 'English', 'German', 'Spanish', 'French'];
const TERM = 'aurora';
/** The Job columns SEARCH_QUERY's nodes show (jobId is \`id\`, always selected). */
const ANSWER_COLUMNS = new Set(['jobName', 'product', 'persona', 'language', 'enabled'] as const);

export const SEARCH_QUERY = `query Search($q: String!) {
  searchJobs(query: $q, first: ${PAGE}) {
    ... on JobSearchConnection {
      edges { score snippet node { jobId jobName product persona language enabled } }
    }
  }
}`;

/** Deterministic pseudo-random numbers, so every run searches the same data. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Migrates a new database file and bulk-inserts the jobs in one transaction. */
export async function seedJobs(file: string): Promise<void> {
  await applyMigrations(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const rand = prng(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const insert = db.prepare(
    `INSERT INTO "Job" (id, jobName, product, persona, setting, emotion, hook, voiceId, language, brandName, enabled, data, createdAt, updatedAt)
     VALUES (@id, @jobName, @product, @persona, @setting, @emotion, @hook, @voiceId, @language, @brandName, @enabled, @data, @at, @at)`,
  );
  const base = Date.parse('2026-01-01T00:00:00Z');
  db.transaction(() => {
    for (let i = 0; i < JOBS; i += 1) {
      const job = {
        id: `job${i.toString(36).padStart(5, '0')}`,
        job_name: `${pick(WORDS)} ${TOPICS[i % TOPICS.length]} campaign ${i}`,
        product: pick(PRODUCTS),
        persona: pick(PERSONAS),
        setting: `${pick(WORDS)} studio`,
        emotion: pick(WORDS),
        hook: `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} hook for ${pick(PRODUCTS).toLowerCase()}`,
        elevenlabs_voice_id: `voice-${i % 17}`,
        language: pick(LANGUAGES),
        brand_name: `Brand ${i % 300}`,
        enabled: rand() > 0.2,
      };
      insert.run({
        id: job.id,
        jobName: job.job_name,
        product: job.product,
        persona: job.persona,
        setting: job.setting,
        emotion: job.emotion,
        hook: job.hook,
        voiceId: job.elevenlabs_voice_id,
        language: job.language,
        brandName: job.brand_name,
        enabled: job.enabled ? 1 : 0,
        data: JSON.stringify(job),
        at: new Date(base + i * 1000).toISOString(),
      });
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

// ------------------------------------------------------------------ the baseline (child process)

function serveBaseline(file: string, port: number): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  db.pragma('query_only = ON');
  // Same key check as the other baselines: SHA-256 lookup, cached for 5 s.
  const keyLookup = db.prepare<[string], { revokedAt: string | null }>('SELECT revokedAt FROM ApiKey WHERE hash = ?');
  const keys = new Map<string, { ok: boolean; until: number }>();
  const authorized = (header: string | undefined) => {
    const m = header ? /^\s*Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!m) return false;
    const hash = crypto.createHash('sha256').update(m[1]!).digest('hex');
    const cached = keys.get(hash);
    if (cached && cached.until > Date.now()) return cached.ok;
    const row = keyLookup.get(hash);
    const ok = Boolean(row && !row.revokedAt);
    keys.set(hash, { ok, until: Date.now() + 5000 });
    return ok;
  };
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s;
  };
  const like = db.prepare(
    `SELECT id, jobName, product, persona, language, enabled FROM "Job"
      WHERE jobName LIKE @p OR product LIKE @p OR persona LIKE @p OR setting LIKE @p OR emotion LIKE @p OR hook LIKE @p OR brandName LIKE @p
      LIMIT ${PAGE}`,
  );
  const node = (r: { id: string; jobName: string; product: string | null; persona: string | null; language: string; enabled: number }) => ({
    jobId: r.id,
    jobName: r.jobName,
    product: r.product,
    persona: r.persona,
    language: r.language,
    enabled: r.enabled === 1,
  });

  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/readyz') return void res.end('ok');
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const send = (status: number, value: unknown) => {
        const text = JSON.stringify(value);
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
        res.end(text);
      };
      if (!authorized(req.headers.authorization)) return send(401, { errors: [{ message: 'unauthorized' }] });
      const q = String((JSON.parse(body) as { variables?: { q?: unknown } }).variables?.q ?? '');
      if (req.url === '/like') {
        const rows = like.all({ p: `%${q}%` }) as Array<Parameters<typeof node>[0]>;
        return send(200, { data: { jobs: rows.map(node) } });
      }
      const { match } = buildFtsQuery(q);
      if (!match) return send(200, { data: { searchJobs: { edges: [] } } });
      // Only the columns the answer shows, as the gateway now selects them (the lean limit).
      const { sql, params } = jobSearchSql(match, {}, PAGE + 1, null, ANSWER_COLUMNS);
      const rows = (prepared(sql).all(...params) as JobSearchRow[]).slice(0, PAGE);
      const edges = rows.map((r) => ({ score: -r.rank, snippet: snippetHtml(r.snippet), node: node(r as never) }));
      send(200, { data: { searchJobs: { edges } } });
    });
  });
  server.listen(port, '127.0.0.1');
}

// ------------------------------------------------------------------ the case

const THIS_FILE = fileURLToPath(import.meta.url);

async function startSearchBaseline(file: string) {
  const port = await freePort();
  const server = await spawnServer({
    name: 'search-baseline',
    cwd: REPO_ROOT,
    nodeArgs: ['--import', 'tsx', THIS_FILE],
    env: { SEARCH_BASELINE_DB: file, SEARCH_BASELINE_PORT: String(port) },
    port,
    readyPath: '/readyz',
  });
  return server;
}

async function post(url: string, headers: Record<string, string>, body: unknown): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
  return res.json();
}

const search: BenchCase = {
  name: 'search',
  description: `searchJobs(query: "${TERM}", first: ${PAGE}) over ${JOBS / 1000}k jobs (the term matches ${100 / TOPICS.length} % of rows), bm25 + snippet`,
  async run({ durationSec }): Promise<CaseResult> {
    const dataDir = makeTempDir('opsgraph-bench-search-');
    const file = path.join(dataDir, 'opsgraph.db');
    let gw: Gateway | undefined;
    let base: Awaited<ReturnType<typeof startSearchBaseline>> | undefined;
    try {
      const seeded = Date.now();
      await seedJobs(file);
      const seedSec = (Date.now() - seeded) / 1000;
      gw = await startGateway({ dataDir });
      base = await startSearchBaseline(file);
      const body = { query: SEARCH_QUERY, variables: { q: TERM }, operationName: 'Search' };

      // Both sides must give the same answer, or the comparison is meaningless.
      const fromGateway = await gw.gql<{ searchJobs: { edges: unknown[] } }>(SEARCH_QUERY, { q: TERM });
      const fromBaseline = (await post(`${base.url}/fts`, gw.headers, body)) as { data: unknown };
      if (fromGateway.data.searchJobs.edges.length !== PAGE) throw new Error(`expected ${PAGE} hits, got ${fromGateway.data.searchJobs.edges.length}`);
      assertSameData('searchJobs', fromGateway.data, fromBaseline.data);
      const db = new Database(file, { readonly: true });
      const matching = (db.prepare('SELECT count(*) AS n FROM job_fts WHERE job_fts MATCH ?').get(buildFtsQuery(TERM).match) as { n: number }).n;
      db.close();

      const pair = { gw, base: { ...base, adminKey: gw.adminKey, headers: gw.headers, post: () => Promise.reject(new Error('unused')) } };
      const both = await timeBoth(pair, {
        graphqlBody: body,
        baselineRoute: '/fts',
        durationSec,
        extra: { gateway: { sqlStatements: fromGateway.extensions?.sqlStatements } },
      });
      const likeLoad = await runLoad({ url: `${base.url}/like`, headers: gw.headers, body: JSON.stringify(body), durationSec, serverPid: base.pid });
      const rows = [...both.rows, loadRow(`${BASELINE_LABEL}, LIKE '%${TERM}%' (no ranking)`, likeLoad)];
      return {
        name: 'search',
        rows,
        ratio: both.ratio,
        target: 0.7,
        notes: [
          `${JOBS} jobs seeded in ${seedSec.toFixed(1)} s (FTS triggers on); "${TERM}" matches ${matching} rows (${((100 * matching) / JOBS).toFixed(1)} %)`,
          `ratio = gateway / baseline on the same FTS5 statement (src/db/fts.ts); the LIKE row is for scale only`,
          ...both.cpuNotes,
        ],
      };
    } finally {
      await base?.stop();
      await gw?.stop();
      removeDir(dataDir);
    }
  },
};

export default search;

// ------------------------------------------------------------------ entry points

if (process.env.SEARCH_BASELINE_DB) {
  serveBaseline(process.env.SEARCH_BASELINE_DB, Number(process.env.SEARCH_BASELINE_PORT));
} else {
  await runIfEntryPoint(import.meta.url, search);
}
