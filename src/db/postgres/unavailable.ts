// Is this failure "PostgreSQL (the write store) cannot be reached right now"? Then the
// request can be sent again once it is back (src/errors.ts StoreUnavailableError), unlike a
// bug or a constraint violation. The same outage reaches us in several shapes: Prisma's
// P1001 "can't reach database server" (the pool cannot connect), a SQLSTATE of class 08
// (connection exception) or 57P0x (the server is shutting down, crashed, or still starting:
// a fast/immediate stop, crash recovery), or pg's own errors for a socket that went away
// ("Connection terminated unexpectedly", ECONNREFUSED, ECONNRESET).

/** How sure we are that nothing was written. */
export type Unavailability = 'not-applied' | 'unknown';

const CONNECT_CODES = new Set(['P1001', 'P1002', 'P1017', 'ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT']);
const LOST_CODES = new Set(['ECONNRESET', 'EPIPE']);
const ADAPTER_UNREACHABLE = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const LOST_MESSAGES = /Connection terminated|Client has encountered a connection error|terminating connection due to administrator command/i;

type Shape = {
  code?: unknown;
  message?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } };
  cause?: unknown;
  kind?: unknown;
  originalCode?: unknown;
};

/**
 * `not-applied`: the request never reached a server that could run it (no connection, the
 * server refusing connections while it starts or stops). `unknown`: the connection was lost
 * mid-transaction; if that happened during COMMIT the write may have been applied. Null: not
 * an outage of the write store.
 */
export function storeUnavailability(err: unknown): Unavailability | null {
  for (let e = err as Shape | undefined, depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
    const adapter = e.meta?.driverAdapterError?.cause;
    const sqlState = String(adapter?.originalCode ?? e.originalCode ?? e.code ?? '');
    const kind = String(adapter?.kind ?? e.kind ?? '');
    if (CONNECT_CODES.has(String(e.code)) || kind === 'DatabaseNotReachable' || sqlState === '57P03') return 'not-applied';
    if (sqlState.startsWith('08') || sqlState === '57P01' || sqlState === '57P02' || ADAPTER_UNREACHABLE.has(kind) || LOST_CODES.has(String(e.code))) return 'unknown';
    if (typeof e.message === 'string' && LOST_MESSAGES.test(e.message)) return 'unknown';
    e = e.cause as Shape | undefined;
  }
  return null;
}
