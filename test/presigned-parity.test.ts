// The presigned upload flow answers alike on the fs store (the gateway's own signed URLs) and
// on S3 (real Ceph RGW), through the real gateway over HTTP:
// - the content length is signed into the URL, so a PUT of another length is refused by the
//   store itself (403, the signature does not match) and nothing is stored;
// - the SHA-256 is signed in too: fs refuses another checksum at the PUT (400 BadDigest, as
//   AWS does); RGW 16 does not implement checksums, so there completeUpload refuses it;
// - a PENDING upload that is never completed expires with its URL (the server's sweeper):
//   row DELETED with one `file_upload_expired` entry, and any object that arrived is removed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CreateMultipartUploadCommand, ListMultipartUploadsCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { SYSTEM_ACTOR } from '../src/commands/command-context.ts';
import { expirePendingUploads } from '../src/commands/files/expire-uploads.ts';
import { S3BlobStore } from '../src/storage/s3-blob-store.ts';
import { CompleteUploadDocument, CreateUploadUrlDocument, CreateUseCaseDocument, StoredFileNodeDocument } from './generated/graphql.ts';
import { rawId, s3ServerEnv, sha256 } from './support/files.ts';
import { startTestServer, type TestServer } from './support/server.ts';

/** The expiry tests' URL lifetime; the others use the default hour, so a slow machine never expires their URLs. */
const TTL_MS = 5_000;
const backends: Array<[string, () => Record<string, string>]> = [
  ['fs', () => ({ BLOB_STORE: 'fs' })],
  ['s3 (RGW)', () => s3ServerEnv(inject('s3'))],
];

