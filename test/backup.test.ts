// Backups and restore against a real server whose blob store is the real Ceph RGW started by
// the vitest global setup. Nothing is mocked: the database is a real SQLite file, the backup
// object really goes to S3 and back.
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import BetterSqlite3 from 'better-sqlite3';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { BackupDatabaseDocument, BackupsDocument, CreateUseCaseDocument, RestoreDatabaseDocument } from './generated/graphql.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let t: TestServer;
beforeAll(async () => {
  const s3 = inject('s3');
  // The S3 back end takes credentials from the AWS default chain (the environment).
  process.env.AWS_ACCESS_KEY_ID = s3.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = s3.secretAccessKey;
  t = await startTestServer({
    BLOB_STORE: 's3',
    S3_BUCKET: s3.bucket,
    S3_ENDPOINT: s3.endpoint,
    S3_REGION: s3.region,
    // Keys are shared across test files in one bucket; this file's backups live under its own DATA_DIR-named run.
  });
});
afterAll(async () => {
  await t?.close();
});

const admin = () => t.client('admin');

async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function createUseCases(n: number, prefix: string): Promise<void> {
  for (let i = 0; i < n; i++) {
    const res = await t.client('editor').request(CreateUseCaseDocument, { input: { name: `${prefix} ${i}`, teamEmail: 'ml@example.com' } });
    expect(res.createUseCase.__typename).toBe('CreateUseCasePayload');
  }
}

async function useCaseCount(): Promise<number> {
  const res = await t.client('viewer').request<{ useCases: { totalCount: number } }>('{ useCases(first: 1) { totalCount } }');
  return res.useCases.totalCount;
}

async function backup(label: string) {
  const res = await admin().request(BackupDatabaseDocument, { input: { label } });
  if (res.backupDatabase.__typename !== 'BackupDatabasePayload') throw new Error(JSON.stringify(res.backupDatabase));
  return res.backupDatabase.backup;
}

/** Downloads a backup object and opens the database inside it (read-only, in a temp file). */
async function openBackup(key: string): Promise<BetterSqlite3.Database> {
  const file = path.join(t.dataDir, `inspect-${Date.now()}.db`);
  await pipeline(await t.server.services.blobs.get(key), zlib.createGunzip(), fs.createWriteStream(file));
  return new BetterSqlite3(file, { readonly: true });
}

