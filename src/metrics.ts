// Prometheus metrics at /metrics (prom-client): process defaults, and what an operator alerts
// on — operation latency and SQL statements per operation (labelled by a bounded set of
// operation names), errors by code, HTTP responses by status, open WebSockets, active
// subscriptions, and the age of the newest backup. Every label has a bounded set of values:
// an unbounded label (client-chosen names) would grow the scrape and Prometheus without limit.
import type http from 'node:http';
import client from 'prom-client';
import { latestBackup } from './backup/store.ts';
import type { LocalReplicaHandle, ReplicaStatus } from './db/local-replica.ts';
import type { Logger } from './logger.ts';
import type { BlobStore } from './storage/blob-store.ts';

/** Distinct ad-hoc operation names that get their own series; later ones are counted as "other". */
export const MAX_OPERATION_NAMES = 100;

/**
 * Operation names as label values: names of the trusted documents always (src/graphql/
 * persisted-documents.ts), then the first MAX_OPERATION_NAMES other names seen, then "other".
 */
export class OperationNames {
  readonly #known = new Set<string>();
  readonly #adHoc = new Set<string>();

  constructor(readonly max = MAX_OPERATION_NAMES) {}

  /** Names of documents this server knows in advance (the persisted documents). */
  know(names: Iterable<string>): void {
    for (const n of names) this.#known.add(n);
  }

  label(name: string | undefined): string {
    if (!name) return 'anonymous';
    if (this.#known.has(name) || this.#adHoc.has(name)) return name;
    if (this.#adHoc.size < this.max && name.length <= 100) {
      this.#adHoc.add(name);
      return name;
    }
    return 'other';
  }
}

/** An error code as a label value: the server's own codes are upper-case words; anything else is "OTHER". */
export function codeLabel(code: unknown): string {
  if (code === undefined || code === null) return 'NONE';
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(code) ? code : 'OTHER';
}

const HTTP_ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);

export interface MetricsSources {
  /** Where backups live: the newest one's time is read from the store at each scrape (the store is the source of truth). */
  blobs?: BlobStore;
  logger?: Logger;
  /** PostgreSQL mode: the local replica, whose position and lag are read at each scrape. */
  replica?: LocalReplicaHandle;
}

