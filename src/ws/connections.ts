// Open WebSocket connections by the API key they authenticated with, so that a key that
// stops being valid also stops its open connections: they are closed with 4403 (graphql-ws
// clients treat it as final and do not reconnect with the same key).
//
// A key can be revoked in this process (a mutation), by `opsgraph keys revoke` in another
// process, or disappear with a restore that brings back another set of keys. One mechanism
// covers all three: while connections are open, their key ids are looked up every
// `pollMs` (one indexed query for the distinct ids, skipped when nothing is open), and at
// once after the database was replaced.
import type { WebSocket } from 'ws';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';

export const KEY_REVOKED_CLOSE_CODE = 4403;
const DEFAULT_POLL_MS = 1_000;

export class KeyedConnections {
  readonly #byKey = new Map<string, Set<WebSocket>>();
  readonly #db: Database;
  readonly #logger: Logger;
  readonly #pollMs: number;
  #timer: NodeJS.Timeout | null = null;
  #checking: Promise<void> | null = null;
  #closed = false;
  readonly #stopListening: () => void;

  constructor(db: Database, logger: Logger, options: { pollMs?: number } = {}) {
    this.#db = db;
    this.#logger = logger;
    this.#pollMs = options.pollMs ?? DEFAULT_POLL_MS;
    this.#stopListening = db.onReplaced(() => void this.check());
  }

  /** Tracks `socket` under `keyId` until it closes. */
  add(keyId: string, socket: WebSocket): void {
    if (this.#closed) return;
    let sockets = this.#byKey.get(keyId);
    if (!sockets) this.#byKey.set(keyId, (sockets = new Set()));
    sockets.add(socket);
    socket.once('close', () => this.#remove(keyId, socket));
    this.#timer ??= setInterval(() => void this.check(), this.#pollMs).unref();
  }

  /** How many connections are tracked (for tests and metrics). */
  get size(): number {
    let n = 0;
    for (const s of this.#byKey.values()) n += s.size;
    return n;
  }

  /** Closes every connection whose key is no longer an active key. One check at a time. */
  check(): Promise<void> {
    this.#checking ??= this.#check().finally(() => (this.#checking = null));
    return this.#checking;
  }

  async #check(): Promise<void> {
    const ids = [...this.#byKey.keys()];
    if (!ids.length || this.#closed) return;
    let active: Set<string>;
    try {
      const lease = await this.#db.leaseReader(); // waits while a restore swaps the file
      try {
        const rows = await lease.reader.apiKey.findMany({ where: { id: { in: ids }, revokedAt: null }, select: { id: true } });
        active = new Set(rows.map((r) => r.id));
      } finally {
        lease.release();
      }
    } catch (err) {
      // A failed look-up closes nothing (the next poll tries again); the socket's own
      // requests still go through the key verifier.
      this.#logger.warn({ err }, 'could not re-check the API keys of open WebSocket connections');
      return;
    }
    for (const id of ids) {
      if (active.has(id)) continue;
      const sockets = this.#byKey.get(id);
      if (!sockets) continue;
      this.#logger.info({ keyId: id, connections: sockets.size }, 'closing WebSocket connections of a revoked API key');
      for (const socket of sockets) socket.close(KEY_REVOKED_CLOSE_CODE, 'API key revoked');
      this.#byKey.delete(id);
    }
    this.#stopTimerIfIdle();
  }

  #remove(keyId: string, socket: WebSocket): void {
    const sockets = this.#byKey.get(keyId);
    if (!sockets) return;
    sockets.delete(socket);
    if (!sockets.size) this.#byKey.delete(keyId);
    this.#stopTimerIfIdle();
  }

  #stopTimerIfIdle(): void {
    if (this.#byKey.size || !this.#timer) return;
    clearInterval(this.#timer);
    this.#timer = null;
  }

  close(): void {
    this.#closed = true;
    this.#stopListening();
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#byKey.clear();
  }
}
