// Restoring a backup into the running server: download, verify, check, migrate, keep a
// pre-restore backup, then swap the live database (src/db/database.ts replaceFile). Every
// check happens on a private copy first, so a corrupt, truncated or too-new backup is
// refused with a clear error and the live database is never touched.
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import BetterSqlite3 from 'better-sqlite3';
import { bootstrapKeys } from '../auth/api-keys.ts';
import type { BackupServices } from './services.ts';
import { applyMigrations, migrationStatus } from '../db/migrate.ts';
import { BackupError } from './errors.ts';
import { gunzipFile, scratchDir, sha256File } from './files.ts';
import { type BackupResult, takeBackup } from './snapshot.ts';
import { inspectDatabase } from './sqlite-worker.ts';
import { type BackupInfo, describeBackup, latestBackup } from './store.ts';

export interface RestoreResult {
  backup: BackupInfo;
  dryRun: boolean;
  /** Migrations applied to the restored copy (it was older than the code). */
  migrationsApplied: string[];
  /** The backup of the database as it was just before the swap (null on a dry run). */
  preRestoreBackup: BackupResult | null;
}

/**
 * Activity cursors must keep growing across a restore: subscribers (and clients holding a
 * cursor) have seen seqs up to the old database's last one, and a restored database would
 * hand out those numbers again — the feed would take new entries for ones already
 * delivered. So the restored database continues numbering after the old one's highest seq.
 * Runs while no connection is open (src/db/database.ts replaceFile), so nothing commits in between.
 */
function carryActivitySequence(oldFile: string, newFile: string): void {
  const old = new BetterSqlite3(oldFile, { readonly: true, fileMustExist: true });
  let top: number;
  try {
    const row = old.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'ActivityLogEntry'").get() as { seq: number } | undefined;
    top = row?.seq ?? 0;
  } finally {
    old.close();
  }
  const db = new BetterSqlite3(newFile, { fileMustExist: true });
  try {
    const current = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'ActivityLogEntry'").get() as { seq: number } | undefined;
    if (!current) db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('ActivityLogEntry', ?)").run(top);
    else if (current.seq < top) db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'ActivityLogEntry'").run(top);
  } finally {
    db.close();
  }
}

/** `key` is an object key or "latest". */
export async function restoreBackup(
  services: BackupServices,
  options: { key: string; dryRun?: boolean; beforeSwap?: () => void },
): Promise<RestoreResult> {
  const { db, blobs, logger } = services;
  const backup = options.key === 'latest' ? await latestBackup(blobs) : await describeBackup(blobs, options.key);
  if (!backup) {
    throw new BackupError('BACKUP_NOT_FOUND', options.key === 'latest' ? 'there is no backup in the store' : `no backup at ${options.key}`);
  }
  const scratch = scratchDir(db.file, 'restore');
  try {
    const gz = path.join(scratch.dir, 'backup.db.gz');
    await pipeline(await blobs.get(backup.key), fs.createWriteStream(gz));
    const actual = await sha256File(gz);
    if (!backup.checksumSha256) throw new BackupError('BACKUP_CORRUPT', `refused ${backup.key}: it has no recorded SHA-256 to verify against`);
    if (actual !== backup.checksumSha256) {
      throw new BackupError('BACKUP_CORRUPT', `refused ${backup.key}: SHA-256 is ${actual} but the backup recorded ${backup.checksumSha256} (corrupt or truncated); the live database is unchanged`);
    }
    const file = path.join(scratch.dir, 'restored.db');
    await gunzipFile(gz, file).catch((err: Error) => {
      throw new BackupError('BACKUP_CORRUPT', `refused ${backup.key}: it does not decompress: ${err.message}`, { cause: err });
    });
    const facts = await inspectDatabase(file).catch((err: Error) => {
      throw new BackupError('BACKUP_CORRUPT', `refused ${backup.key}: not a readable SQLite database: ${err.message}`, { cause: err });
    });
    if (facts.integrity !== 'ok') throw new BackupError('BACKUP_CORRUPT', `refused ${backup.key}: integrity_check failed: ${facts.integrity}`);

    // Schema version: the backup's latest migration must be one this build knows. (The
    // status of a database that does not exist lists every local migration as pending.)
    const status = migrationStatus(file);
    const known = migrationStatus(path.join(scratch.dir, 'no-such.db')).pending;
    if (facts.schemaVersion && !known.includes(facts.schemaVersion)) {
      throw new BackupError(
        'BACKUP_TOO_NEW',
        `refused ${backup.key}: its schema (${facts.schemaVersion}) is newer than this build knows (latest ${known.at(-1) ?? 'none'}); run a newer opsgraph to restore it`,
      );
    }
    let migrationsApplied: string[] = [];
    if (!options.dryRun && status.pending.length) {
      migrationsApplied = (await applyMigrations(file, { log: (msg) => logger.info(msg) })).applied;
    }
    if (options.dryRun) return { backup, dryRun: true, migrationsApplied: status.pending, preRestoreBackup: null };

    const preRestoreBackup = await takeBackup(services, { label: `pre-restore (before restoring ${path.basename(backup.key)})` });
    options.beforeSwap?.();
    await db.replaceFile(file, { beforeRename: carryActivitySequence }).catch((err: Error) => {
      throw new BackupError('RESTORE_FAILED', `restore of ${backup.key} not applied: ${err.message}`, { cause: err });
    });
    // API keys live in the database: a backup from before the operator's key would lock
    // everyone out. Register OPSGRAPH_BOOTSTRAP_ADMIN_KEY again (or, with no key left at all,
    // write a fresh admin key file), as a start would.
    await bootstrapKeys(db, { dataDir: services.config.dataDir, bootstrapKey: services.config.auth.bootstrapAdminKey, logger });
    logger.warn({ backupKey: backup.key, preRestore: preRestoreBackup.key, migrationsApplied }, 'database restored from backup');
    return { backup, dryRun: false, migrationsApplied, preRestoreBackup };
  } finally {
    scratch.remove();
  }
}
