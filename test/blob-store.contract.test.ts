// One contract, three back ends: memory, fs (served by a real gateway for its signed URLs),
// and s3 against the real Ceph RGW started by the global setup. The same assertions run
// unchanged on each; presigned URLs are exercised with plain fetch.
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { StorageError } from '../src/errors.ts';
import { type BlobStore, ObjectNotFoundError, ObjectTooLargeError } from '../src/storage/blob-store.ts';
import { MemoryBlobStore } from '../src/storage/memory-blob-store.ts';
import { S3BlobStore } from '../src/storage/s3-blob-store.ts';
import { startTestServer } from './support/server.ts';

interface Harness {
  store: BlobStore;
  close(): Promise<void>;
}

// [kind, whether the store issues presigned URLs, factory]
const factories: Array<[string, boolean, () => Promise<Harness>]> = [
  ['memory', false, async () => ({ store: new MemoryBlobStore(), close: async () => {} })],
  [
    'fs',
    true,
    async () => {
      const server = await startTestServer({ BLOB_STORE: 'fs' });
      // One request so the gateway learns its own address for signed URLs.
      await fetch(server.url.replace('/graphql', '/graphql?warmup'), { method: 'GET' }).then((r) => r.arrayBuffer());
      return { store: server.server.services.blobs, close: () => server.close() };
    },
  ],
  [
    's3',
    true,
    async () => {
      const s3 = inject('s3');
      const store = new S3BlobStore({
        bucket: s3.bucket,
        endpoint: s3.endpoint,
        region: s3.region,
        forcePathStyle: true,
        credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
        partSize: 5 * 1024 * 1024,
      });
      return { store, close: async () => store.destroy() };
    },
  ],
];

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks).toString('utf8');
}

const sha = (b: Buffer | string) => crypto.createHash('sha256').update(b).digest('hex');

