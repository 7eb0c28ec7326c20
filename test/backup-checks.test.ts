// Restore's schema-version rules and the backup schedule, on the default fs blob store (so
// restore is covered on both back ends; test/backup.test.ts uses RGW).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeBackup, manifestKey, toMetadata } from '../src/backup/store.ts';
import { applyMigrations } from '../src/db/migrate.ts';
import { BackupDatabaseDocument, BackupsDocument, CreateUseCaseDocument, RestoreDatabaseDocument } from './generated/graphql.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ BLOB_STORE: 'fs', BACKUP_INTERVAL: '700ms', BACKUP_KEEP: '2' });
});
afterAll(async () => {
  await t?.close();
});

/** Uploads a database file as a backup object (gzip + SHA-256 + facts), as takeBackup would. */
async function uploadAsBackup(file: string, key: string, schemaVersion: string | null): Promise<void> {
  const gz = zlib.gzipSync(fs.readFileSync(file));
  const meta = toMetadata({
    checksumSha256: crypto.createHash('sha256').update(gz).digest('hex'),
    databaseBytes: fs.statSync(file).size,
    schemaVersion,
    sqliteVersion: null,
    label: 'crafted by a test',
    createdAt: new Date(),
  });
  await t.server.services.blobs.put(key, gz, { metadata: meta });
  await t.server.services.blobs.put(manifestKey(key), Buffer.from(JSON.stringify(meta)));
}

async function restore(key: string) {
  return (await t.client('admin').request(RestoreDatabaseDocument, { input: { key } })).restoreDatabase;
}

describe('restore keys', () => {
  it.each(['../../etc/passwd', '/backups/database/x.db.gz', 'backups/database/../../x', 'uploads/some-file', ''])(
    'refuses %j as a typed ValidationError on key (it was a masked internal error), and the server keeps serving',
    async (key) => {
      const raw = await t.client('admin').request<{ restoreDatabase: { __typename: string; code: string; field?: string } }>(
        'mutation ($key: String!) { restoreDatabase(input: { key: $key }) { __typename ... on DomainError { code } ... on ValidationError { field } } }',
        { key },
      );
      expect(raw.restoreDatabase).toEqual({ __typename: 'ValidationError', code: 'VALIDATION_FAILED', field: 'key' });
      expect((await fetch(t.url.replace('/graphql', '/healthz'))).status).toBe(200);
      expect((await t.client('admin').request(BackupsDocument, {})).backups).toBeDefined();
    },
  );
});

describe('restore schema rules', () => {
  it('refuses a backup whose schema is newer than the code, and changes nothing', async () => {
    await t.client('editor').request(CreateUseCaseDocument, { input: { name: 'stays', teamEmail: 'ml@example.com' } });
    const made = await t.client('admin').request(BackupDatabaseDocument, { input: { label: 'base' } });
    if (made.backupDatabase.__typename !== 'BackupDatabasePayload') throw new Error('backup failed');
    const key = made.backupDatabase.backup.key;
    const file = path.join(t.dataDir, 'future.db');
    const chunks: Buffer[] = [];
    for await (const c of await t.server.services.blobs.get(key)) chunks.push(c as Buffer);
    fs.writeFileSync(file, zlib.gunzipSync(Buffer.concat(chunks)));
    const db = new BetterSqlite3(file);
    db.prepare(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ('x', 'x', '99991231000000_from_the_future', 0, 0, 1)`,
    ).run();
    db.close();
    await uploadAsBackup(file, 'backups/database/opsgraph_9999-12-31T00-00-00-000Z.db.gz', '99991231000000_from_the_future');

    const res = await restore('backups/database/opsgraph_9999-12-31T00-00-00-000Z.db.gz');
    expect(res.__typename).toBe('BackupError');
    if (res.__typename !== 'BackupError') return;
    expect(res.code).toBe('BACKUP_TOO_NEW');
    expect(res.message).toMatch(/99991231000000_from_the_future.*newer than this build/);
    const count = await t.client('viewer').request<{ useCases: { totalCount: number } }>('{ useCases { totalCount } }');
    expect(count.useCases.totalCount).toBe(1);
    await t.server.services.blobs.delete('backups/database/opsgraph_9999-12-31T00-00-00-000Z.db.gz');
  });

  it('migrates an older backup forward while restoring it', async () => {
    // A database made by an older build: only the first migration.
    const migrations = fileURLToPath(new URL('../prisma/migrations', import.meta.url));
    const [first, ...later] = fs.readdirSync(migrations).filter((n) => /^\d{14}_/.test(n)).sort();
    expect(later.length).toBeGreaterThan(0);
    const oldDir = path.join(t.dataDir, 'old-migrations');
    fs.mkdirSync(oldDir);
    fs.cpSync(path.join(migrations, first!), path.join(oldDir, first!), { recursive: true });
    fs.copyFileSync(path.join(migrations, 'migration_lock.toml'), path.join(oldDir, 'migration_lock.toml'));
    const file = path.join(t.dataDir, 'old.db');
    await applyMigrations(file, { migrationsDir: oldDir });
    const key = 'backups/database/opsgraph_2000-01-01T00-00-00-000Z.db.gz';
    await uploadAsBackup(file, key, first!);

    const res = await restore(key);
    if (res.__typename !== 'RestoreDatabasePayload') throw new Error(JSON.stringify(res));
    expect(res.migrationsApplied).toEqual(later);
    // The old database had no API keys: the bootstrap admin key was registered again.
    const count = await t.client('admin').request<{ useCases: { totalCount: number } }>('{ useCases { totalCount } }');
    expect(count.useCases.totalCount).toBe(0);
    await expect(t.client('viewer').request('{ viewer { role } }')).rejects.toThrow(/invalid or revoked/);
  });
});

describe('backup schedule', () => {
  it('runs every BACKUP_INTERVAL, records each run, and keeps BACKUP_KEEP backups', async () => {
    const deadline = Date.now() + 20_000;
    let created = 0;
    while (Date.now() < deadline) {
      const log = await t.client('admin').request<{ activity: { edges: Array<{ node: { description: string } }> } }>(
        '{ activity(first: 100, filter: {types: ["backup_created"]}) { edges { node { description } } } }',
      );
      created = log.activity.edges.filter((e) => e.node.description.includes('(scheduled)')).length;
      if (created >= 3) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(created).toBeGreaterThanOrEqual(3);
    const listed = await t.client('admin').request(BackupsDocument, { first: 50 });
    expect(listed.backups.totalCount).toBe(2);
  }, 30_000);
});

describe('backup metadata', () => {
  // The GraphQL layer may refuse lone surrogates before they get here; the backup service must
  // not depend on that: its metadata encoding cannot throw for any string.
  it('encodes a label with a lone surrogate, and a malformed stored label still lists', async () => {
    const meta = toMetadata({ checksumSha256: 'x', databaseBytes: 1, schemaVersion: null, sqliteVersion: null, label: 'a\uD800b\uDC00', createdAt: new Date() });
    expect(decodeURIComponent(meta.label!)).toBe('a\uFFFDb\uFFFD');
    const key = 'backups/database/opsgraph_2001-01-01T00-00-00-000Z.db.gz';
    await t.server.services.blobs.put(key, zlib.gzipSync(Buffer.from('not a db')));
    await t.server.services.blobs.put(manifestKey(key), Buffer.from(JSON.stringify({ ...meta, label: '%E0%A4%A' })));
    expect(await describeBackup(t.server.services.blobs, key)).toMatchObject({ key, label: '%E0%A4%A' });
    await t.server.services.blobs.delete(key);
    await t.server.services.blobs.delete(manifestKey(key));
  });
});
