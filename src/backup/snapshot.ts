// Taking a backup (seed 000, done better): a consistent online snapshot taken while writes
// continue, checked, compressed, checksummed, and uploaded with its facts as metadata. A
// snapshot that fails a check is never uploaded, and the error says which check failed.
import fs from 'node:fs';
import path from 'node:path';
import type { BackupServices } from './services.ts';
import { BackupError } from './errors.ts';
import { gzipFile, scratchDir, sha256File } from './files.ts';
import { snapshotDatabase } from './sqlite-worker.ts';
import { type BackupInfo, backupKey, listBackupKeys, manifestKey, toMetadata, wellFormed } from './store.ts';

export interface BackupResult extends BackupInfo {
  /** Highest activity seq inside the snapshot (how far it reaches). */
  lastActivitySeq: number | null;
  /** Keys removed by retention (BACKUP_KEEP) after this backup. */
  pruned: string[];
}

// One backup at a time per database: two VACUUM INTOs would only compete for the disk.
const running = new WeakMap<object, Promise<unknown>>();
function oneAtATime<T>(owner: object, fn: () => Promise<T>): Promise<T> {
  const previous = running.get(owner) ?? Promise.resolve();
  const next = previous.then(fn, fn);
  running.set(owner, next.catch(() => undefined));
  return next;
}

export function takeBackup(services: BackupServices, options: { label?: string | null } = {}): Promise<BackupResult> {
  return oneAtATime(services.db, () => takeBackupNow(services, options));
}

async function takeBackupNow(services: BackupServices, options: { label?: string | null }): Promise<BackupResult> {
  const { db, blobs, config, logger } = services;
  const started = Date.now();
  const scratch = scratchDir(db.file, 'backup');
  try {
    const copy = path.join(scratch.dir, 'snapshot.db');
    const facts = await snapshotDatabase(db.file, copy).catch((err: Error) => {
      throw new BackupError('BACKUP_FAILED', `backup failed: could not snapshot the database: ${err.message}`, { cause: err });
    });
    if (facts.integrity !== 'ok') {
      throw new BackupError('BACKUP_FAILED', `backup not uploaded: integrity_check of the snapshot failed: ${facts.integrity}`);
    }
    const gz = `${copy}.gz`;
    await gzipFile(copy, gz);
    const checksumSha256 = await sha256File(gz);
    const createdAt = new Date();
    const key = backupKey(createdAt);
    const info = {
      checksumSha256,
      databaseBytes: fs.statSync(copy).size,
      schemaVersion: facts.schemaVersion,
      sqliteVersion: facts.sqliteVersion,
      label: wellFormed(options.label?.trim() ?? '') || null,
      createdAt,
    };
    const metadata = toMetadata(info);
    // The stream is opened last and always given an error path: if the store refuses before
    // reading it, its file is removed with the scratch folder below, and a late open error
    // must not go unhandled (that would end the process).
    const body = fs.createReadStream(gz);
    body.on('error', (err) => logger.debug({ err }, 'backup upload stream closed with an error'));
    const put = await blobs
      .put(key, body, { contentType: 'application/gzip', metadata })
      .catch((err: Error) => {
        throw new BackupError('BACKUP_FAILED', `backup not uploaded: the blob store refused it: ${err.message}`, { cause: err });
      })
      .finally(() => body.destroy());
    // The store hashes what it received; a mismatch means the bytes changed on the way.
    if (put.checksumSha256 !== checksumSha256) {
      await blobs.delete(key).catch(() => {});
      throw new BackupError('BACKUP_FAILED', `backup discarded: the store received bytes with SHA-256 ${put.checksumSha256}, expected ${checksumSha256}`);
    }
    await blobs.put(manifestKey(key), Buffer.from(JSON.stringify(toMetadata(info), null, 2)), { contentType: 'application/json' });
    const pruned = await prune(services);
    logger.info({ backupKey: key, bytes: put.size, ms: Date.now() - started, schemaVersion: facts.schemaVersion, pruned: pruned.length }, 'database backup uploaded');
    void config;
    return { key, size: put.size, ...info, lastActivitySeq: facts.lastActivitySeq, pruned };
  } finally {
    scratch.remove();
  }
}

/** Retention: keep the newest BACKUP_KEEP backups (all of them when unset). */
async function prune(services: BackupServices): Promise<string[]> {
  const keep = services.config.backups.keep;
  if (!keep) return [];
  const old = (await listBackupKeys(services.blobs)).slice(keep);
  for (const key of old) {
    await services.blobs.delete(key);
    await services.blobs.delete(manifestKey(key));
  }
  return old;
}
