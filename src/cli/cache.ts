// `opsgraph cache clean --older-than 7d`: drops local download-cache entries not used lately.
// Modules load inside the action so `opsgraph --help` (which registers every command) stays fast.
import type { Command } from 'commander';

export function registerCacheCommands(program: Command): void {
  const cache = program.command('cache').description('The local download cache (CACHE_DIR, default DATA_DIR/cache).');
  cache
    .command('clean')
    .description('Delete cached files not used for the given time.')
    .option('--older-than <duration>', 'e.g. 7d, 12h', '7d')
    .action(async (opts: { olderThan: string }) => {
      const { loadConfig, parseDuration } = await import('../config.ts');
      const { cleanCache } = await import('../storage/download-cache.ts');
      const config = loadConfig();
      const { files, bytes } = await cleanCache(config.cacheDir, parseDuration(opts.olderThan));
      console.log(`removed ${files} file(s), ${bytes} bytes from ${config.cacheDir}`);
    });
}
