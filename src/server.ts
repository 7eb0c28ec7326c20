// createServer(config) → { url, close }: one node:http server carrying GraphQL over HTTP and
// SSE (src/http/router.ts → Yoga, src/graphql/yoga.ts), GraphQL over WebSocket on the same path
// (src/ws/graphql-ws.ts), health and metrics.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { KeyVerifier } from './auth/api-keys.ts';
import { startBackupSchedule } from './commands/backups/schedule.ts';
import { startUploadSweeper } from './commands/files/upload-sweeper.ts';
import type { Services } from './commands/command-context.ts';
import { type Config, describeDatabase } from './config.ts';
import { createGraphQL, GRAPHQL_PATH } from './graphql/yoga.ts';
import { sendJson } from './http/respond.ts';
import { createRouter } from './http/router.ts';
import { createLogger, type Logger } from './logger.ts';
import { createMetrics } from './metrics.ts';
import { newRequestId, runWithRequestId } from './request-context.ts';
import { startDispatcher } from './notifications/dispatcher.ts';
import { openServices } from './services.ts';
import { FsBlobStore } from './storage/fs-blob-store.ts';
import { storageRoutes } from './storage/storage-routes.ts';
import { serveExtractionArtifact } from './http/extraction-artifacts.ts';
import { attachGraphQLWebSocket } from './ws/graphql-ws.ts';

export { GRAPHQL_PATH };

export interface RunningServer {
  url: string;
  port: number;
  services: Services;
  close(): Promise<void>;
}

/** A client-supplied x-request-id is kept (bounded) so a caller can join its own logs with ours. */
function requestIdOf(req: http.IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return (typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : undefined) ?? newRequestId();
}

export async function startServer(services: Services, opts: { onClose?: () => Promise<void> } = {}): Promise<RunningServer> {
  const { config, logger } = services;
  const metrics = createMetrics({ blobs: services.blobs, logger, replica: services.replica });
  const verifier = new KeyVerifier(services.db);
  services.db.onReplaced(() => verifier.clear()); // a restore brings back other keys
  const yoga = createGraphQL(services, metrics, verifier);
  let inFlight = 0;
  let closing = false;
  const route = createRouter({ services, yoga, metrics, verifier, routes: [...storageRoutes, serveExtractionArtifact], isClosing: () => closing });

  const server = http.createServer((req, res) => {
    const requestId = requestIdOf(req);
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
  const ws = attachGraphQLWebSocket(server, yoga, services, verifier, metrics);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}${GRAPHQL_PATH}`;
  // Signed fs-store URLs point at the address this server really listens on (PORT=0 included),
  // unless PUBLIC_URL says otherwise.
  if (services.blobs instanceof FsBlobStore && !services.blobs.origin) services.blobs.origin = new URL(url).origin;
  logger.info({ url, database: describeDatabase(config), blobs: services.blobs.kind }, 'opsgraph listening');

  async function close(): Promise<void> {
    if (closing) return;
    closing = true;
    server.close();
    await ws.dispose();
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
  const services = await openServices(config, { logger, bootstrapKeys: true, replica: true, skipMigrations: options.migrated });
  // Scheduled backups (src/commands/backups/schedule.ts) live as long as the server.
  // Not on PostgreSQL: its backups are PostgreSQL's (backupDatabase says so).
  const backups = config.backups.intervalMs && !config.postgresUrl ? startBackupSchedule(services, config.backups.intervalMs) : null;
  // Presigned uploads never completed expire with their URL (src/commands/files/expire-uploads.ts).
  const uploads = startUploadSweeper(services);
  // The outbox dispatcher (src/notifications/dispatcher.ts) stops before the database closes.
  let dispatcher: Awaited<ReturnType<typeof startDispatcher>> = null;
  try {
    dispatcher = startDispatcher(services);
    return await startServer(services, {
      onClose: async () => {
        await dispatcher?.stop();
        await backups?.stop();
        await uploads.stop();
        await services.close();
      },
    });
  } catch (err) {
    await dispatcher?.stop();
    await backups?.stop();
    await uploads.stop();
    await services.close();
    throw err;
  }
}