export function createMetrics(sources: MetricsSources = {}) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const operationNames = new OperationNames();

  const operations = new client.Histogram({
    name: 'opsgraph_graphql_operation_seconds',
    help: 'GraphQL operation duration (queries and mutations; subscriptions are counted in opsgraph_graphql_subscriptions_active)',
    labelNames: ['operation', 'type', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers,
  });
  const operationSql = new client.Histogram({
    name: 'opsgraph_graphql_operation_sql_statements',
    help: 'SQL statements one GraphQL operation ran (bounded by the query depth, not the rows: a growing tail is an N+1)',
    labelNames: ['operation', 'type'] as const,
    buckets: [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 100, 250, 500],
    registers,
  });
  const errors = new client.Counter({
    name: 'opsgraph_graphql_errors_total',
    help: 'GraphQL errors sent to clients, by extensions.code (parse, validation, auth and refusals before parsing included)',
    labelNames: ['code', 'transport'] as const,
    registers,
  });
  const httpResponses = new client.Counter({
    name: 'opsgraph_http_responses_total',
    help: 'HTTP responses by route and status',
    labelNames: ['route', 'status'] as const,
    registers,
  });
  const webSockets = new client.Gauge({
    name: 'opsgraph_websocket_connections',
    help: 'Open WebSocket connections (graphql-ws)',
    registers,
  });
  const subscriptions = new client.Gauge({
    name: 'opsgraph_graphql_subscriptions_active',
    help: 'Subscriptions running now, by transport (ws: graphql-ws, sse: server-sent events)',
    labelNames: ['transport'] as const,
    registers,
  });
  subscriptions.set({ transport: 'ws' }, 0);
  subscriptions.set({ transport: 'sse' }, 0);

  // One store lookup per scrape, shared by both backup gauges; the last known value survives a store error.
  let lastBackupAt: Date | null = null;
  let lookup: Promise<void> | null = null;
  const refreshBackup = (): Promise<void> => {
    const blobs = sources.blobs;
    if (!blobs) return Promise.resolve();
    lookup ??= new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        sources.logger?.warn('metrics: the blob store did not list backups within 5 s');
        resolve();
      }, 5000);
      latestBackup(blobs)
        .then((b) => {
          lastBackupAt = b?.createdAt ?? null;
        })
        .catch((err: unknown) => sources.logger?.warn({ err }, 'metrics: could not read the newest backup'))
        .finally(() => {
          clearTimeout(timer);
          resolve();
        });
    }).finally(() => {
      lookup = null;
    });
    return lookup;
  };
  new client.Gauge({
    name: 'opsgraph_backup_last_success_timestamp_seconds',
    help: 'Unix time of the newest backup in the store (0: none yet)',
    registers,
    async collect() {
      await refreshBackup();
      this.set(lastBackupAt ? lastBackupAt.getTime() / 1000 : 0);
    },
  });
  new client.Gauge({
    name: 'opsgraph_backup_age_seconds',
    help: 'Seconds since the newest backup in the store (+Inf: none yet); alert when it exceeds the schedule',
    registers,
    async collect() {
      await refreshBackup();
      this.set(lastBackupAt ? Math.max(0, (Date.now() - lastBackupAt.getTime()) / 1000) : Number.POSITIVE_INFINITY);
    },
  });

  if (sources.replica) replicaGauges(sources.replica, registers, sources.logger);

  return {
    registry,
    operationNames,
    operations,
    operationSql,
    errors,
    httpResponses,
    webSockets,
    subscriptions,

    /** Counts each error of a result by its code. */
    countErrors(list: ReadonlyArray<{ extensions?: Record<string, unknown> | null }> | undefined | null, transport: 'http' | 'ws'): void {
      for (const e of list ?? []) errors.inc({ code: codeLabel(e.extensions?.code), transport });
    },

    /** Counts the response by status when it has been sent. */
    observeHttpResponse(pathname: string, res: http.ServerResponse): void {
      const route = HTTP_ROUTES.has(pathname) ? pathname.slice(1) : 'other';
      res.once('finish', () => httpResponses.inc({ route, status: String(res.statusCode) }));
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** One status lookup per scrape (it asks PostgreSQL for its position), shared by the gauges. */
function replicaGauges(replica: LocalReplicaHandle, registers: client.Registry[], logger?: Logger): void {
  const delay = new client.Histogram({
    name: 'opsgraph_replica_apply_delay_seconds',
    help: 'Per upstream transaction: from its commit on PostgreSQL to its commit in the local replica (clock skew between the hosts included)',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 60],
    registers,
  });
  replica.onApplied((t) => delay.observe(t.delayMs / 1000));
  let last: ReplicaStatus | null = null;
  let lookup: Promise<void> | null = null;
  const refresh = () =>
    (lookup ??= replica
      .status()
      .then((s) => {
        last = s;
      })
      .catch((err: unknown) => logger?.warn({ err }, 'metrics: could not read the replica status'))
      .finally(() => {
        // The next scrape asks again; the gauges of this one share the answer.
        setImmediate(() => (lookup = null));
      }));
  const gauge = (name: string, help: string, value: (s: ReplicaStatus) => number | null) =>
    new client.Gauge({
      name,
      help,
      registers,
      async collect() {
        await refresh();
        const v = last ? value(last) : null;
        if (v !== null) this.set(v);
      },
    });
  gauge('opsgraph_replica_lag_bytes', 'WAL bytes between PostgreSQL\'s current position and what the local replica has applied', (s) => s.lagBytes);
  gauge('opsgraph_replica_lag_seconds', 'Seconds since the local replica was last seen at PostgreSQL\'s position (0: it is there)', (s) => s.lagSeconds);
  gauge('opsgraph_replica_applied_lsn', 'WAL position (as a byte offset) of the last upstream commit the local replica applied', (s) => lsnBytes(s.appliedLsn));
  gauge('opsgraph_replica_applied_seq', 'Highest activity seq (the commit position) the local replica has applied', (s) => s.appliedSeq);
  gauge('opsgraph_replica_caught_up', '1 once the local replica has caught up with PostgreSQL after start (readiness), else 0', (s) => (s.caughtUp ? 1 : 0));
  gauge('opsgraph_replica_streaming', '1 while the replication stream is connected, else 0', (s) => (s.streaming ? 1 : 0));
}

function lsnBytes(lsn: string): number {
  const [hi, lo] = lsn.split('/');
  return parseInt(hi!, 16) * 2 ** 32 + parseInt(lo!, 16);
}

/**
 * The same stream, counted in `gauge` while it is open: until it ends, fails, or is closed
 * by return() (client gone, complete message). A plain iterator, not an async generator:
 * a generator would queue return() behind a pending next() and keep the gauge up (and the
 * subscription open) until the next event.
 */
export function countWhileOpen<T>(source: AsyncIterable<T>, gauge: { inc(): void; dec(): void }): AsyncIterableIterator<T> & { return(value?: unknown): Promise<IteratorResult<T>> } {
  const it = source[Symbol.asyncIterator]();
  let open = true;
  gauge.inc();
  const end = () => {
    if (open) {
      open = false;
      gauge.dec();
    }
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      try {
        const r = await it.next();
        if (r.done) end();
        return r;
      } catch (err) {
        end();
        throw err;
      }
    },
    async return(value?: unknown) {
      end();
      return (await it.return?.(value)) ?? { done: true, value: undefined as never };
    },
    async throw(err?: unknown) {
      end();
      if (it.throw) return it.throw(err);
      throw err;
    },
  };
}
