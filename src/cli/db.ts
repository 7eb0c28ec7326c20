// `opsgraph db info|vacuum` — what the SQLite file looks like, and reclaiming its space.
// Config, logger and services load inside the actions so `opsgraph --help` stays fast.
import fs from 'node:fs';
import type { Command } from 'commander';
import type { Database } from '../db/database.ts';
import { FTS_OPTIMIZE_SQL } from '../db/fts.ts';

export interface DatabaseInfo {
  file: string;
  sizeBytes: number;
  walBytes: number;
  pageSize: number;
  pageCount: number;
  freePages: number;
  rows: Record<string, number>;
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

export async function databaseInfo(db: Database): Promise<DatabaseInfo> {
  const pragma = async (name: string) => Number((await db.reader.$queryRawUnsafe<Array<Record<string, bigint>>>(`PRAGMA ${name}`))[0]?.[name] ?? 0);
  const tables = await db.reader.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  );
  const rows: Record<string, number> = {};
  for (const { name } of tables) {
    // Table names come from sqlite_master, never from input; quoted as identifiers anyway.
    const [r] = await db.reader.$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT COUNT(*) AS n FROM "${name.replaceAll('"', '""')}"`);
    rows[name] = Number(r?.n ?? 0);
  }
  return {
    file: db.file,
    sizeBytes: fileSize(db.file),
    walBytes: fileSize(`${db.file}-wal`),
    pageSize: await pragma('page_size'),
    pageCount: await pragma('page_count'),
    freePages: await pragma('freelist_count'),
    rows,
  };
}

/** Merges the FTS index, rebuilds the file without free pages, and empties the WAL. */
export async function vacuumDatabase(db: Database): Promise<void> {
  await db.maintenance(async (writer) => {
    await writer.$executeRawUnsafe(FTS_OPTIMIZE_SQL);
    await writer.$executeRawUnsafe('VACUUM');
    await writer.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
  });
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MiB`;

function printInfo(info: DatabaseInfo): void {
  console.log(`file        ${info.file}`);
  console.log(`size        ${mb(info.sizeBytes)} (${info.sizeBytes} bytes)`);
  console.log(`wal         ${mb(info.walBytes)} (${info.walBytes} bytes)`);
  console.log(`pages       ${info.pageCount} × ${info.pageSize} bytes, ${info.freePages} free`);
  console.log('rows');
  const width = Math.max(...Object.keys(info.rows).map((k) => k.length));
  for (const [table, n] of Object.entries(info.rows)) console.log(`  ${table.padEnd(width)}  ${n}`);
}

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('The SQLite database file.');
  const open = async () => {
    const { loadConfig } = await import('../config.ts');
    const { createLogger } = await import('../logger.ts');
    const { openServices } = await import('../services.ts');
    const config = loadConfig();
    // PostgreSQL has its own tools for this (psql \dt+, VACUUM, pg_stat_user_tables).
    if (config.postgresUrl) throw new Error('opsgraph db info|vacuum look after the SQLite file; this DATABASE_URL is PostgreSQL: use its own tools (psql, VACUUM)');
    return openServices(config, { logger: createLogger('warn') });
  };

  db.command('info')
    .description('Size, page count, free pages, rows per table, WAL size.')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const services = await open();
      try {
        const info = await databaseInfo(services.db);
        if (opts.json) console.log(JSON.stringify(info, null, 2));
        else printInfo(info);
      } finally {
        await services.close();
      }
    });

  db.command('vacuum')
    .description('Optimize the search index, VACUUM, and truncate the WAL (waits for running writes).')
    .action(async () => {
      const services = await open();
      try {
        const before = await databaseInfo(services.db);
        await vacuumDatabase(services.db);
        const after = await databaseInfo(services.db);
        console.log(`vacuumed ${after.file}: ${mb(before.sizeBytes + before.walBytes)} → ${mb(after.sizeBytes + after.walBytes)} (free pages ${before.freePages} → ${after.freePages})`);
      } finally {
        await services.close();
      }
    });
}
