// Campaign jobs over a real server: CRUD with activity, lists and filters, FTS5 search
// (hostile input, ranking, prefix, diacritics, filters, pagination), statistics against
// independent counts, and YAML import/export through GraphQL.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateJobDocument,
  DeleteJobDocument,
  ExportJobsDocument,
  ImportJobsDocument,
  type ImportJobsMutation,
  JobDocument,
  JobsDocument,
  JobStatisticsDocument,
  SearchJobsDocument,
  UpdateJobDocument,
  type SearchJobsQuery,
} from './generated/graphql.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

type NewJob = { id?: string; jobName: string; product?: string; persona?: string; hook?: string; setting?: string; emotion?: string; brandName?: string; language?: string; enabled?: boolean; extra?: unknown };

async function create(input: NewJob) {
  const res = await t.client('editor').request(CreateJobDocument, { input });
  if (res.createJob.__typename !== 'CreateJobPayload') throw new Error(`create failed: ${JSON.stringify(res)}`);
  return res.createJob.job;
}

async function search(query: string, extra: { filter?: object; first?: number; after?: string } = {}) {
  const res = await t.client('viewer').request(SearchJobsDocument, { query, ...extra });
  return res.searchJobs;
}

type Connection = Extract<SearchJobsQuery['searchJobs'], { __typename: 'JobSearchConnection' }>;
async function hits(query: string, extra: { filter?: object; first?: number; after?: string } = {}): Promise<Connection> {
  const r = await search(query, extra);
  if (r.__typename !== 'JobSearchConnection') throw new Error(`search "${query.slice(0, 40)}" failed: ${JSON.stringify(r)}`);
  return r;
}

/** importJobs through the GraphQL multipart request, as a browser or curl would send it. */
async function uploadJobs(yaml: string, opts: { strict?: boolean; role?: 'admin' | 'editor' } = {}) {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query: print(ImportJobsDocument), variables: { input: { file: null, strict: opts.strict ?? false } } }));
  form.set('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.set('0', new File([yaml], 'campaigns.yaml', { type: 'application/yaml' }));
  const res = await fetch(t.url, { method: 'POST', body: form, headers: { authorization: `Bearer ${t.keys[opts.role ?? 'admin']}` } });
  const body = (await res.json()) as { data?: ImportJobsMutation; errors?: Array<{ message: string }> };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data.importJobs;
}

