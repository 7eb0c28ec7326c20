// createServer(config) → { url, close }: one node:http server carrying GraphQL over HTTP and
// SSE (Yoga), GraphQL over WebSocket (graphql-ws) on the same path, health and metrics.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ExecutionArgs, getOperationAST, GraphQLError } from 'graphql';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { KeyVerifier } from './auth/api-keys.ts';
import { bearerToken, resolveActor } from './auth/resolve-actor.ts';
import type { Actor, Services } from './commands/command-context.ts';
import type { Config } from './config.ts';
import type { GraphQLContext } from './graphql/context.ts';
import { maskError } from './graphql/plugins/error-masking.ts';
import { schemaLimits } from './graphql/builder.ts';
import { useComplexityLimit } from './graphql/plugins/complexity-limit.ts';
import { usePageSizeLimit } from './graphql/plugins/page-size-limit.ts';
import { SQL_TALLY, useSqlCounter } from './graphql/plugins/sql-counter.ts';
import { buildSchema } from './graphql/schema.ts';
import { createLogger, type Logger } from './logger.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { newRequestId, runWithRequestId } from './request-context.ts';
import { openServices } from './services.ts';
import { startBackupSchedule } from './backup/schedule.ts';
import { READER_LEASE, releaseRequestReader } from './db/database.ts';
import { CLOSE_CONNECTION, type ConnectionHooks } from './events/connection-hooks.ts';
import { shareKey, subscribeShared } from './events/shared-execution.ts';
import { serveExtractionArtifact } from './http/extraction-artifacts.ts';

export const GRAPHQL_PATH = '/graphql';
/** Operations (mostly subscriptions) one WebSocket connection may run at once. */
const MAX_OPERATIONS_PER_CONNECTION = 50;
/** OPSGRAPH_SHARED_EXECUTION=0 turns per-event result sharing off (benchmark comparison). */
const SHARE_SUBSCRIPTION_EXECUTION = process.env.OPSGRAPH_SHARED_EXECUTION !== '0';

export interface RunningServer {
  url: string;
  port: number;
  services: Services;
  close(): Promise<void>;
}

/** Extra HTTP routes other parts register (e.g. the fs store's signed URLs). */
export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse, services: Services) => Promise<boolean> | boolean;
const extraRoutes: RouteHandler[] = [];
export function registerRoute(handler: RouteHandler): void {
  extraRoutes.push(handler);
}

interface ServerContext {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  /** Set for graphql-ws connections, authenticated at connection_init. */
  wsActor?: Actor | null;
}

function useOperationLog(logger: Logger, metrics: Metrics): Plugin<GraphQLContext> {
  return {
    onExecute({ args }) {
      const started = process.hrtime.bigint();
      const operation = args.document.definitions.find((d: import('graphql').DefinitionNode) => d.kind === 'OperationDefinition');
      const type = operation && 'operation' in operation ? operation.operation : 'query';
      const name = args.operationName ?? (operation && 'name' in operation ? operation.name?.value : undefined) ?? 'anonymous';
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result) return;
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const status = result.errors?.length ? 'error' : 'ok';
          const ctx = args.contextValue as unknown as GraphQLContext & Record<symbol, { statements: number } | undefined>;
          const sql = ctx[SQL_TALLY]?.statements ?? 0;
          metrics.operations.observe({ type, status }, ms / 1000);
          metrics.sqlStatements.inc(sql);
          logger.info({ requestId: ctx.requestId, op: name, type, ms: Math.round(ms * 100) / 100, status, sql, actor: ctx.actor?.label }, 'graphql');
        },
      };
    },
  };
}

