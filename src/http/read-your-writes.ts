// Read your writes over HTTP (issue 16, milestone 2). A mutation's response carries its commit
// position (src/graphql/plugins/commit-position.ts); a client that then reads from any gateway
// sends it back as `opsgraph-min-position: N`, and the gateway runs the request only once its
// local reads have reached N — or answers REPLICA_BEHIND (503, Retry-After) after
// READ_YOUR_WRITES_TIMEOUT_MS, never hanging.
import type http from 'node:http';
import { type ReplicaProgress, ReplicaBehindError } from '../db/commit-position.ts';
import { sendJson } from './respond.ts';

/** Response header: the commit position of the request's writes. */
export const COMMIT_POSITION_HEADER = 'opsgraph-commit-position';
/** Request header: run only once local reads have reached this position. */
export const MIN_POSITION_HEADER = 'opsgraph-min-position';

/**
 * Positions are activity seqs; on PostgreSQL the column is a 32-bit INTEGER, so anything
 * above it can never be reached and is refused as a client error rather than waited for.
 */
export const MAX_POSITION = 2_147_483_647;

export type MinPosition = { ok: true; position: number | null } | { ok: false; message: string };

/** The header's value: absent (null), a non-negative integer up to MAX_POSITION, or an error. */
export function parseMinPosition(value: string | string[] | undefined): MinPosition {
  if (value === undefined) return { ok: true, position: null };
  const text = Array.isArray(value) ? value.join(',') : value; // node joins repeats; a list is not a position
  const trimmed = text.trim();
  if (!/^\d{1,10}$/.test(trimmed)) {
    return { ok: false, message: `${MIN_POSITION_HEADER} must be a non-negative integer (a commit position from ${COMMIT_POSITION_HEADER}), not ${JSON.stringify(text.slice(0, 40))}` };
  }
  const position = Number(trimmed);
  if (position > MAX_POSITION) return { ok: false, message: `${MIN_POSITION_HEADER} ${position} is above the largest possible commit position (${MAX_POSITION})` };
  return { ok: true, position };
}

/**
 * The same for graphql-ws, where an operation asks in its payload's extensions
 * (`{ "extensions": { "minPosition": N } }`): a JSON number or a string of digits.
 */
export function parseMinPositionExtension(value: unknown): MinPosition {
  if (value === undefined || value === null) return { ok: true, position: null };
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return parseMinPosition(String(value));
  if (typeof value === 'string') return parseMinPosition(value);
  return { ok: false, message: `extensions.minPosition must be a non-negative integer (a commit position), not ${JSON.stringify(value)?.slice(0, 40)}` };
}

/** Seconds a client should wait before retrying a REPLICA_BEHIND answer. */
const RETRY_AFTER_SECONDS = 1;

export function sendReplicaBehind(res: http.ServerResponse, err: ReplicaBehindError): void {
  sendJson(
    res,
    503,
    { errors: [{ message: err.message, extensions: { code: err.code, position: err.position, applied: err.applied, timeoutMs: err.timeoutMs } }] },
    { 'retry-after': String(RETRY_AFTER_SECONDS) },
  );
}

export interface Refusal {
  code: string;
  send(res: http.ServerResponse): void;
}

/**
 * Honours `opsgraph-min-position` before a GraphQL request runs: waits (bounded) until local
 * reads have reached it. Returns null to go on, or how to refuse the request: a bad header
 * (400 BAD_USER_INPUT), or still behind after the wait (503 REPLICA_BEHIND).
 */
export async function minPositionRefusal(req: http.IncomingMessage, progress: ReplicaProgress, timeoutMs: number): Promise<Refusal | null> {
  const parsed = parseMinPosition(req.headers[MIN_POSITION_HEADER]);
  if (!parsed.ok) {
    const { message } = parsed;
    return { code: 'BAD_USER_INPUT', send: (res) => sendJson(res, 400, { errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] }) };
  }
  if (parsed.position === null) return null;
  try {
    await progress.waitFor(parsed.position, timeoutMs);
    return null;
  } catch (err) {
    if (!(err instanceof ReplicaBehindError)) throw err;
    return { code: err.code, send: (res) => sendReplicaBehind(res, err) };
  }
}