describe.each(backends)('presigned uploads on %s', (name, env) => {
  let hourly: TestServer;
  let shortLived: TestServer;
  /** The server the helpers below talk to. */
  let t: TestServer;
  beforeAll(async () => {
    [hourly, shortLived] = await Promise.all([startTestServer(env()), startTestServer({ ...env(), UPLOAD_URL_TTL: `${TTL_MS}ms`, UPLOAD_EXPIRY_GRACE: '0s' })]);
  });
  afterAll(async () => {
    await hourly?.close();
    await shortLived?.close();
  });

  async function pending(declared: string) {
    const uc = await t.client('editor').request(CreateUseCaseDocument, { input: { name: `presigned ${name}`, teamEmail: 'ml@example.com' } });
    if (uc.createUseCase.__typename !== 'CreateUseCasePayload') throw new Error(JSON.stringify(uc));
    const r = await t.client('editor').request(CreateUploadUrlDocument, {
      input: { ownerId: uc.createUseCase.useCase.id, fileType: 'DATASET', filename: 'd.csv', size: declared.length, checksumSha256: sha256(declared) },
    });
    if (r.createUploadUrl.__typename !== 'CreateUploadUrlPayload') throw new Error(JSON.stringify(r));
    return r.createUploadUrl;
  }
  const put = async (u: { url: string; headers: unknown }, body: string) => {
    const res = await fetch(u.url, { method: 'PUT', headers: u.headers as Record<string, string>, body });
    await res.arrayBuffer();
    return res.status;
  };
  const objectExists = async (key: string) => (await t.server.services.blobs.head(key)) !== null;
  const complete = (fileId: string) => t.client('editor').request(CompleteUploadDocument, { input: { fileId } });
  const status = async (fileId: string) => {
    const node = await t.client('viewer').request(StoredFileNodeDocument, { id: fileId });
    return (node.node as { status?: string } | null)?.status;
  };
  const expiredEntries = (fileId: string) =>
    t.server.services.db.reader.activityLogEntry.findMany({ where: { activityType: 'file_upload_expired', details: { contains: rawId(fileId) } } });
  async function waitForStatus(fileId: string, want: string) {
    const deadline = Date.now() + TTL_MS + 15_000;
    while (Date.now() < deadline && (await status(fileId)) !== want) await new Promise((r) => setTimeout(r, 100));
    return status(fileId);
  }

  it('signs the content length: a longer or shorter body is refused by the store (403), nothing is stored, the row stays PENDING', async () => {
    t = hourly;
    const declared = 'exactly these bytes\n';
    const u = await pending(declared);
    expect(await put(u, `${declared}and more`)).toBe(403);
    expect(await put(u, declared.slice(0, 5))).toBe(403);
    expect(await objectExists(u.file.key)).toBe(false);
    const done = await complete(u.file.id);
    expect(done.completeUpload.__typename).toBe('ConflictError');
    expect(await status(u.file.id)).toBe('PENDING');
    // The URL is still good for the right bytes.
    expect(await put(u, declared)).toBe(200);
    const ok = await complete(u.file.id);
    expect(ok.completeUpload).toMatchObject({ __typename: 'CompleteUploadPayload', file: { status: 'AVAILABLE', size: declared.length } });
  });

  it('signs the checksum: a same-length body with another SHA-256 never becomes AVAILABLE and leaves no object', async () => {
    t = hourly;
    const declared = 'the bytes I promised\n';
    const other = 'the bytes I SENT inst'.padEnd(declared.length, '!');
    expect(other.length).toBe(declared.length);
    const u = await pending(declared);
    expect(u.headers).toEqual(name === 'fs' ? { 'content-type': 'application/octet-stream' } : expect.objectContaining({ 'x-amz-checksum-sha256': Buffer.from(sha256(declared), 'hex').toString('base64') }));
    const code = await put(u, other);
    const done = await complete(u.file.id);
    if (name === 'fs') {
      // Refused at the PUT, as AWS S3 does (BadDigest): the URL stays usable for the right bytes.
      expect(code).toBe(400);
      expect(done.completeUpload.__typename).toBe('ConflictError');
      expect(await status(u.file.id)).toBe('PENDING');
    } else {
      // RGW 16 stores it (it does not implement x-amz-checksum-*): completeUpload is the backstop.
      expect(code).toBe(200);
      expect(done.completeUpload).toMatchObject({ __typename: 'ChecksumMismatchError', actualSha256: sha256(other) });
      expect(await status(u.file.id)).toBe('DELETED');
    }
    expect(await objectExists(u.file.key)).toBe(false);
  });

  it('a PENDING upload never completed expires with its URL: row DELETED once, its object removed, AVAILABLE files untouched', async () => {
    t = shortLived;
    const neverPut = await pending('nobody sends this\n');
    const putNotCompleted = await pending('sent but never completed\n');
    expect(await put(putNotCompleted, 'sent but never completed\n')).toBe(200);
    expect(await objectExists(putNotCompleted.file.key)).toBe(true);
    const completed = await pending('completed in time\n');
    expect(await put(completed, 'completed in time\n')).toBe(200);
    expect((await complete(completed.file.id)).completeUpload.__typename).toBe('CompleteUploadPayload');

    // The server's own sweeper does it, within the URL's lifetime plus a sweep interval.
    expect(await waitForStatus(neverPut.file.id, 'DELETED')).toBe('DELETED');
    expect(await waitForStatus(putNotCompleted.file.id, 'DELETED')).toBe('DELETED');
    await new Promise((r) => setTimeout(r, 300)); // the object delete runs after commit
    expect(await objectExists(putNotCompleted.file.key)).toBe(false);
    expect(await status(completed.file.id)).toBe('AVAILABLE');
    expect(await objectExists(completed.file.key)).toBe(true);
    expect(await expiredEntries(neverPut.file.id)).toHaveLength(1);
    expect(await expiredEntries(putNotCompleted.file.id)).toHaveLength(1);
    expect(await expiredEntries(completed.file.id)).toHaveLength(0);
    // Completing after expiry is refused; the expired URL is refused by the store.
    expect((await complete(putNotCompleted.file.id)).completeUpload.__typename).toBe('NotFoundError');
    expect(await put(neverPut, 'nobody sends this\n')).toBe(403);
  });

  it('sweeps running concurrently (two servers, or a rerun after a restart) expire each row exactly once', async () => {
    t = hourly;
    const rows = await Promise.all([pending('one\n'), pending('two\n'), pending('three\n')]);
    const ctx = { services: t.server.services, actor: SYSTEM_ACTOR };
    const later = Date.now() + 3 * 60 * 60 * 1000; // past the hourly server's URL lifetime and grace
    const reports = await Promise.all([expirePendingUploads(ctx, { now: later }), expirePendingUploads(ctx, { now: later }), expirePendingUploads(ctx, { now: later })]);
    const mine = new Set(rows.map((r) => rawId(r.file.id)));
    for (const r of rows) expect(await expiredEntries(r.file.id)).toHaveLength(1);
    // The total over the three sweeps counts each of these rows once (others may have expired too).
    expect(reports.reduce((n, r) => n + r.expired, 0)).toBeGreaterThanOrEqual(mine.size);
    const again = await expirePendingUploads(ctx, { now: later });
    expect(again.expired).toBe(0);
  });
});

