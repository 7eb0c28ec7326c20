// What a one-shot CLI command runs with: the services from the environment (migrated,
// like the server's) and an admin actor named after the OS user, closed when done.
// Modules load here, not at the top of the command files, so `opsgraph --help` stays fast.
import os from 'node:os';
import type { CommandContext } from '../commands/command-context.ts';

export async function withCliContext<T>(fn: (ctx: CommandContext) => Promise<T>): Promise<T> {
  const { loadConfig } = await import('../config.ts');
  const { createLogger } = await import('../logger.ts');
  const { openServices } = await import('../services.ts');
  const services = await openServices(loadConfig(), { logger: createLogger('warn') });
  try {
    return await fn({ services, actor: { label: `cli:${os.userInfo().username}`, role: 'admin' } });
  } finally {
    await services.close();
  }
}
