// searchJobs: validate the text, turn it into a safe MATCH expression, run the ranked query,
// and build a page with keyset cursors (score, seq). Read-only: it runs on the read model's
// prepared-statement connection (src/db/sql-reader.ts), the statement cached per filter shape.
import { isoUtc, type SqlReader } from '../../db/sql-reader.ts';
import { type JobSearchColumn, type JobSearchFilter, jobSearchSql, type JobSearchRow, type SearchCursor, snippetHtml } from '../../db/fts.ts';
import { buildFtsQuery } from '../../domain/fts-query.ts';
import { ValidationError } from '../../errors.ts';
import type { Job } from '../../generated/prisma/client.ts';

export interface SearchJobsInput {
  query: string;
  filter?: JobSearchFilter | null;
  /** Page size, already capped by the caller. */
  size: number;
  after?: string | null;
  /** The Job columns the answer shows (null: all). Columns not read are absent from the nodes. */
  columns?: ReadonlySet<JobSearchColumn> | null;
}

export interface JobSearchEdge {
  cursor: string;
  /** Higher is better: the negated bm25 rank. */
  score: number;
  /** HTML-escaped text around the hits, hits wrapped in <mark>. */
  snippet: string | null;
  node: Job;
}

export interface JobSearchPage {
  edges: JobSearchEdge[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** The words searched for, after capping; lets a UI show what was ignored. */
  terms: string[];
  truncated: boolean;
}

const CURSOR_PREFIX = 'jobsearch:';

export function encodeSearchCursor(c: SearchCursor): string {
  // String(number) round-trips a double exactly, which the keyset comparison relies on.
  return Buffer.from(`${CURSOR_PREFIX}${c.rank}:${c.seq}`).toString('base64url');
}

export function decodeSearchCursor(cursor: string): SearchCursor {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const [rank, seq] = text.startsWith(CURSOR_PREFIX) ? text.slice(CURSOR_PREFIX.length).split(':').map(Number) : [];
  if (!Number.isFinite(rank) || !Number.isSafeInteger(seq)) throw new ValidationError('after', 'is not a cursor of searchJobs');
  return { rank: rank!, seq: seq! };
}

/** A Job from a search row; a column the statement did not select stays undefined. */
export function rowToJob(r: Omit<JobSearchRow, 'rank' | 'snippet'>): Job {
  return {
    seq: Number(r.seq),
    id: r.id,
    jobName: r.jobName,
    product: r.product,
    persona: r.persona,
    setting: r.setting,
    emotion: r.emotion,
    hook: r.hook,
    voiceId: r.voiceId,
    language: r.language,
    brandName: r.brandName,
    enabled: r.enabled === undefined ? (undefined as never) : Boolean(Number(r.enabled)),
    data: r.data,
    // Canonical ISO strings, not Dates: the DateTime scalar passes them through.
    createdAt: (r.createdAt === undefined ? undefined : isoUtc(r.createdAt)) as unknown as Date,
    updatedAt: (r.updatedAt === undefined ? undefined : isoUtc(r.updatedAt)) as unknown as Date,
  };
}

export async function searchJobs(sql: SqlReader, input: SearchJobsInput): Promise<JobSearchPage> {
  if (!input.query.trim()) throw new ValidationError('query', 'must not be empty');
  const after = input.after ? decodeSearchCursor(input.after) : null;
  const { match, tokens, truncated } = buildFtsQuery(input.query);
  const empty = { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: Boolean(after), startCursor: null, endCursor: null } };
  // Only punctuation, operators or emoji: there is no word to look for, so nothing matches.
  if (match === null || input.size === 0) return { ...empty, terms: tokens, truncated };

  const statement = jobSearchSql(match, input.filter ?? {}, input.size + 1, after, input.columns ?? null);
  const rows = sql.all<JobSearchRow>(statement.sql, statement.params);
  const edges = rows.slice(0, input.size).map((r) => ({
    cursor: encodeSearchCursor({ rank: r.rank, seq: Number(r.seq) }),
    score: -r.rank,
    snippet: snippetHtml(r.snippet),
    node: rowToJob(r),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > input.size,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    terms: tokens,
    truncated,
  };
}