describe('presigned uploads on fs: partial objects', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ BLOB_STORE: 'fs', UPLOAD_URL_TTL: `${TTL_MS}ms`, UPLOAD_EXPIRY_GRACE: '0s' });
  });
  afterAll(() => t?.close());

  it('removes temp parts an interrupted write left behind, not ones still being written', async () => {
    const root = (t.server.services.blobs as unknown as { root: string }).root;
    const tmp = path.join(root, '.tmp');
    fs.mkdirSync(tmp, { recursive: true });
    const stale = path.join(tmp, `${crypto.randomUUID()}.part`);
    const fresh = path.join(tmp, `${crypto.randomUUID()}.part`);
    fs.writeFileSync(stale, 'half an upload');
    fs.writeFileSync(fresh, 'an upload in flight');
    const old = new Date(Date.now() - 10 * TTL_MS);
    fs.utimesSync(stale, old, old);
    const deadline = Date.now() + 15_000;
    while (fs.existsSync(stale) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
  });
});

describe('presigned uploads on s3 (RGW): partial objects', () => {
  it('aborts multipart uploads a crashed put left open under the file prefixes, only once they are old enough', async () => {
    const s3 = inject('s3');
    const options = { bucket: s3.bucket, endpoint: s3.endpoint, region: s3.region, forcePathStyle: true, credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } };
    const eager = new S3BlobStore({ ...options, minMultipartAgeMs: 0 });
    const cautious = new S3BlobStore(options); // the server's default: a day
    try {
      const prefix = `use-cases/sweep-${crypto.randomUUID()}/`;
      const key = `${prefix}dataset/crashed.bin`;
      const { UploadId } = await eager.client.send(new CreateMultipartUploadCommand({ Bucket: s3.bucket, Key: key }));
      await eager.client.send(new UploadPartCommand({ Bucket: s3.bucket, Key: key, UploadId, PartNumber: 1, Body: crypto.randomBytes(5 * 1024 * 1024) }));
      const open = async () => (await eager.client.send(new ListMultipartUploadsCommand({ Bucket: s3.bucket, Prefix: prefix }))).Uploads ?? [];
      expect(await open()).toHaveLength(1);
      const later = new Date(Date.now() + 60_000);
      expect(await cautious.sweepPartial(later, [prefix])).toBe(0); // younger than a day: may still be running
      expect(await eager.sweepPartial(new Date(Date.now() - 60_000), [prefix])).toBe(0); // started after the cutoff
      expect(await open()).toHaveLength(1);
      expect(await eager.sweepPartial(later, [prefix])).toBe(1);
      expect(await open()).toHaveLength(0);
    } finally {
      eager.destroy();
      cautious.destroy();
    }
  });
});
