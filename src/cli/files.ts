// `opsgraph files reconcile [--fix]` and `opsgraph files get ID [--out PATH]`.
// Modules load inside the actions so `opsgraph --help` stays fast.
import fsp from 'node:fs/promises';
import os from 'node:os';
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../commands/command-context.ts';
import type { openServices } from '../services.ts';

async function withServices<T>(fn: (s: Awaited<ReturnType<typeof openServices>>) => Promise<T>): Promise<T> {
  const { loadConfig } = await import('../config.ts');
  const { createLogger } = await import('../logger.ts');
  const { openServices } = await import('../services.ts');
  const services = await openServices(loadConfig(), { logger: createLogger('warn') });
  try {
    return await fn(services);
  } finally {
    await services.close();
  }
}

/** Accepts a raw id or a global id ("StoredFile:<id>" base64url). */
function rawFileId(id: string): string {
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  return decoded.startsWith('StoredFile:') ? decoded.slice('StoredFile:'.length) : id;
}

export function registerFileCommands(program: Command): void {
  const files = program.command('files').description('Stored files: consistency between the database and the blob store, downloads.');
  files
    .command('reconcile')
    .description('Report rows without objects and objects without rows; --fix marks such rows deleted and removes such objects.')
    .option('--fix', 'repair what is found')
    .option('--min-age <duration>', 'leave objects younger than this alone (uploads in flight)', '1h')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { fix?: boolean; minAge: string; json?: boolean }) => {
      const { parseDuration } = await import('../config.ts');
      const { reconcileFiles } = await import('../commands/files/reconcile-files.ts');
      await withServices(async (services) => {
        const actor = { ...SYSTEM_ACTOR, label: `cli:${os.userInfo().username}` };
        const report = await reconcileFiles({ services, actor }, { fix: opts.fix, minAgeMs: parseDuration(opts.minAge) });
        if (opts.json) return console.log(JSON.stringify(report, null, 2));
        const verb = report.fixed ? 'fixed' : 'found';
        console.log(`${verb} ${report.rowsWithoutObjects.length} row(s) without an object${report.fixed ? ' (marked DELETED)' : ''}`);
        for (const r of report.rowsWithoutObjects) console.log(`  row ${r.id} (${r.status}) → ${r.key}`);
        console.log(`${verb} ${report.objectsWithoutRows.length} object(s) without a row${report.fixed ? ' (deleted)' : ''}`);
        for (const o of report.objectsWithoutRows) console.log(`  ${o.key} (${o.size} bytes)`);
        if (!report.fixed && (report.rowsWithoutObjects.length || report.objectsWithoutRows.length)) process.exitCode = 1;
      });
    });
  files
    .command('get')
    .description('Download a file through the local cache (CACHE_DIR), verifying its SHA-256; prints the path.')
    .argument('<id>', 'StoredFile id (global or raw)')
    .option('-o, --out <path>', 'also copy it here')
    .action(async (id: string, opts: { out?: string }) => {
      await withServices(async (services) => {
        const file = await services.db.reader.storedFile.findUnique({ where: { id: rawFileId(id) } });
        if (!file || file.status !== 'AVAILABLE' || !file.checksumSha256) {
          console.error(`no AVAILABLE file with id ${id}`);
          process.exitCode = 1;
          return;
        }
        const { fetchThroughCache } = await import('../storage/download-cache.ts');
        const cached = await fetchThroughCache(services.blobs, services.config.cacheDir, { key: file.key, checksumSha256: file.checksumSha256 });
        if (opts.out) await fsp.copyFile(cached.path, opts.out);
        console.error(`${cached.hit ? 'cache hit' : 'downloaded'}: ${file.filename} (${file.size} bytes, sha256 ${file.checksumSha256} verified)`);
        console.log(opts.out ?? cached.path);
      });
    });
}
