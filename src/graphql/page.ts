// Keyset pagination over an integer sequence (activity entries, promotion events), for
// connections the Prisma plugin cannot build (batched per parent, or with raw SQL).
import { GraphQLError } from 'graphql';
import { schemaLimits } from './builder.ts';

const PREFIX = 'seq:';

export function encodeSeqCursor(seq: number | bigint): string {
  return Buffer.from(`${PREFIX}${seq}`).toString('base64url');
}

export function decodeSeqCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const n = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new GraphQLError(`invalid cursor "${cursor.slice(0, 60)}"`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return n;
}

/** The page size a connection asked for, with the default and cap applied. */
export function pageSize(first: number | null | undefined): number {
  if (first == null) return schemaLimits.defaultPageSize;
  if (!Number.isInteger(first) || first < 0) {
    throw new GraphQLError('"first" must be a non-negative integer', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return Math.min(first, schemaLimits.maxPageSize);
}

export interface SeqPage<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** Builds a page from rows fetched with take = size + 1 (the extra row only says "there is more"). */
export function seqPage<T extends { seq: number }>(rows: T[], size: number, hadCursor: boolean): SeqPage<T> {
  const nodes = rows.slice(0, size);
  const edges = nodes.map((node) => ({ cursor: encodeSeqCursor(node.seq), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: hadCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
