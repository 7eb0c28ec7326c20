// The GraphQL engine: Yoga with its plugins and the per-request context. Transport-agnostic:
// the HTTP router (src/http/router.ts) and the WebSocket server (src/ws/graphql-ws.ts) both
// run operations through the instance built here, so limits, masking and logging are the same.
import type http from 'node:http';
import { getOperationAST, GraphQLError } from 'graphql';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { KeyVerifier } from '../auth/api-keys.ts';
import { bearerToken, resolveActor } from '../auth/resolve-actor.ts';
import type { Actor, Services } from '../commands/command-context.ts';
import { READER_LEASE, releaseRequestReader } from '../db/database.ts';
import type { Metrics } from '../metrics.ts';
import { currentRequestId, newRequestId } from '../request-context.ts';
import { schemaLimits } from './builder.ts';
import type { GraphQLContext } from './context.ts';
import { useResponseCompression } from '../http/compression.ts';
import { useGraphiQLCache } from '../http/graphiql-cache.ts';
import { COMMIT_POSITION_HEADER } from '../http/read-your-writes.ts';
import { useCommitPosition } from './plugins/commit-position.ts';
import { useComplexityLimit } from './plugins/complexity-limit.ts';
import { useDocumentLimits } from './plugins/document-limits.ts';
import { useInputLimits } from './plugins/input-limits.ts';
import { jitCanEmbedLiterals } from './plugins/jit-literals.ts';
import { maskError } from './plugins/error-masking.ts';
import { useOperationLog } from './plugins/operation-log.ts';
import { usePageSizeLimit } from './plugins/page-size-limit.ts';
import { trustedDocumentsOf, usePersistedDocuments } from './plugins/persisted-documents.ts';
import { useRequestMetrics } from './plugins/request-metrics.ts';
import { useSqlCounter } from './plugins/sql-counter.ts';
import { buildSchema } from './schema.ts';

export const GRAPHQL_PATH = '/graphql';

/** What a transport hands Yoga for one request. */
export interface ServerContext {
  req: http.IncomingMessage;
  res?: http.ServerResponse;
  /**
   * Who is asking, when the transport authenticated before parsing (HTTP requests in the
   * router, graphql-ws at connection_init). undefined: authenticate here, from the header.
   */
  actor?: Actor | null;
  /** The id of this request (HTTP: the x-request-id header; WebSocket: one per operation). */
  requestId?: string;
}

export type GraphQLServer = YogaServerInstance<ServerContext, GraphQLContext>;

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export const AUTH_REQUIRED = 'authentication required: send "Authorization: Bearer <api key>"';

export function createGraphQL(services: Services, metrics: Metrics, verifier: KeyVerifier): GraphQLServer {
  const { config, logger } = services;
  const schema = buildSchema(config.limits);
  const trusted = trustedDocumentsOf(config);
  if (trusted) metrics.operationNames.know(trusted.operationNames);
  return createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    landingPage: false,
    // GraphiQL's assets are bundled (no CDN): the gateway runs on air-gapped networks. Loaded
    // on the first GraphiQL page, not at start (~0.1 s of the start-up).
    renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    logging: false,
    batching: false,
    // The router (src/http/router.ts) already caps every body while reading it, and
    // multipart uploads are streamed with their own cap; Yoga's second check wraps every
    // body in a counting stream and an AbortSignal, ~6 % of a small request's CPU.
    maxRequestBodySize: false,
    // Browsers may read the commit position a mutation answers with (read your writes).
    cors: config.corsOrigins.length
      ? { origin: config.corsOrigins, credentials: false, methods: ['GET', 'POST'], exposedHeaders: [COMMIT_POSITION_HEADER] }
      : false,
    graphiql: {
      title: 'opsgraph',
      headers: JSON.stringify({ Authorization: 'Bearer <paste your API key; first start writes one to DATA_DIR/admin-key.txt>' }),
      defaultQuery: 'query Me {\n  viewer { name role }\n  useCaseStateMachine { states }\n}\n',
    },
    maskedErrors: { maskError: maskError(logger) },
    plugins: [
      useCompiledExecution(),
      useInputLimits(config.limits),
      useDocumentLimits(config.limits),
      useComplexityLimit(schemaLimits),
      useSqlCounter(config.debugSql),
      useCommitPosition(services.progress, config.readYourWrites.timeoutMs, logger),
      usePageSizeLimit(config.limits.maxPageSize),
      useOperationLog(logger, metrics),
      useReaderLeaseRelease(),
      ...(trusted ? [usePersistedDocuments(trusted, config.persistedDocuments.only)] : []),
      useRequestMetrics(metrics),
      useGraphiQLCache(),
      useResponseCompression(),
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
        if (initial.actor !== undefined) {
          actor = initial.actor;
        } else {
          const result = await resolveActor(bearerToken(initial.request.headers.get('authorization')), verifier, config);
          if (!result.ok) throw unauthenticated(result.reason);
          actor = result.actor;
        }
        if (!actor) throw unauthenticated(AUTH_REQUIRED);
      } catch (err) {
        lease.release();
        throw err;
      }
      return {
        requestId: initial.requestId ?? currentRequestId() ?? newRequestId(),
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
  return useGraphQlJit(
    {},
    {
      enableIf: (args) =>
        getOperationAST(args.document, args.operationName)?.operation !== 'subscription' && jitCanEmbedLiterals(args.schema, args.document),
    },
  );
}

/** Subscriptions outlive any restore: they drop the request's reader lease when they start. */
function useReaderLeaseRelease(): Plugin<GraphQLContext> {
  return {
    onSubscribe({ args }) {
      releaseRequestReader(args.contextValue);
    },
  };
}
