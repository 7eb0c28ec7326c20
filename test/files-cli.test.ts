// Reconcile (rows without objects, objects without rows), the download cache behind
// `opsgraph files get`, and `opsgraph cache clean`, against a real server's data folder.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/commands/command-context.ts';
import { reconcileFiles } from '../src/commands/files/reconcile-files.ts';
import { CreateUseCaseDocument, StoredFileNodeDocument, UploadFileDocument } from './generated/graphql.ts';
import { multipartRequest, rawId, sha256 } from './support/files.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const run = promisify(execFile);
const CLI = path.join(import.meta.dirname, '..', 'src', 'cli.ts');
const TSX = path.join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ BLOB_STORE: 'fs' });
});
afterAll(() => t?.close());

async function uploaded(body: string, filename = 'f.csv') {
  const r = await t.client('editor').request(CreateUseCaseDocument, { input: { name: `cli ${filename}`, teamEmail: 'ml@example.com' } });
  if (r.createUseCase.__typename !== 'CreateUseCasePayload') throw new Error(JSON.stringify(r));
  const { body: res } = await multipartRequest(t.url, t.keys.editor, UploadFileDocument, { input: { ownerId: r.createUseCase.useCase.id, fileType: 'DATASET', file: null as never } }, [
    { path: 'variables.input.file', filename, body },
  ]);
  if (res.data?.uploadFile.__typename !== 'UploadFilePayload') throw new Error(JSON.stringify(res));
  return res.data.uploadFile.file;
}

const cli = (args: string[], env: Record<string, string> = {}) =>
  run(TSX, [CLI, ...args], { env: { ...process.env, DATA_DIR: t.dataDir, LOG_LEVEL: 'silent', ...env } });

describe('files reconcile', () => {
  it('reports, then fixes, rows without objects and objects without rows', async () => {
    const ctx = { services: t.server.services, actor: SYSTEM_ACTOR };
    const kept = await uploaded('still here\n', 'kept.csv');
    const lost = await uploaded('will vanish\n', 'lost.csv');
    await t.server.services.blobs.delete(lost.key); // the object disappears behind our back
    const orphanKey = `${kept.key.split('/').slice(0, 2).join('/')}/other/stray-object`;
    await t.server.services.blobs.put(orphanKey, Buffer.from('nobody owns me'));

    // A fresh orphan may be an upload in flight: the default grace period leaves it alone.
    const graceful = await reconcileFiles(ctx, {});
    expect(graceful.objectsWithoutRows).toEqual([]);

    const report = await reconcileFiles(ctx, { minAgeMs: 0 });
    expect(report.fixed).toBe(false);
    expect(report.rowsWithoutObjects.map((r) => r.key)).toEqual([lost.key]);
    expect(report.objectsWithoutRows.map((o) => o.key)).toEqual([orphanKey]);

    const fixed = await reconcileFiles(ctx, { minAgeMs: 0, fix: true });
    expect(fixed.fixed).toBe(true);
    expect(await t.server.services.blobs.head(orphanKey)).toBeNull();
    expect(await t.server.services.blobs.head(kept.key)).not.toBeNull();
    const node = await t.client('viewer').request(StoredFileNodeDocument, { id: lost.id });
    expect(node.node).toMatchObject({ status: 'DELETED' });
    const after = await reconcileFiles(ctx, { minAgeMs: 0 });
    expect(after.rowsWithoutObjects).toEqual([]);
    expect(after.objectsWithoutRows).toEqual([]);
  });

  it('the CLI prints the report and exits 0 when all is consistent', { timeout: 120_000 }, async () => {
    const { stdout } = await cli(['files', 'reconcile', '--json']);
    expect(JSON.parse(stdout)).toMatchObject({ rowsWithoutObjects: [], objectsWithoutRows: [], fixed: false });
  });
});

describe('files get and cache clean', () => {
  it('downloads through the cache, verifies SHA-256, reuses and repairs the cache, and cleans it', { timeout: 180_000 }, async () => {
    const body = 'cached,content\n'.repeat(100);
    const file = await uploaded(body, 'cached.csv');
    const out = path.join(os.tmpdir(), `opsgraph-get-${process.pid}.csv`);
    const first = await cli(['files', 'get', file.id, '--out', out]);
    expect(first.stderr).toMatch(/downloaded/);
    expect(fs.readFileSync(out, 'utf8')).toBe(body);
    const cachedPath = path.join(t.dataDir, 'cache', 'sha256', sha256(body).slice(0, 2), sha256(body));
    expect(fs.readFileSync(cachedPath, 'utf8')).toBe(body);

    const second = await cli(['files', 'get', rawId(file.id)]);
    expect(second.stderr).toMatch(/cache hit/);
    expect(second.stdout.trim()).toBe(cachedPath);

    // A corrupted cache entry is detected and fetched again.
    fs.writeFileSync(cachedPath, 'garbage');
    const third = await cli(['files', 'get', file.id]);
    expect(third.stderr).toMatch(/downloaded/);
    expect(fs.readFileSync(cachedPath, 'utf8')).toBe(body);

    // Recently used: kept by a 7-day clean; removed once it looks 8 days old.
    expect((await cli(['cache', 'clean', '--older-than', '7d'])).stdout).toMatch(/removed 0 file/);
    const old = new Date(Date.now() - 8 * 86_400_000);
    fs.utimesSync(cachedPath, old, old);
    expect((await cli(['cache', 'clean', '--older-than', '7d'])).stdout).toMatch(/removed 1 file/);
    expect(fs.existsSync(cachedPath)).toBe(false);
    fs.rmSync(out, { force: true });
  });
});