function createGraphQL(services: Services, metrics: Metrics): YogaServerInstance<ServerContext, GraphQLContext> {
  const { config, logger } = services;
  const verifier = new KeyVerifier(services.db);
  services.db.onReplaced(() => verifier.clear()); // a restore brings back other keys
  const schema = buildSchema(config.limits);
  return createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    landingPage: false,
    // GraphiQL's assets are bundled (no CDN): the gateway runs on air-gapped networks. Loaded
    // on the first GraphiQL page, not at start (~0.1 s of the start-up).
    renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    logging: false,
    batching: false,
    // route() below already refuses bodies over the cap by Content-Length (411 without one)
    // and multipart uploads are streamed with their own cap; Yoga's second check wraps every
    // body in a counting stream and an AbortSignal, ~6 % of a small request's CPU.
    maxRequestBodySize: false,
    cors: config.corsOrigins.length ? { origin: config.corsOrigins, credentials: false, methods: ['GET', 'POST'] } : false,
    graphiql: {
      title: 'opsgraph',
      headers: JSON.stringify({ Authorization: 'Bearer <paste your API key; first start writes one to DATA_DIR/admin-key.txt>' }),
      defaultQuery: 'query Me {\n  viewer { name role }\n  useCaseStateMachine { states }\n}\n',
    },
    maskedErrors: { maskError: maskError(logger) },
    plugins: [
      useCompiledExecution(),
      useComplexityLimit(schemaLimits),
      useSqlCounter(config.debugSql),
      usePageSizeLimit(config.limits.maxPageSize),
      useOperationLog(logger, metrics),
      useReaderLeaseRelease(),
    ],
    context: async (initial): Promise<GraphQLContext> => {
      // The request's reader is fixed here, at request start, through a lease: a restore
      // (src/db/database.ts replaceFile) waits for it, and requests that arrive during the
      // swap wait here and then run on the new database. HTTP releases it when the response
      // ends; subscriptions release it at once (useReaderLeaseRelease), graphql-ws operations
      // when they finish.
      const lease = await services.db.leaseReader();
      initial.res?.once('close', () => lease.release());
      let actor: Actor | null;
      try {
        if (initial.wsActor !== undefined) {
          actor = initial.wsActor;
        } else {
          const result = await resolveActor(bearerToken(initial.request.headers.get('authorization')), verifier, config);
          if (!result.ok) throw new GraphQLError(result.reason, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
          actor = result.actor;
        }
        if (!actor) {
          throw new GraphQLError('authentication required: send "Authorization: Bearer <api key>"', {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
          });
        }
      } catch (err) {
        lease.release();
        throw err;
      }
      return {
        requestId: newRequestId(),
        actor,
        services,
        // After an early release (subscriptions) the context follows the live database.
        get reader() {
          return lease.released ? services.db.reader : lease.reader;
        },
        get sql() {
          return lease.released ? services.db.sql : lease.sql;
        },
        loaders: new Map(),
        [READER_LEASE]: lease,
      } as GraphQLContext;
    },
  });
}

/**
 * Queries and mutations run as compiled JavaScript (graphql-jit), compiled once per parsed
 * document (Yoga caches parsed documents by text). Must come before any plugin that wraps the
 * execute function, or it would replace their wrapper. Subscriptions keep graphql-js: they
 * run once per event and are shared between subscribers (src/events/shared-execution.ts).
 */
function useCompiledExecution() {
  return useGraphQlJit({}, { enableIf: (args) => getOperationAST(args.document, args.operationName)?.operation !== 'subscription' });
}

