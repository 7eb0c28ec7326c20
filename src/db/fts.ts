// Raw SQL for job search (FTS5), shared by the GraphQL resolver and the benchmark's
// hand-written baseline so both run exactly the same statement.
//
// Shape of the search: `page` ranks matches inside job_fts (joining "Job" only to apply the
// filters, by primary key, for matching rows) and keeps one page; `snips` computes snippets
// for that page only; the outer query joins the page to "Job" for the columns. Joining
// everything first and ordering by bm25 makes SQLite carry every matching row's columns
// through the sort (~3× slower at 100k rows), and a snippet next to the ranking would be
// computed for every match, not just the 20 shown.
//
// Every value a person supplies is a bound parameter; only fixed SQL text is concatenated.
import type { JobColumns } from '../domain/job.ts';

/** bm25 column weights, in job_fts column order: a hit in the name counts most. */
export const BM25_WEIGHTS = {
  jobName: 10,
  product: 4,
  persona: 2,
  setting: 1,
  emotion: 1,
  hook: 1,
  brandName: 4,
} as const;

const BM25 = `bm25(job_fts, ${Object.values(BM25_WEIGHTS).map((w) => w.toFixed(1)).join(', ')})`;

// Snippet markers: private-use characters that never occur in the indexed text in practice;
// the caller escapes the text for HTML and only then turns them into <mark> tags.
export const SNIPPET_OPEN = '\uE000';
export const SNIPPET_CLOSE = '\uE001';
const SNIPPET_TOKENS = 12;

export interface JobSearchFilter {
  enabled?: boolean | null;
  product?: string | null;
  persona?: string | null;
  language?: string | null;
}

/** Position of the last row of a page: bm25 rank, then seq to break ties. */
export interface SearchCursor {
  rank: number;
  seq: number;
}

/** A raw search row: the Job columns as SQLite returns them, plus rank and snippet. */
export type JobSearchRow = Omit<JobColumns, 'enabled'> & {
  seq: number | bigint;
  enabled: number | bigint | boolean;
  createdAt: string | Date;
  updatedAt: string | Date;
  rank: number;
  snippet: string | null;
};

/** The "Job" columns a search can return, in the statement's order. `seq` and `id` always come back. */
export const JOB_SEARCH_COLUMNS = [
  'jobName', 'product', 'persona', 'setting', 'emotion', 'hook', 'voiceId', 'language', 'brandName', 'enabled', 'data', 'createdAt', 'updatedAt',
] as const;
export type JobSearchColumn = (typeof JOB_SEARCH_COLUMNS)[number];

/** Filter columns on "Job" and the SQL that tests them (names are fixed, values bound). */
const FILTER_SQL: Record<keyof JobSearchFilter, string> = {
  enabled: 'j.enabled = ?',
  product: 'j.product = ?',
  persona: 'j.persona = ?',
  language: 'j.language = ?',
};

/**
 * The search statement and its parameters. `match` must come from buildFtsQuery (quoted
 * words only); `limit` is the page size plus one, to learn whether there is a next page.
 * `columns`: the "Job" columns to return besides seq and id (default: all of them); an answer
 * that shows no `data` should not carry the JSON through the statement (~5 % of it).
 */
export function jobSearchSql(
  match: string,
  filter: JobSearchFilter,
  limit: number,
  after?: SearchCursor | null,
  columns: ReadonlySet<JobSearchColumn> | null = null,
) {
  // Parameters in the order their `?` appear in the text.
  const params: Array<string | number> = [match];
  const where = ['job_fts MATCH ?'];
  for (const key of Object.keys(FILTER_SQL) as Array<keyof JobSearchFilter>) {
    const value = filter[key];
    if (value === null || value === undefined) continue;
    where.push(FILTER_SQL[key]);
    params.push(typeof value === 'boolean' ? Number(value) : value);
  }
  // CROSS JOIN pins job_fts as the outer loop: "Job" is only probed by seq for rows that
  // matched, never scanned through its (much less selective) filter indexes.
  const join = where.length > 1 ? ' CROSS JOIN "Job" j ON j.seq = job_fts.rowid' : '';
  let keyset = '';
  if (after) {
    // bm25 is deterministic for an unchanged index, so the cursor's score compares exactly.
    keyset = 'WHERE score > ? OR (score = ? AND seq > ?)';
    params.push(after.rank, after.rank, after.seq);
  }
  params.push(limit, match);
  // `snips` is one more pass over the matches, restricted to the page's rowid range, with the
  // snippet computed only for the page's rows. A correlated `MATCH ? AND rowid = ?` per row
  // would rebuild the (prefix) doclist for every row: ~4x the cost of the whole ranking.
  // The `+` on rowid keeps SQLite from turning the IN list into one FTS lookup per value.
  // Only names from the fixed list above reach the text, in its order (one statement per set).
  const selected = ['j.seq', 'j.id', ...JOB_SEARCH_COLUMNS.filter((c) => !columns || columns.has(c)).map((c) => `j.${c}`)].join(', ');
  const sql = `WITH page AS MATERIALIZED (
    SELECT seq, score FROM (
      SELECT job_fts.rowid AS seq, ${BM25} AS score
        FROM job_fts${join}
       WHERE ${where.join(' AND ')}
    ) ${keyset}
    ORDER BY score, seq
    LIMIT ?
  ),
  snips AS MATERIALIZED (
    SELECT rowid AS seq, snippet(job_fts, -1, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}', '…', ${SNIPPET_TOKENS}) AS snippet
      FROM job_fts
     WHERE job_fts MATCH ?
       AND rowid >= (SELECT min(seq) FROM page) AND rowid <= (SELECT max(seq) FROM page)
       AND +rowid IN (SELECT seq FROM page)
  )
  SELECT ${selected}, page.score AS rank, snips.snippet
    FROM page
    JOIN "Job" j ON j.seq = page.seq
    LEFT JOIN snips ON snips.seq = page.seq
   ORDER BY page.score, page.seq`;
  return { sql, params };
}

/** `INSERT INTO job_fts(job_fts, rank) VALUES('integrity-check', 1)` throws when the index and "Job" disagree. */
export const FTS_INTEGRITY_CHECK_SQL = `INSERT INTO job_fts(job_fts, rank) VALUES ('integrity-check', 1)`;

/** Merges the index's segments into one: smaller and faster to query, run by `db vacuum`. */
export const FTS_OPTIMIZE_SQL = `INSERT INTO job_fts(job_fts) VALUES ('optimize')`;

/** Escapes snippet text for HTML and turns the markers into <mark> tags. */
export function snippetHtml(raw: string | null): string | null {
  if (raw === null) return null;
  const escaped = raw.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return escaped.replaceAll(SNIPPET_OPEN, '<mark>').replaceAll(SNIPPET_CLOSE, '</mark>');
}
