// Keyset pagination over an integer sequence (activity entries, promotion events), for
// connections the Prisma plugin cannot build (batched per parent, or with raw SQL).
import { GraphQLError } from 'graphql';
import { type KeysetPage, type KeysetRequest, LazyEdge, pageInfo } from '../read-model/keyset.ts';
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

export type SeqPage<T> = KeysetPage<T>;

const seqCursorOf = (node: { seq: number }) => encodeSeqCursor(node.seq);

/** Builds a page from rows fetched with take = size + 1 (the extra row only says "there is more"). */
export function seqPage<T extends { seq: number }>(rows: T[], size: number, hadCursor: boolean): SeqPage<T> {
  const edges = rows.slice(0, size).map((node) => new LazyEdge<T>(node, seqCursorOf));
  return { edges, pageInfo: pageInfo(edges, rows.length > size, hadCursor) };
}

// ------------------------------------------------------------------ id cursors (read model)

const ID_PREFIX = 'id:';

/** A cursor naming one row by id, for the read model's keyset connections (src/read-model/keyset.ts). */
export function encodeIdCursor(id: string): string {
  return Buffer.from(`${ID_PREFIX}${id}`).toString('base64url');
}

export function decodeIdCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(ID_PREFIX) || text.length === ID_PREFIX.length || text.length > 200) {
    throw new GraphQLError(`invalid cursor "${cursor.slice(0, 60)}"`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return text.slice(ID_PREFIX.length);
}

/** Relay arguments → a keyset request: `first`/`after` forward, `last`/`before` backward. */
export function keysetRequest(args: {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}): KeysetRequest {
  if (args.first != null && args.last != null) {
    throw new GraphQLError('pass "first" or "last", not both', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  const backward = args.last != null || (args.first == null && args.before != null);
  const cursor = backward ? args.before : args.after;
  return { size: pageSize(backward ? args.last : args.first), backward, cursorId: cursor ? decodeIdCursor(cursor) : null };
}
