// `opsgraph cache clean --older-than 7d`: drops local download-cache entries not used lately.
import type { Command } from 'commander';
import { loadConfig, parseDuration } from '../config.ts';
import { cleanCache } from '../storage/download-cache.ts';

export function registerCacheCommands(program: Command): void {
  const cache = program.command('cache').description('The local download cache (CACHE_DIR, default DATA_DIR/cache).');
  cache
    .command('clean')
    .description('Delete cached files not used for the given time.')
    .option('--older-than <duration>', 'e.g. 7d, 12h', '7d')
    .action(async (opts: { olderThan: string }) => {
      const config = loadConfig();
      const { files, bytes } = await cleanCache(config.cacheDir, parseDuration(opts.olderThan));
      console.log(`removed ${files} file(s), ${bytes} bytes from ${config.cacheDir}`);
    });
}