describe.each(factories)('BlobStore contract: %s', (kind, presigns, factory) => {
  let h: Harness;
  const prefix = `contract/${kind}-${process.pid}-${Date.now()}/`;
  beforeAll(async () => {
    h = await factory();
  });
  afterAll(async () => h?.close());

  it('round-trips bytes with size and SHA-256 computed while streaming', async () => {
    const body = Buffer.from('hello, opsgraph\n'.repeat(1000));
    const put = await h.store.put(`${prefix}a/hello.txt`, Readable.from([body.subarray(0, 100), body.subarray(100)]), { contentType: 'text/plain' });
    expect(put).toMatchObject({ key: `${prefix}a/hello.txt`, size: body.length, checksumSha256: sha(body) });
    expect(await text(await h.store.get(`${prefix}a/hello.txt`))).toBe(body.toString());
    const head = await h.store.head(`${prefix}a/hello.txt`);
    expect(head?.size).toBe(body.length);
    expect(await h.store.head(`${prefix}a/missing.txt`)).toBeNull();
    await expect(h.store.get(`${prefix}a/missing.txt`)).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it('a multi-part body (larger than one S3 part) keeps its checksum', async () => {
    const chunk = crypto.randomBytes(1024 * 1024);
    const parts = Array.from({ length: 12 }, () => chunk);
    const put = await h.store.put(`${prefix}big.bin`, Readable.from(parts));
    expect(put.size).toBe(12 * chunk.length);
    expect(put.checksumSha256).toBe(sha(Buffer.concat(parts)));
    const back = crypto.createHash('sha256');
    for await (const c of await h.store.get(`${prefix}big.bin`)) back.update(c as Buffer);
    expect(back.digest('hex')).toBe(put.checksumSha256);
    await h.store.delete(`${prefix}big.bin`);
  });

  it('stores an empty object', async () => {
    const put = await h.store.put(`${prefix}empty`, Readable.from([]));
    expect(put).toMatchObject({ size: 0, checksumSha256: sha('') });
    expect((await h.store.head(`${prefix}empty`))?.size).toBe(0);
    expect(await text(await h.store.get(`${prefix}empty`))).toBe('');
  });

  it('reads byte ranges (inclusive end, open end)', async () => {
    await h.store.put(`${prefix}range.txt`, Buffer.from('0123456789'));
    expect(await text(await h.store.get(`${prefix}range.txt`, { start: 2, end: 5 }))).toBe('2345');
    expect(await text(await h.store.get(`${prefix}range.txt`, { start: 7 }))).toBe('789');
  });

  it('refuses a body over maxBytes and keeps nothing', async () => {
    const err = await h.store.put(`${prefix}too-big.bin`, Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), { maxBytes: 1000 }).catch((e) => e);
    expect(err).toBeInstanceOf(ObjectTooLargeError);
    expect(err).toBeInstanceOf(StorageError);
    expect(await h.store.head(`${prefix}too-big.bin`)).toBeNull();
  });

  it('refuses keys that could escape the store', async () => {
    for (const key of ['../x', 'a/../../x', '/abs', 'a//b', '']) {
      await expect(h.store.put(key, Buffer.from('x'))).rejects.toBeInstanceOf(StorageError);
    }
  });

  it('lists by prefix across pages, in key order', async () => {
    const keys = Array.from({ length: 7 }, (_, i) => `${prefix}list/item-${String(i).padStart(2, '0')}`);
    for (const k of keys) await h.store.put(k, Buffer.from(k));
    await h.store.put(`${prefix}listing-not-this`, Buffer.from('x'));
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await h.store.list(`${prefix}list/`, { cursor, limit: 3 });
      expect(page.objects.length).toBeLessThanOrEqual(3);
      seen.push(...page.objects.map((o) => o.key));
      expect(page.objects.every((o) => o.size === o.key.length)).toBe(true);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual(keys);
    expect(pages).toBe(3);
  });

  it('deletes, and deleting a missing object is not an error', async () => {
    await h.store.put(`${prefix}del.txt`, Buffer.from('bye'));
    await h.store.delete(`${prefix}del.txt`);
    expect(await h.store.head(`${prefix}del.txt`)).toBeNull();
    await h.store.delete(`${prefix}del.txt`);
    expect((await h.store.list(`${prefix}del`)).objects).toEqual([]);
  });

  it('reports itself reachable', async () => {
    await h.store.check();
  });

  // A store without URLs (memory) says so with a typed error instead.
  if (!presigns) {
    it('refuses to presign with a StorageError', async () => {
      await expect(h.store.presign('GET', `${prefix}x`, { expiresInMs: 60_000 })).rejects.toBeInstanceOf(StorageError);
    });
  }

  if (presigns) describe('presigned URLs', () => {
    it('PUT then GET with plain fetch', async () => {
      const key = `${prefix}presigned/data.csv`;
      const body = 'a,b\n1,2\n';
      const put = await h.store.presign('PUT', key, { expiresInMs: 60_000, contentType: 'text/csv', contentLength: body.length });
      expect(put.expiresAt.getTime()).toBeGreaterThan(Date.now());
      const putRes = await fetch(put.url, { method: 'PUT', headers: put.headers, body });
      expect(putRes.status).toBe(200);
      await putRes.arrayBuffer();
      expect((await h.store.head(key))?.size).toBe(body.length);
      const get = await h.store.presign('GET', key, { expiresInMs: 60_000 });
      const getRes = await fetch(get.url);
      expect(getRes.status).toBe(200);
      expect(await getRes.text()).toBe(body);
    });

    it('refuses a tampered URL', async () => {
      const key = `${prefix}presigned/secret.txt`;
      await h.store.put(key, Buffer.from('secret'));
      const other = `${prefix}presigned/other.txt`;
      await h.store.put(other, Buffer.from('other'));
      const get = new URL((await h.store.presign('GET', key, { expiresInMs: 60_000 })).url);
      const moved = new URL(get);
      moved.pathname = moved.pathname.replace('secret.txt', 'other.txt');
      const r1 = await fetch(moved);
      expect(r1.status).toBe(403);
      await r1.arrayBuffer();
      const flipped = new URL(get);
      for (const name of ['signature', 'X-Amz-Signature']) {
        const sig = flipped.searchParams.get(name);
        if (sig) flipped.searchParams.set(name, (sig[0] === 'a' ? 'b' : 'a') + sig.slice(1));
      }
      const r2 = await fetch(flipped);
      expect(r2.status).toBe(403);
      await r2.arrayBuffer();
    });

    it('refuses an expired URL', async () => {
      const key = `${prefix}presigned/expiring.txt`;
      await h.store.put(key, Buffer.from('soon gone'));
      const get = await h.store.presign('GET', key, { expiresInMs: 1000 });
      await new Promise((r) => setTimeout(r, 2500));
      const res = await fetch(get.url);
      expect(res.status).toBe(403);
      await res.arrayBuffer();
    });
  });
});
