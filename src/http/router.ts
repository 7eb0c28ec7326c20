// The gateway's HTTP routes: health, readiness and metrics; the parts' own routes (the fs
// store's signed URLs, streamed multipart uploads); then GraphQL over HTTP and SSE through Yoga.
// GraphQL requests are authenticated here, before their body is read or parsed, so a request
// without a valid key costs no parsing or validation.
import type http from 'node:http';
import type { KeyVerifier } from '../auth/api-keys.ts';
import { bearerToken, resolveActor } from '../auth/resolve-actor.ts';
import type { Services } from '../commands/command-context.ts';
import { AUTH_REQUIRED, GRAPHQL_PATH, type GraphQLServer } from '../graphql/yoga.ts';
import type { Metrics } from '../metrics.ts';
import { sendCompressible } from './compression.ts';
import { minPositionRefusal } from './read-your-writes.ts';
import { checkReadiness } from './readiness.ts';
import { BodyTooLargeError, readCappedBody, refuseAndDrain } from './request-body.ts';
import { type RouteHandler, sendGraphQLError, sendJson } from './respond.ts';

export interface RouterOptions {
  services: Services;
  yoga: GraphQLServer;
  metrics: Metrics;
  verifier: KeyVerifier;
  /** Routes other parts serve (tried in order before GraphQL). */
  routes: RouteHandler[];
  isClosing(): boolean;
}

/** GraphiQL's page is a browser navigation: it carries no key, and executes nothing. */
function isGraphiQLPage(req: http.IncomingMessage): boolean {
  return req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
}

export function createRouter(o: RouterOptions) {
  const { services, yoga, metrics, verifier } = o;
  const { config } = services;

  return async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    metrics.observeHttpResponse(url.pathname, res);
    if (url.pathname === '/healthz') return sendJson(res, o.isClosing() ? 503 : 200, { status: o.isClosing() ? 'closing' : 'ok' });
    if (url.pathname === '/readyz') {
      const { ok, checks, replica } = await checkReadiness(services, o.isClosing());
      return sendJson(res, ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable', checks, ...(replica ? { replica } : {}) });
    }
    if (url.pathname === '/metrics') {
      return sendCompressible(req, res, 200, metrics.registry.contentType, await metrics.registry.metrics());
    }

    let actor: import('../commands/command-context.ts').Actor | null | undefined;
    if (url.pathname === GRAPHQL_PATH && req.method !== 'OPTIONS' && !isGraphiQLPage(req)) {
      const result = await resolveActor(bearerToken(req.headers.authorization), verifier, config);
      if (!result.ok || !result.actor) {
        metrics.errors.inc({ code: 'UNAUTHENTICATED', transport: 'http' });
        return refuseAndDrain(req, () => sendGraphQLError(res, 401, 'UNAUTHENTICATED', result.ok ? AUTH_REQUIRED : result.reason));
      }
      actor = result.actor;
      // Read your writes (src/http/read-your-writes.ts): after authentication, so only a
      // caller with a key can make the gateway wait; before the body is read or parsed.
      const refusal = await minPositionRefusal(req, services.progress, config.readYourWrites.timeoutMs);
      if (refusal) {
        metrics.errors.inc({ code: refusal.code, transport: 'http' });
        return refuseAndDrain(req, () => refusal.send(res));
      }
    }

    for (const handler of o.routes) if (await handler(req, res, services)) return;

    if (url.pathname === GRAPHQL_PATH && req.method === 'POST') {
      const cap = config.limits.maxRequestBytes;
      const declared = req.headers['content-length'];
      if (declared !== undefined) {
        const length = Number(declared);
        if (length > cap) {
          metrics.errors.inc({ code: 'PAYLOAD_TOO_LARGE', transport: 'http' });
          return refuseAndDrain(req, () => sendGraphQLError(res, 413, 'PAYLOAD_TOO_LARGE', `request body is ${length} bytes; the limit is ${cap} bytes`));
        }
      } else {
        // Chunked: read it here under the cap; Yoga takes an already-read body as is.
        try {
          (req as http.IncomingMessage & { body?: Buffer }).body = await readCappedBody(req, cap);
        } catch (err) {
          if (!(err instanceof BodyTooLargeError)) throw err;
          metrics.errors.inc({ code: 'PAYLOAD_TOO_LARGE', transport: 'http' });
          return refuseAndDrain(req, () => sendGraphQLError(res, 413, 'PAYLOAD_TOO_LARGE', `request body exceeds the limit of ${cap} bytes`));
        }
      }
    }
    await yoga(req, res, { req, res, actor });
  };
}
