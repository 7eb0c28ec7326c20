// Where backups live: objects under backups/database/ in the blob store, described by their
// object metadata. The store is the source of truth (DESIGN.md): after a restore the
// database knows nothing of later backups, so listing never asks the database.
import type { BlobStore } from '../storage/blob-store.ts';

export const BACKUP_PREFIX = 'backups/database/';

export interface BackupInfo {
  key: string;
  /** Bytes of the compressed object. */
  size: number;
  /** SHA-256 (hex) of the compressed object. */
  checksumSha256: string;
  /** Bytes of the uncompressed database file. */
  databaseBytes: number | null;
  schemaVersion: string | null;
  sqliteVersion: string | null;
  label: string | null;
  createdAt: Date;
}

/** opsgraph_2026-11-21T02-32-00-123Z.db.gz: UTC, sortable as text, no ':' (awkward in S3 tools and file names). */
export function backupKey(at: Date): string {
  return `${BACKUP_PREFIX}opsgraph_${at.toISOString().replace(/[:.]/g, '-')}.db.gz`;
}

function createdAtFromKey(key: string): Date | null {
  const m = /opsgraph_(\d{4}-\d\d-\d\dT\d\d)-(\d\d)-(\d\d)-(\d{3})Z\.db\.gz$/.exec(key);
  return m ? new Date(`${m[1]}:${m[2]}:${m[3]}.${m[4]}Z`) : null;
}

// A lone UTF-16 surrogate cannot be encoded (encodeURIComponent throws URIError on one), so
// labels are made well-formed first: a metadata encoder that can throw would fail a backup
// after its snapshot was taken, on input the caller controls.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with every lone surrogate replaced by U+FFFD (what UTF-8 encoders do anyway). */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** Never throws: metadata written by hand or by an older build may hold a malformed escape. */
function decodeLabel(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Metadata values are strings (S3 user metadata); keys lower-case for S3's sake. Never throws. */
export function toMetadata(b: Omit<BackupInfo, 'key' | 'size'>): Record<string, string> {
  return {
    sha256: b.checksumSha256,
    'database-bytes': String(b.databaseBytes ?? ''),
    'schema-version': b.schemaVersion ?? '',
    'sqlite-version': b.sqliteVersion ?? '',
    label: encodeURIComponent(wellFormed(b.label ?? '')),
    'created-at': b.createdAt.toISOString(),
  };
}

/**
 * The facts also go to a small JSON object beside the backup: not every back end keeps
 * object metadata (the fs store does not), and a manifest is readable with any S3 tool.
 */
export function manifestKey(key: string): string {
  return `${key}.json`;
}

async function readManifest(blobs: BlobStore, key: string): Promise<Record<string, string>> {
  try {
    const chunks: Buffer[] = [];
    for await (const c of await blobs.get(manifestKey(key))) chunks.push(c as Buffer);
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

export async function describeBackup(blobs: BlobStore, key: string): Promise<BackupInfo | null> {
  const head = await blobs.head(key);
  if (!head) return null;
  const m = head.metadata.sha256 ? head.metadata : await readManifest(blobs, key);
  const createdAt = m['created-at'] ? new Date(m['created-at']) : (createdAtFromKey(key) ?? head.lastModified ?? new Date(0));
  return {
    key,
    size: head.size,
    checksumSha256: m.sha256 ?? '',
    databaseBytes: m['database-bytes'] ? Number(m['database-bytes']) : null,
    schemaVersion: m['schema-version'] || null,
    sqliteVersion: m['sqlite-version'] || null,
    label: m.label ? decodeLabel(m.label) : null,
    createdAt,
  };
}

/** Every backup key, newest first (the timestamped names sort by time). */
export async function listBackupKeys(blobs: BlobStore): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await blobs.list(BACKUP_PREFIX, { cursor, limit: 1000 });
    for (const o of page.objects) if (o.key.endsWith('.db.gz')) keys.push(o.key);
    cursor = page.nextCursor;
  } while (cursor);
  return keys.sort().reverse();
}

export async function latestBackup(blobs: BlobStore): Promise<BackupInfo | null> {
  const [newest] = await listBackupKeys(blobs);
  return newest ? describeBackup(blobs, newest) : null;
}
