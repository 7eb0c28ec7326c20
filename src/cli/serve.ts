import type { Command } from 'commander';

// Heavy modules (Prisma, Yoga, the schema) load inside actions so `--help` stays instant.

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Apply pending migrations, then serve GraphQL (HTTP, SSE, WebSocket) with GraphiQL at /graphql.')
    .option('-p, --port <port>', 'port to listen on (env PORT, default 4000)')
    .option('-H, --host <host>', 'address to bind (env HOST, default 127.0.0.1)')
    .action(async (opts: { port?: string; host?: string }) => {
      const { loadConfig } = await import('../config.ts');
      const { createLogger } = await import('../logger.ts');
      const env = { ...process.env, ...(opts.port ? { PORT: opts.port } : {}), ...(opts.host ? { HOST: opts.host } : {}) };
      const config = loadConfig(env);
      const logger = createLogger(config.logLevel);
      // Migrations (the schema engine compiles in a worker thread) run while this thread
      // loads the server's modules: on a first start that overlap is a few hundred ms.
      const migrated = import('../db/migrate-write-store.ts').then(async ({ migrateWriteStore }) => {
        const { applied } = await migrateWriteStore(config, (msg) => logger.info(msg));
        if (applied.length) logger.info({ applied }, 'applied database migrations');
      });
      const [{ createServer }] = await Promise.all([import('../server.ts'), migrated]);
      const server = await createServer(config, { logger, migrated: true });
      console.error(`opsgraph ready: GraphiQL at ${server.url}`);
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, 'shutting down: finishing in-flight requests and writes');
        server.close().then(
          () => process.exit(0),
          (err) => {
            logger.error({ err }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.on('SIGTERM', () => stop('SIGTERM'));
      process.on('SIGINT', () => stop('SIGINT'));
    });
}
