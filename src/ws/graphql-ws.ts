// GraphQL over WebSocket (graphql-ws) on the GraphQL path, following Yoga's graphql-ws recipe.
// Close codes are graphql-ws's own (4400 bad message, 4401 not initialised, 4408 init timeout,
// 4409 duplicate id, 4429 repeated init) plus 4403 for a bad key and 1013 for a slow consumer
// (see src/events/). Listeners are released when an operation completes or the socket
// closes: graphql-ws calls return() on every running subscription, and the activity feed
// unsubscribes from the bus there.
import type http from 'node:http';
import { type ExecutionArgs, getOperationAST, GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { KeyVerifier } from '../auth/api-keys.ts';
import { bearerToken, resolveActor } from '../auth/resolve-actor.ts';
import type { Actor, Services } from '../commands/command-context.ts';
import { ReplicaBehindError } from '../db/commit-position.ts';
import { releaseRequestReader } from '../db/database.ts';
import { CLOSE_CONNECTION, type ConnectionHooks } from '../events/connection-hooks.ts';
import { shareKey, subscribeShared } from '../events/shared-execution.ts';
import type { GraphQLContext } from '../graphql/context.ts';
import { maskError } from '../graphql/plugins/error-masking.ts';
import { GRAPHQL_PATH, type GraphQLServer } from '../graphql/yoga.ts';
import type { Metrics } from '../metrics.ts';
import { trustedDocumentsOf, resolveWebSocketDocument } from '../graphql/plugins/persisted-documents.ts';
import { parseMinPositionExtension } from '../http/read-your-writes.ts';
import { newRequestId, runWithRequestId } from '../request-context.ts';
import { KeyedConnections } from './connections.ts';
import { sendSharedFrames, sharedNextPayload } from './shared-frames.ts';
import { observeWebSocket } from './ws-metrics.ts';

/** Operations (mostly subscriptions) one WebSocket connection may run at once. */
const MAX_OPERATIONS_PER_CONNECTION = 50;
/** OPSGRAPH_SHARED_EXECUTION=0 turns per-event result sharing off (benchmark comparison). */
const SHARE_SUBSCRIPTION_EXECUTION = process.env.OPSGRAPH_SHARED_EXECUTION !== '0';
/** Keep-alive: ping every 12 s; graphql-ws answers pongs and the ws client replies automatically. */
const KEEP_ALIVE_MS = 12_000;

export interface GraphQLWebSocket {
  dispose(): void | Promise<void>;
}

export function attachGraphQLWebSocket(server: http.Server, yoga: GraphQLServer, services: Services, verifier: KeyVerifier, metrics: Metrics): GraphQLWebSocket {
  const { config, logger } = services;
  const wsMaskError = (err: unknown) => maskError(logger)(err, 'Unexpected error');
  const wss = new WebSocketServer({ server, path: GRAPHQL_PATH, maxPayload: config.limits.maxRequestBytes });
  const connections = new KeyedConnections(services.db, logger); // closes a revoked key's sockets (4403)
  const trusted = trustedDocumentsOf(config);
  // Each event's payload serialized once for all subscribers sharing its execution (src/ws/shared-frames.ts).
  if (SHARE_SUBSCRIPTION_EXECUTION) wss.on('connection', sendSharedFrames);
  const observed = observeWebSocket(wss, metrics);
  const wsServer = useServer<Record<string, unknown>, { actor?: Actor | null; request: http.IncomingMessage }>(
    {
      ...observed,
      onNext: (ctx, id, payload, args, result) => {
        observed.onNext?.(ctx, id, payload, args, result);
        return SHARE_SUBSCRIPTION_EXECUTION ? (sharedNextPayload(ctx.extra.socket, id, result) as never) : undefined;
      },
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
        if (result.actor.keyId) connections.add(result.actor.keyId, ctx.extra.socket);
        return true;
      },
      onSubscribe: async (ctx, id, params) => {
        // Each subscription holds a bounded queue (src/events/activity-feed.ts); capping how
        // many one connection may run bounds the connection's memory as a whole.
        if (Object.keys(ctx.subscriptions).length > MAX_OPERATIONS_PER_CONNECTION) {
          return [new GraphQLError(`too many operations on one connection (limit ${MAX_OPERATIONS_PER_CONNECTION})`)];
        }
        // Every operation gets its own request id: it is in the operation's log line and in
        // the message of any masked error it produces.
        const requestId = newRequestId();
        const socket = ctx.extra.socket;
        // Trusted documents (src/graphql/plugins/persisted-documents.ts): from here on `query` is the document's text.
        const resolved = resolveWebSocketDocument(trusted, config.persistedDocuments.only, params, ctx.extra.actor);
        if ('error' in resolved) return [resolved.error];
        params = { ...params, query: resolved.query };
        // Read your writes (src/http/read-your-writes.ts): the operation runs once local reads
        // have reached extensions.minPosition, or fails alone with REPLICA_BEHIND.
        const refused = await awaitMinPosition(params.extensions?.minPosition, services.progress, config.readYourWrites.timeoutMs);
        if (refused) {
          metrics.errors.inc({ code: String(refused.extensions.code), transport: 'ws' });
          return [refused];
        }
        return runWithRequestId(requestId, async () => {
          const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
            ...ctx,
            req: ctx.extra.request,
            socket,
            params,
            actor: ctx.extra.actor ?? null,
            requestId,
          });
          // A refused document or variables (limits, syntax) fail this operation alone:
          // anything thrown out of onSubscribe would close the whole socket with 4500.
          let document: ReturnType<typeof parse>;
          try {
            document = parse(params.query);
          } catch (err) {
            return [err instanceof Error && err.name === 'GraphQLError' ? (err as GraphQLError) : (wsMaskError(err) as GraphQLError)];
          }
          const errors = validate(schema, document);
          if (errors.length) return errors;
          const contextValue = (await contextFactory()) as GraphQLContext & ConnectionHooks;
          const operation = getOperationAST(document, params.operationName);
          const isSubscription = operation?.operation === 'subscription';
          if (isSubscription) {
            releaseRequestReader(contextValue);
            logger.info({ requestId, op: operation?.name?.value ?? 'anonymous', type: 'subscription', wsId: id, actor: contextValue.actor?.label }, 'graphql-ws subscribe');
          }
          // A feed whose client cannot keep up closes the socket with a reason, instead of queueing forever.
          contextValue[CLOSE_CONNECTION] = (code, reason) => socket.close(code, reason.slice(0, 120));
          // Subscribers with the same document, variables and role share one execution per event.
          const key = shareKey(params.query, params.operationName, params.variables, contextValue.actor?.role ?? 'none');
          return {
            schema,
            operationName: params.operationName,
            document,
            variableValues: params.variables,
            contextValue,
            rootValue: {
              // Queries and mutations over the socket hold their reader lease until they finish.
              execute: (a: ExecutionArgs) =>
                runWithRequestId(requestId, async () => {
                  try {
                    return await execute(a);
                  } finally {
                    releaseRequestReader(contextValue);
                  }
                }),
              subscribe: SHARE_SUBSCRIPTION_EXECUTION
                ? (a: ExecutionArgs) => runWithRequestId(requestId, () => subscribeShared(a, wsMaskError, key))
                : (a: ExecutionArgs) => runWithRequestId(requestId, () => subscribe(a)),
            },
          };
        });
      },
    },
    wss,
    KEEP_ALIVE_MS,
  );
  return {
    dispose: async () => {
      connections.close();
      await wsServer.dispose();
    },
  };
}

/** null once reads have reached the operation's minPosition (or it asks for none); else its error. */
async function awaitMinPosition(value: unknown, progress: Services['progress'], timeoutMs: number): Promise<GraphQLError | null> {
  const parsed = parseMinPositionExtension(value);
  if (!parsed.ok) return new GraphQLError(parsed.message, { extensions: { code: 'BAD_USER_INPUT' } });
  if (parsed.position === null) return null;
  try {
    await progress.waitFor(parsed.position, timeoutMs);
    return null;
  } catch (err) {
    if (!(err instanceof ReplicaBehindError)) throw err;
    return new GraphQLError(err.message, { extensions: { code: err.code, position: err.position, applied: err.applied, timeoutMs: err.timeoutMs } });
  }
}
