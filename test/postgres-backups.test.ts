// Backups on the PostgreSQL write store (issue 16, "Also in this issue"): they are PostgreSQL's
// (pg_dump, base backups, PITR). backupDatabase and restoreDatabase answer with the typed
// BackupError BACKUP_BY_POSTGRESQL over HTTP, write nothing (no activity entry, so no commit
// position), and upload nothing to the blob store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from './support/server.ts';
import { startTestServerOn } from './support/write-store.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServerOn('postgresql');
}, 120_000);
afterAll(() => t?.close());

const ERR = '... on DomainError { code message }';

describe('backups on PostgreSQL', () => {
  it('backupDatabase: BackupError BACKUP_BY_POSTGRESQL naming PostgreSQL\'s tools; nothing written, nothing uploaded', async () => {
    const before = await t.server.services.db.reader.activityLogEntry.count();
    const res = await t.client('admin').rawRequest<{ backupDatabase: { __typename: string; code: string; message: string } }>(
      `mutation { backupDatabase(input: { label: "nightly" }) { __typename ... on BackupDatabasePayload { backup { key } } ${ERR} } }`,
    );
    expect(res.data.backupDatabase).toMatchObject({ __typename: 'BackupError', code: 'BACKUP_BY_POSTGRESQL' });
    expect(res.data.backupDatabase.message).toMatch(/PostgreSQL/);
    expect(res.data.backupDatabase.message).toMatch(/pg_dump/);
    expect(res.data.backupDatabase.message).toMatch(/point-in-time recovery/);
    expect(await t.server.services.db.reader.activityLogEntry.count()).toBe(before);
    expect((res.extensions as { commitPosition?: number } | undefined)?.commitPosition).toBeUndefined();
    expect(res.headers.get('opsgraph-commit-position')).toBeNull();
    const listed = await t.client('admin').request<{ backups: { edges: unknown[] } }>('{ backups(first: 5) { edges { node { key } } } }');
    expect(listed.backups.edges).toEqual([]);
  });

  it('restoreDatabase: the same typed error, for a restore', async () => {
    const res = await t.client('admin').request<{ restoreDatabase: { __typename: string; code: string; message: string } }>(
      `mutation { restoreDatabase(input: { key: "latest" }) { __typename ${ERR} } }`,
    );
    expect(res.restoreDatabase).toMatchObject({ __typename: 'BackupError', code: 'BACKUP_BY_POSTGRESQL' });
    expect(res.restoreDatabase.message).toMatch(/restore is PostgreSQL's job.*pg_restore/);
  });
});