/** What the unicode61 tokenizer with remove_diacritics does, for checking results independently. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const wordsOf = (s: string | null | undefined) => fold(s ?? '').split(/[^\p{L}\p{N}\p{Co}]+/u).filter(Boolean);

describe('job writes', () => {
  it('creates a job with the seed fields, language defaulting to English, and extra keys kept in data', async () => {
    const job = await create({ id: 'abc123', jobName: 'My Campaign', product: 'Product Name', persona: 'Friendly', extra: { scenes: [{ n: 1 }], notes: 'x' } });
    expect(job).toMatchObject({ jobId: 'abc123', jobName: 'My Campaign', language: 'English', enabled: true, product: 'Product Name' });
    expect(job.data).toEqual({ id: 'abc123', job_name: 'My Campaign', product: 'Product Name', persona: 'Friendly', scenes: [{ n: 1 }], notes: 'x' });
    const dup = await t.client('editor').request(CreateJobDocument, { input: { id: 'abc123', jobName: 'again' } });
    expect(dup.createJob.__typename).toBe('ConflictError');
    const bad = await t.client('editor').request(CreateJobDocument, { input: { jobName: '   ' } });
    expect(bad.createJob).toMatchObject({ __typename: 'ValidationError', field: 'jobName' });
    const viewer = t.client('viewer').request(CreateJobDocument, { input: { jobName: 'nope' } });
    await expect(viewer).rejects.toThrow(/needs a higher role/);
  });

  it('updates partially, keeps data in step, records what changed, and deletes', async () => {
    const job = await create({ jobName: 'Partial', product: 'Old', hook: 'h', extra: { keep: 1 } });
    const res = await t.client('editor').request(UpdateJobDocument, { input: { id: job.id, product: 'New', hook: null, enabled: false, extra: { added: true } } });
    if (res.updateJob.__typename !== 'UpdateJobPayload') throw new Error(JSON.stringify(res));
    const updated = res.updateJob.job;
    expect(updated).toMatchObject({ jobName: 'Partial', product: 'New', hook: null, enabled: false });
    expect(updated.data).toEqual({ id: job.jobId, job_name: 'Partial', product: 'New', keep: 1, enabled: false, added: true });
    const entry = updated.activity.edges[0]!.node;
    expect(entry.activityType).toBe('job_updated');
    expect(entry.details).toMatchObject({ changes: { product: { from: 'Old', to: 'New' }, hook: { from: 'h', to: null }, enabled: { from: null, to: false } } });

    const del = await t.client('editor').request(DeleteJobDocument, { input: { id: job.id } });
    expect(del.deleteJob).toMatchObject({ __typename: 'DeleteJobPayload', deletedJobId: job.jobId });
    expect((await t.client('viewer').request(JobDocument, { id: job.id })).job).toBeNull();
    const again = await t.client('editor').request(DeleteJobDocument, { input: { id: job.id } });
    expect(again.deleteJob.__typename).toBe('NotFoundError');
  });
});

describe('searchJobs', () => {
  beforeAll(async () => {
    await create({ id: 's-name', jobName: 'Zephyr summer campaign', product: 'Sunscreen', persona: 'Coach', language: 'English' });
    await create({ id: 's-hook', jobName: 'Generic promo', product: 'Sunscreen', hook: 'zephyr', persona: 'Coach', language: 'German', enabled: false });
    await create({ id: 's-creme', jobName: 'Crème brûlée launch', product: 'Dessert', persona: 'Chef', setting: 'kitchen' });
    await create({ id: 's-creme2', jobName: 'creme plain', product: 'Dessert' });
    await create({ id: 's-ru', jobName: 'Летняя кампания', product: 'Квас', hook: '你好 世界', brandName: 'حملة' });
    await create({ id: 's-ops', jobName: 'AND OR NOT NEAR launch', hook: 'rocket 🚀 launch', emotion: 'camp"aign drop table Job' });
    // bm25's IDF is near zero for a word in more than half the rows: keep "bulkpage" rarer.
    const filler = Array.from({ length: 80 }, (_, i) => `- id: filler-${i}\n  job_name: Filler ${i}\n  product: Widget ${i % 4}\n`).join('');
    expect(await uploadJobs(filler)).toMatchObject({ __typename: 'ImportJobsPayload', found: 80, imported: 80, rejected: [] });
    for (let i = 0; i < 45; i += 1) {
      await create({ id: `s-bulk-${String(i).padStart(2, '0')}`, jobName: `Bulkpage item ${i}`, hook: i % 3 ? 'bulkpage again bulkpage' : 'once', persona: i % 2 ? 'Odd' : 'Even' });
    }
  });

  it('ranks a match in the job name above a match only in the hook', async () => {
    const r = await hits('zephyr');
    expect(r.edges.map((e) => e.node.jobId)).toEqual(['s-name', 's-hook']);
    expect(r.edges[0]!.score).toBeGreaterThan(r.edges[1]!.score);
    expect(r.edges[0]!.snippet).toContain('<mark>Zephyr</mark>');
  });

  it('matches the last word as a prefix and ignores accents both ways', async () => {
    expect((await hits('camp')).edges.map((e) => e.node.jobId)).toContain('s-name');
    expect((await hits('summer camp')).edges.map((e) => e.node.jobId)).toEqual(['s-name']);
    const creme = (await hits('creme')).edges.map((e) => e.node.jobId).sort();
    expect(creme).toEqual(['s-creme', 's-creme2']);
    expect((await hits('CRÈME Brulee')).edges.map((e) => e.node.jobId)).toEqual(['s-creme']);
    expect((await hits('кампания')).edges.map((e) => e.node.jobId)).toEqual(['s-ru']);
    expect((await hits('你好')).edges.map((e) => e.node.jobId)).toEqual(['s-ru']);
  });

  it('escapes the snippet for HTML: only the <mark> tags are markup', async () => {
    await create({ id: 's-html', jobName: '<script>alert(1)</script> & "quoted" scriptkiddie' });
    const [edge] = (await hits('alert')).edges;
    expect(edge?.snippet).toBe('&#60;script&#62;<mark>alert</mark>(1)&#60;/script&#62; &#38; &#34;quoted&#34; scriptkiddie');
  });

  it('combines with the jobs filters', async () => {
    expect((await hits('zephyr', { filter: { enabled: true } })).edges.map((e) => e.node.jobId)).toEqual(['s-name']);
    expect((await hits('zephyr', { filter: { enabled: false, language: 'German' } })).edges.map((e) => e.node.jobId)).toEqual(['s-hook']);
    expect((await hits('zephyr', { filter: { product: 'Sunscreen', persona: 'Coach' } })).edges).toHaveLength(2);
    expect((await hits('zephyr', { filter: { product: 'Dessert' } })).edges).toEqual([]);
    const odd = await hits('bulkpage', { filter: { persona: 'Odd' }, first: 100 });
    expect(odd.edges).toHaveLength(22);
    expect(odd.edges.every((e) => e.node.persona === 'Odd')).toBe(true);
  });

  it('pages with stable cursors: every match once, best first', async () => {
    const seen: Array<{ id: string; score: number }> = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const r = await hits('bulkpage', { first: 10, after });
      seen.push(...r.edges.map((e) => ({ id: e.node.jobId, score: e.score })));
      expect(r.pageInfo.hasPreviousPage).toBe(page > 0);
      if (!r.pageInfo.hasNextPage) break;
      after = r.pageInfo.endCursor!;
    }
    expect(seen).toHaveLength(45);
    expect(new Set(seen.map((s) => s.id)).size).toBe(45);
    for (let i = 1; i < seen.length; i += 1) expect(seen[i]!.score).toBeLessThanOrEqual(seen[i - 1]!.score);
  });

  it('refuses an empty or whitespace query and a foreign cursor as validation errors; caps long ones', async () => {
    for (const q of ['', '   ', '\n\t ']) expect(await search(q)).toMatchObject({ __typename: 'ValidationError', field: 'query' });
    expect(await search('x', { after: 'bm90LWEtY3Vyc29y' })).toMatchObject({ __typename: 'ValidationError', field: 'after' });
    const long = await hits(`zephyr ${'a'.repeat(10_000)}`);
    expect(long.truncated).toBe(true);
    expect(long.terms[0]).toBe('zephyr');
    expect(Array.from(long.terms.join(' ')).length).toBeLessThanOrEqual(256);
  });

  // Every FTS5 operator and piece of punctuation, broken quoting, SQL, huge and odd unicode.
  const HOSTILE = [
    '"', '""', '"""', '"launch', 'launch"', 'camp"aign', "'", "launch'", '`launch`',
    'NEAR', 'NEAR(launch rocket)', 'NEAR(launch rocket, 2)', 'launch NEAR/2 rocket', 'AND', 'OR', 'NOT',
    'launch AND', 'OR launch', 'NOT launch', 'launch NOT rocket', 'launch OR nothingmatches', 'launch AND NOT',
    '*', '**', 'launch*', '*launch', 'laun*ch', '-', '-launch', 'launch -rocket', '--launch', ':', 'jobName:launch',
    'hook:', '{jobName hook}: launch', '- jobName : launch', '(', ')', '()', '(launch', 'launch)', '(launch OR rocket',
    '^launch', '+', 'launch + rocket', '\\', '\\"', '%', '_', '%launch%', '[launch]', '{', '}', ';', ',',
    "'; DROP TABLE \"Job\"; --", "' OR 1=1 --", 'launch\'); DELETE FROM "Job"; --', '" OR rowid>0 OR "',
    'job_fts', 'rank', 'rowid:1', 'MATCH', 'bm25(job_fts)', '\u0000launch', 'launch\u0000rocket', '\u0007',
    '🚀', '🚀 launch', 'launch🚀rocket', '👨‍👩‍👧‍👦', '\u200b', 'launch\u200drocket', '\u202elaunch', '\ufeff',
    'e\u0301', 'crème', '你好', 'кампания', 'حملة', '🇫🇮你好世界', 'Ⅲ', '１２３',
    'x'.repeat(10_240), 'launch '.repeat(2_000), '"'.repeat(5_000), '('.repeat(3_000), 'NEAR('.repeat(1_000),
    'AND '.repeat(500) + 'launch', '\n\tlaunch\r\n', '   launch   ',
  ];

  it(`survives ${HOSTILE.length} hostile inputs: no error, and every result holds the words`, async () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(40);
    for (const q of HOSTILE) {
      const r = await search(q, { first: 100 });
      if (!q.trim()) {
        expect(r.__typename, JSON.stringify(q)).toBe('ValidationError');
        continue;
      }
      expect(r.__typename, JSON.stringify(q.slice(0, 60))).toBe('JobSearchConnection');
      if (r.__typename !== 'JobSearchConnection') continue;
      for (const e of r.edges) {
        const n = e.node;
        const words = [n.jobName, n.product, n.persona, n.setting, n.emotion, n.hook, n.brandName].flatMap(wordsOf);
        r.terms.forEach((term, i) => {
          const want = wordsOf(term);
          const last = i === r.terms.length - 1;
          // Each term's words appear in the job; the very last one may be a prefix.
          want.forEach((w, j) => {
            const prefix = last && j === want.length - 1;
            expect(words.some((x) => (prefix ? x.startsWith(w) : x === w)), `${JSON.stringify(q.slice(0, 40))} → ${n.jobId} lacks "${w}"`).toBe(true);
          });
        });
      }
    }
  });

  it('gives operators no meaning: OR, NOT, - and column filters are plain words', async () => {
    // As FTS5 syntax these would match "launch" jobs; as words they need "or"/"nothingmatches".
    expect((await hits('launch OR nothingmatches')).edges).toEqual([]);
    expect((await hits('launch NOT rocket')).edges.map((e) => e.node.jobId)).toEqual(['s-ops']); // the job that says "NOT"
    expect((await hits('-launch')).edges.map((e) => e.node.jobId).sort()).toEqual((await hits('launch')).edges.map((e) => e.node.jobId).sort());
    expect((await hits('hook:zephyr')).edges).toEqual([]); // no job has the word "hook"
    const drop = await hits("'; DROP TABLE \"Job\"; --");
    expect(drop.edges.map((e) => e.node.jobId)).toEqual(['s-ops']); // emotion says "drop table"
    expect((await t.client('viewer').request(JobsDocument, { first: 1 })).jobs.totalCount).toBeGreaterThan(40);
  });

  it('reads only the columns the selection shows, and every column it shows (fragments included)', async () => {
    // The statement selects data, createdAt … only when asked (src/db/fts.ts `columns`): a
    // column left out that the answer shows would come back null or wrong.
    const full = await t.client('viewer').request<{ searchJobs: { edges: Array<{ node: Record<string, unknown> }> } }>(
      `fragment Wide on Job { data createdAt updatedAt voiceId }
       query($q: String!) { searchJobs(query: $q) { ... on JobSearchConnection { edges { node { id jobId ...Wide ... on Job { setting enabled } } } } } }`,
      { q: 'kitchen' },
    );
    expect(full.searchJobs.edges).toHaveLength(1);
    const id = full.searchJobs.edges[0]!.node.id as string;
    // The same job read through `job(id:)` (Prisma, every column), for the expected values.
    const fromList = (await t.client('viewer').request(JobDocument, { id })).job;
    expect(fromList?.data).toMatchObject({ id: 's-creme', setting: 'kitchen' });
    expect(full.searchJobs.edges[0]!.node).toEqual({
      id,
      jobId: 's-creme',
      data: fromList!.data,
      createdAt: fromList!.createdAt,
      updatedAt: fromList!.updatedAt,
      voiceId: null,
      setting: 'kitchen',
      enabled: true,
    });
    const narrow = await t.client('viewer').request<{ searchJobs: { edges: Array<{ node: Record<string, unknown> }> } }>(
      `query($q: String!) { searchJobs(query: $q) { ... on JobSearchConnection { edges { node { jobName } } } } }`,
      { q: 'kitchen' },
    );
    expect(narrow.searchJobs.edges).toEqual([{ node: { jobName: 'Crème brûlée launch' } }]);
  });
});

describe('importJobs over GraphQL (multipart upload)', () => {
  it('is for admins only', async () => {
    await expect(uploadJobs('- id: x\n  job_name: x\n', { role: 'editor' })).rejects.toThrow(/needs a higher role/);
  });

  it('upserts by id, reports malformed entries, and --strict imports nothing', async () => {
    const yaml = 'jobs:\n  - id: up-1\n    job_name: Upload one\n    custom: {a: [1, 2]}\n  - id: up-2\n    enabled: maybe\n  - id: s-name\n    job_name: Zephyr summer campaign renamed\n';
    const strict = await uploadJobs(yaml, { strict: true });
    expect(strict).toMatchObject({ __typename: 'ValidationError', field: 'file' });
    expect((await hits('upload')).edges).toEqual([]);
    const r = await uploadJobs(yaml);
    expect(r).toMatchObject({ __typename: 'ImportJobsPayload', found: 3, imported: 1, updated: 1, unchanged: 0 });
    if (r.__typename !== 'ImportJobsPayload') return;
    expect(r.rejected).toEqual([{ index: 1, line: 5, jobId: 'up-2', reason: 'job_name: is required' }]);
    expect((await hits('upload')).edges.map((e) => e.node.jobId)).toEqual(['up-1']);
    expect((await hits('renamed')).edges.map((e) => e.node.jobId)).toEqual(['s-name']);
    const again = await uploadJobs(yaml);
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 2 });
  });

  it('writes a large file in batches, one transaction and activity entry each; running it again finishes it and changes nothing', async () => {
    const yaml = `jobs:\n${Array.from({ length: 2_500 }, (_, i) => `  - id: batch-${i}\n    job_name: Batched ${i}\n`).join('')}`;
    expect(await uploadJobs(yaml)).toMatchObject({ found: 2_500, imported: 2_500, updated: 0, unchanged: 0 });
    const res = await t.client('viewer').request<{ activity: { edges: Array<{ node: { description: string; details: { batch: number; final: boolean; imported: number } } }> } }>(
      '{ activity(first: 10, filter: { types: ["jobs_imported"] }) { edges { node { description details } } } }',
    );
    // Newest first: this import's three batches.
    const batches = res.activity.edges.slice(0, 3).map((e) => e.node.details);
    expect(batches.map((d) => [d.batch, d.imported, d.final]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [1, 1_000, false],
      [2, 1_000, false],
      [3, 500, true],
    ]);
    expect(await uploadJobs(yaml)).toMatchObject({ found: 2_500, imported: 0, updated: 0, unchanged: 2_500 });
  });

  it('refuses a file that is not YAML with a validation error', async () => {
    expect(await uploadJobs('jobs: [\n')).toMatchObject({ __typename: 'ValidationError', field: 'file' });
  });
});

describe('jobs and statistics', () => {
  it('lists with filters and orderBy, stable across pages', async () => {
    const byName = await t.client('viewer').request(JobsDocument, { orderBy: { field: 'JOB_NAME', direction: 'DESC' }, first: 100 });
    const names = byName.jobs.edges.map((e) => e.node.jobName);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    const disabled = await t.client('viewer').request(JobsDocument, { filter: { enabled: false }, first: 100 });
    expect(disabled.jobs.edges.length).toBe(disabled.jobs.totalCount);
    expect(disabled.jobs.edges.every((e) => !e.node.enabled)).toBe(true);

    const all: string[] = [];
    let after: string | undefined;
    do {
      const page = await t.client('viewer').request(JobsDocument, { first: 7, after, orderBy: { field: 'UPDATED_AT' } });
      all.push(...page.jobs.edges.map((e) => e.node.jobId));
      after = page.jobs.pageInfo.hasNextPage ? page.jobs.pageInfo.endCursor! : undefined;
    } while (after);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(byName.jobs.totalCount);
  });

  it('statistics equal counts computed independently from the database file', async () => {
    const { jobStatistics: s } = await t.client('viewer').request(JobStatisticsDocument);
    const db = new Database(path.join(t.dataDir, 'opsgraph.db'), { readonly: true });
    const rows = db.prepare('SELECT product, language, persona, enabled FROM "Job"').all() as Array<{ product: string | null; language: string; persona: string | null; enabled: number }>;
    db.close();
    const tally = (key: 'product' | 'language' | 'persona') => {
      const m = new Map<string | null, number>();
      for (const r of rows) m.set(r[key], (m.get(r[key]) ?? 0) + 1);
      return m;
    };
    expect(s.totalJobs).toBe(rows.length);
    expect(s.enabledJobs).toBe(rows.filter((r) => r.enabled === 1).length);
    expect(s.disabledJobs).toBe(rows.filter((r) => r.enabled === 0).length);
    for (const [field, key] of [['byProduct', 'product'], ['byLanguage', 'language'], ['byPersona', 'persona']] as const) {
      expect(new Map(s[field].map((k) => [k.key ?? null, k.count]))).toEqual(tally(key));
    }
    expect(s.byLanguage.find((k) => k.key === 'German')?.count).toBe(1);
  });

  it('exports YAML holding every job', async () => {
    const res = await t.client('editor').request(ExportJobsDocument, { input: {} });
    if (res.exportJobs.__typename !== 'ExportJobsPayload') throw new Error(JSON.stringify(res));
    const { jobStatistics } = await t.client('viewer').request(JobStatisticsDocument);
    expect(res.exportJobs.count).toBe(jobStatistics.totalJobs);
    expect(res.exportJobs.yaml).toMatch(/^jobs:\n/);
    expect(res.exportJobs.yaml).toContain('Летняя кампания');
    const bytes = Buffer.from(res.exportJobs.yaml);
    expect(res.exportJobs.file).toMatchObject({ fileType: 'EXPORT', status: 'AVAILABLE', contentType: 'application/yaml', size: bytes.length });
    expect(res.exportJobs.file?.checksumSha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const download = await fetch(res.exportJobs.file!.downloadUrl!);
    expect(await download.text()).toBe(res.exportJobs.yaml);
  });
});