/** Subscriptions outlive any restore: they drop the request's reader lease when they start. */
function useReaderLeaseRelease(): Plugin<GraphQLContext> {
  return {
    onSubscribe({ args }) {
      releaseRequestReader(args.contextValue);
    },
  };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startServer(services: Services, opts: { onClose?: () => Promise<void> } = {}): Promise<RunningServer> {
  const { config, logger } = services;
  const metrics = createMetrics();
  const yoga = createGraphQL(services, metrics);
  const verifier = new KeyVerifier(services.db);
  services.db.onReplaced(() => verifier.clear()); // a restore brings back other keys
  let inFlight = 0;
  let closing = false;

  const server = http.createServer((req, res) => {
    const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 100) || newRequestId();
    res.setHeader('x-request-id', requestId);
    inFlight += 1;
    res.on('close', () => {
      inFlight -= 1;
    });
    runWithRequestId(requestId, () => {
      void route(req, res).catch((err) => {
        logger.error({ err, requestId }, 'request failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error', requestId });
        else res.destroy();
      });
    });
  });

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') return sendJson(res, closing ? 503 : 200, { status: closing ? 'closing' : 'ok' });
    if (url.pathname === '/readyz') return ready(res);
    if (url.pathname === '/metrics') {
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(await metrics.registry.metrics());
      return;
    }
    if (await serveExtractionArtifact(req, res, services)) return;
    for (const handler of extraRoutes) if (await handler(req, res, services)) return;
    if (url.pathname === GRAPHQL_PATH && req.method === 'POST') {
      const multipart = (req.headers['content-type'] ?? '').startsWith('multipart/');
      const length = Number(req.headers['content-length'] ?? Number.NaN);
      const cap = multipart ? config.limits.maxUploadBytes + 1024 * 1024 : config.limits.maxRequestBytes;
      if (!multipart && Number.isNaN(length)) return sendJson(res, 411, { errors: [{ message: 'a Content-Length header is required' }] });
      if (length > cap) {
        req.resume();
        return sendJson(res, 413, { errors: [{ message: `request body is ${length} bytes; the limit is ${cap}`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
      }
    }
    await yoga(req, res, { req, res });
  }

  async function ready(res: http.ServerResponse): Promise<void> {
    const checks: Record<string, string> = {};
    try {
      await services.db.reader.$queryRawUnsafe('SELECT 1');
      checks.database = 'ok';
    } catch (err) {
      checks.database = (err as Error).message;
    }
    try {
      await services.blobs.check();
      checks.blobStore = 'ok';
    } catch (err) {
      checks.blobStore = (err as Error).message;
    }
    const ok = !closing && Object.values(checks).every((v) => v === 'ok');
    sendJson(res, ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable', checks });
  }

  // GraphQL over WebSocket on the same path, following Yoga's graphql-ws recipe. Close codes
  // are graphql-ws's own (4400 bad message, 4401 not initialised, 4408 init timeout, 4409
  // duplicate id, 4429 repeated init) plus 4403 for a bad key and 1013 for a slow consumer
  // (see src/events/). Listeners are released when an operation completes or the socket
  // closes: graphql-ws calls return() on every running subscription, and the activity feed
  // unsubscribes from the bus there.
  const wsMaskError = (err: unknown) => maskError(logger)(err, 'Unexpected error');
  const wss = new WebSocketServer({ server, path: GRAPHQL_PATH, maxPayload: config.limits.maxRequestBytes });
  const wsServer = useServer<Record<string, unknown>, { actor?: Actor | null; request: http.IncomingMessage }>(
    {
      execute: (args) => (args.rootValue as { execute: typeof import('graphql').execute }).execute(args),
      subscribe: (args) => (args.rootValue as { subscribe: typeof import('graphql').subscribe }).subscribe(args),
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const raw = (params.authorization ?? params.Authorization ?? params.apiKey) as string | undefined;
        const lease = await services.db.leaseReader(); // waits while a restore swaps the database
        const result = await resolveActor(bearerToken(raw ?? null), verifier, config).finally(() => lease.release());
        if (!result.ok || !result.actor) {
          ctx.extra.socket.close(4403, result.ok ? 'authentication required: send {authorization: "Bearer <key>"} in connection_init' : result.reason);
          return false;
        }
        ctx.extra.actor = result.actor;
        return true;
      },
      onSubscribe: async (ctx, _id, params) => {
        // Each subscription holds a bounded queue (src/events/activity-feed.ts); capping how
        // many one connection may run bounds the connection's memory as a whole.
        if (Object.keys(ctx.subscriptions).length > MAX_OPERATIONS_PER_CONNECTION) {
          return [new GraphQLError(`too many operations on one connection (limit ${MAX_OPERATIONS_PER_CONNECTION})`)];
        }
        const socket = ctx.extra.socket;
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket,
          params,
          wsActor: ctx.extra.actor ?? null,
        });
        const document = parse(params.query);
        const errors = validate(schema, document);
        if (errors.length) return errors;
        const contextValue = (await contextFactory()) as GraphQLContext & ConnectionHooks;
        const isSubscription = getOperationAST(document, params.operationName)?.operation === 'subscription';
        if (isSubscription) releaseRequestReader(contextValue);
        // A feed whose client cannot keep up closes the socket with a reason, instead of queueing forever.
        contextValue[CLOSE_CONNECTION] = (code, reason) => socket.close(code, reason.slice(0, 120));
        // Subscribers with the same document, variables and role share one execution per event.
        const key = shareKey(params.query, params.operationName, params.variables, contextValue.actor?.role ?? 'none');
        const args = {
          schema,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue,
          rootValue: {
            // Queries and mutations over the socket hold their reader lease until they finish.
            execute: async (a: ExecutionArgs) => {
              try {
                return await execute(a);
              } finally {
                releaseRequestReader(contextValue);
              }
            },
            subscribe: SHARE_SUBSCRIPTION_EXECUTION ? (a: ExecutionArgs) => subscribeShared(a, wsMaskError, key) : subscribe,
          },
        };
        return args;
      },
    },
    wss,
    12_000, // keep-alive: ping every 12 s; graphql-ws answers pongs and the ws client replies automatically
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}${GRAPHQL_PATH}`;
  logger.info({ url, database: config.databaseFile, blobs: services.blobs.kind }, 'opsgraph listening');

  async function close(): Promise<void> {
    if (closing) return;
    closing = true;
    server.close();
    await wsServer.dispose();
    const deadline = Date.now() + config.shutdownGraceMs;
    while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    server.closeAllConnections();
    await yoga.dispose();
    await opts.onClose?.();
  }

  return { url, port, services, close };
}

/** Opens the services (migrating first) and starts serving. */
export async function createServer(
  config: Config,
  options: { logger?: Logger; /** The caller applied migrations already (see src/cli/serve.ts). */ migrated?: boolean } = {},
): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const services = await openServices(config, { logger, bootstrapKeys: true, skipMigrations: options.migrated });
  // Scheduled backups (src/backup/schedule.ts) live as long as the server.
  const backups = config.backups.intervalMs ? startBackupSchedule(services, config.backups.intervalMs) : null;
  try {
    return await startServer(services, {
      onClose: async () => {
        await backups?.stop();
        await services.close();
      },
    });
  } catch (err) {
    await backups?.stop();
    await services.close();
    throw err;
  }
}