describe('backups', () => {
  it('a backup is uploaded with its facts, listed from the store newest first', async () => {
    await createUseCases(3, 'listed');
    const first = await backup('first');
    const second = await backup('second');
    expect(first.key).toMatch(/^backups\/database\/opsgraph_\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.db\.gz$/);
    expect(first.checksumSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.schemaVersion).toMatch(/^\d{14}_/);
    expect(first.sqliteVersion).toMatch(/^3\./);
    expect(Number(first.size)).toBeGreaterThan(0);
    const head = await t.server.services.blobs.head(first.key);
    expect(head?.metadata.sha256).toBe(first.checksumSha256);

    const listed = await admin().request(BackupsDocument, { first: 50 });
    const keys = listed.backups.edges.map((e) => e.node.key);
    expect(keys.indexOf(second.key)).toBeLessThan(keys.indexOf(first.key));
    expect(listed.latestBackup?.key).toBe(keys[0]);
    expect(listed.backups.edges.find((e) => e.node.key === first.key)?.node.label).toBe('first');

    const viewer = await t.client('viewer').request(BackupDatabaseDocument, { input: { label: 'no' } }).catch((e: Error) => e);
    expect(String(viewer)).toMatch(/needs a higher role/);
  });

  it('while 4 writers run for 10 s: their longest waits stay short, and the backup holds a consistent prefix', async () => {
    const editor = t.client('editor');
    const stopAt = Date.now() + 10_000;
    const longest = [0, 0, 0, 0];
    const counts = [0, 0, 0, 0];
    const writes: Array<{ start: number; end: number }> = [];
    const writers = longest.map(async (_, w) => {
      while (Date.now() < stopAt) {
        const start = performance.now();
        await editor.request(CreateUseCaseDocument, { input: { name: `load w${w} #${counts[w]}`, teamEmail: 'load@example.com' } });
        const end = performance.now();
        writes.push({ start, end });
        longest[w] = Math.max(longest[w]!, end - start);
        counts[w]! += 1;
      }
    });
    await new Promise((r) => setTimeout(r, 3000));
    const backupStart = performance.now();
    const taken = await backup('under load');
    const backupEnd = performance.now();
    await Promise.all(writers);
    const overlapping = writes.filter((x) => x.end > backupStart && x.start < backupEnd);
    const worst = (list: typeof writes) => Math.max(0, ...list.map((x) => x.end - x.start)).toFixed(1);
    console.log(
      `backup under load: ${writes.length} writes; longest wait per writer (ms): ${longest.map((ms) => ms.toFixed(1)).join(', ')}; ` +
        `backup took ${(backupEnd - backupStart).toFixed(0)} ms, longest write overlapping it ${worst(overlapping)} ms (${overlapping.length} writes), ` +
        `longest outside it ${worst(writes.filter((x) => !overlapping.includes(x)))} ms`,
    );
    expect(overlapping.length).toBeGreaterThan(0); // writes really ran while the snapshot was taken
    for (const ms of longest) expect(ms).toBeLessThan(1000);

    const db = await openBackup(taken.key);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // A consistent prefix: activity seqs 1..N without a hole, and every use case in the
      // copy has its creation entry and vice versa (each create wrote both in one transaction).
      const seqs = db.prepare('SELECT seq FROM ActivityLogEntry ORDER BY seq').pluck().all() as number[];
      expect(seqs.length).toBeGreaterThan(0);
      expect(seqs.at(-1)).toBe(seqs.length);
      const orphans = db
        .prepare(
          `SELECT count(*) FROM UseCase u WHERE NOT EXISTS (SELECT 1 FROM ActivityLogEntry a WHERE a.subjectId = u.id AND a.activityType = 'use_case_created')`,
        )
        .pluck()
        .get();
      const missing = db
        .prepare(`SELECT count(*) FROM ActivityLogEntry a WHERE a.activityType = 'use_case_created' AND NOT EXISTS (SELECT 1 FROM UseCase u WHERE u.id = a.subjectId)`)
        .pluck()
        .get();
      expect([orphans, missing]).toEqual([0, 0]);
      const inCopy = db.prepare(`SELECT count(*) FROM UseCase WHERE teamEmail = 'load@example.com'`).pluck().get() as number;
      expect(inCopy).toBeGreaterThan(0);
      expect(inCopy).toBeLessThan(counts.reduce((a, b) => a + b));
    } finally {
      db.close();
    }
  }, 60_000);

  it('restore round trip through RGW: requests during the swap wait and succeed, none sees a mix', async () => {
    const before = await useCaseCount();
    const saved = await backup('round trip');
    // A live subscriber stays connected across the restore and must keep receiving entries
    // (activity seqs continue after the old database's, so none is mistaken for a duplicate).
    const received: string[] = [];
    const ws = createClient({ url: t.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${t.keys.viewer}` } });
    ws.subscribe<{ activityAdded: { activityType: string; description: string } }>(
      { query: 'subscription { activityAdded { activityType description } }' },
      { next: (m) => m.data && received.push(`${m.data.activityAdded.activityType}: ${m.data.activityAdded.description}`), error: () => {}, complete: () => {} },
    );
    await waitFor(() => t.server.services.bus.listenerCount() > 0);

    await createUseCases(4, 'after the backup');
    expect(await useCaseCount()).toBe(before + 4);
    await waitFor(() => received.length === 4); // the subscriber has seen seqs the restore takes away

    // Readers hammer the server while the restore swaps the database underneath.
    let stop = false;
    const seen = new Set<number>();
    const failures: unknown[] = [];
    const readers = Array.from({ length: 4 }, async () => {
      while (!stop) {
        try {
          // totalCount and the edges come from one request: both must describe the same database.
          const res = await t.client('viewer').request<{ useCases: { totalCount: number; edges: unknown[] } }>(
            '{ useCases(first: 100, filter: {search: "after the backup"}) { totalCount edges { node { id } } } }',
          );
          if (res.useCases.totalCount !== res.useCases.edges.length) failures.push(`mixed: ${JSON.stringify(res.useCases.totalCount)}`);
          seen.add(res.useCases.totalCount);
        } catch (err) {
          failures.push(err);
        }
      }
    });
    const res = await admin().request(RestoreDatabaseDocument, { input: { key: saved.key } });
    stop = true;
    await Promise.all(readers);
    if (res.restoreDatabase.__typename !== 'RestoreDatabasePayload') throw new Error(JSON.stringify(res.restoreDatabase));
    expect(res.restoreDatabase.preRestoreBackup?.label).toMatch(/^pre-restore/);
    expect(failures).toEqual([]);
    expect(await useCaseCount()).toBe(before);
    expect([...seen].every((n) => n === 0 || n === 4)).toBe(true);

    // The store, not the database, knows the backups: the pre-restore one is listed (newest).
    const listed = await admin().request(BackupsDocument, { first: 5 });
    expect(listed.latestBackup?.key).toBe(res.restoreDatabase.preRestoreBackup?.key);
    // The restored database takes writes and carries the restore in its activity log.
    await createUseCases(1, 'after restore');
    expect(await useCaseCount()).toBe(before + 1);
    await waitFor(() => received.some((r) => r.includes('after restore')));
    expect(received.filter((r) => /^database_restored|after restore/.test(r))).toHaveLength(2);
    await ws.dispose();
    const log = await t.client('viewer').request<{ activity: { edges: Array<{ node: { activityType: string } }> } }>(
      '{ activity(first: 5) { edges { node { activityType } } } }',
    );
    expect(log.activity.edges.map((e) => e.node.activityType)).toContain('database_restored');
  });

  it('a backup with one flipped byte is refused and the live database is untouched', async () => {
    const good = await backup('to be damaged');
    const head = (await t.server.services.blobs.head(good.key))!;
    const chunks: Buffer[] = [];
    for await (const c of await t.server.services.blobs.get(good.key)) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    const damagedKey = good.key.replace('.db.gz', '-damaged.db.gz');
    await t.server.services.blobs.put(damagedKey, bytes, { metadata: head.metadata });
    const truncatedKey = good.key.replace('.db.gz', '-truncated.db.gz');
    await t.server.services.blobs.put(truncatedKey, bytes.subarray(0, bytes.length - 100), { metadata: head.metadata });

    const count = await useCaseCount();
    const dbBytes = fs.readFileSync(t.server.services.db.file);
    for (const key of [damagedKey, truncatedKey]) {
      const res = await admin().request(RestoreDatabaseDocument, { input: { key } });
      expect(res.restoreDatabase.__typename).toBe('BackupError');
      if (res.restoreDatabase.__typename !== 'BackupError') continue;
      expect(res.restoreDatabase.code).toBe('BACKUP_CORRUPT');
      expect(res.restoreDatabase.message).toMatch(/SHA-256 is [0-9a-f]{64} but the backup recorded/);
    }
    expect(fs.readFileSync(t.server.services.db.file).equals(dbBytes)).toBe(true);
    expect(await useCaseCount()).toBe(count);

    const dry = await admin().request(RestoreDatabaseDocument, { input: { key: good.key, dryRun: true } });
    expect(dry.restoreDatabase.__typename).toBe('RestoreDatabasePayload');
    expect(await useCaseCount()).toBe(count);
  });
});
