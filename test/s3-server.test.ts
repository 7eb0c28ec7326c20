// Smoke test for the real S3 server used by the test suite (Ceph RGW on loopback,
// see test/support/s3-global-setup.ts): the basics work, and signatures are
// actually checked (a fake that accepts anything would pass the other tests).
import { performance } from 'node:perf_hooks';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { s3ClientConfig } from './support/s3-server.ts';

const s3 = inject('s3');
if (!s3) {
  throw new Error(
    "no S3 server: add test/support/s3-global-setup.ts to vitest's globalSetup " +
      '(npx vitest run --config test/support/vitest.s3-smoke.config.ts)',
  );
}
const client = new S3Client(s3ClientConfig(s3));
// Distinct prefix per run: the bucket may be shared with other tests/runs.
const prefix = `smoke/${process.pid}-${Date.now()}/`;
const key = `${prefix}hello.txt`;
const body = 'hello from opsgraph\n';

afterAll(() => client.destroy());

async function status(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    await promise;
    return 200;
  } catch (error) {
    return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  }
}

describe('S3 test server', () => {
  it('puts an object and gets it back', async () => {
    await client.send(
      new PutObjectCommand({ Bucket: s3.bucket, Key: key, Body: body, ContentType: 'text/plain' }),
    );
    const got = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
    expect(await got.Body!.transformToString()).toBe(body);
    expect(got.ContentType).toBe('text/plain');
    expect(got.ContentLength).toBe(Buffer.byteLength(body));
  });

  it('lists it', async () => {
    const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual([key]);
    expect(listed.Contents?.[0]?.Size).toBe(Buffer.byteLength(body));
  });

  it('serves a presigned GET to plain fetch', async () => {
    const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: s3.bucket, Key: key }), {
      expiresIn: 60,
    });
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(body);
  });

  it('rejects a tampered presigned URL with 403', async () => {
    const url = new URL(
      await getSignedUrl(client, new GetObjectCommand({ Bucket: s3.bucket, Key: key }), { expiresIn: 60 }),
    );
    // Same signature, different object: the signature no longer matches.
    url.pathname = url.pathname.replace(/hello\.txt$/, 'other.txt');
    const res = await fetch(url);
    expect(res.status).toBe(403);
    await res.arrayBuffer();

    // And a flipped signature on the right object.
    const good = new URL(
      await getSignedUrl(client, new GetObjectCommand({ Bucket: s3.bucket, Key: key }), { expiresIn: 60 }),
    );
    const sig = good.searchParams.get('X-Amz-Signature')!;
    good.searchParams.set('X-Amz-Signature', (sig[0] === 'a' ? 'b' : 'a') + sig.slice(1));
    const res2 = await fetch(good);
    expect(res2.status).toBe(403);
    await res2.arrayBuffer();
  });

  it('rejects a wrong secret key with 403', async () => {
    const wrong = new S3Client(s3ClientConfig({ ...s3, secretAccessKey: 'not-the-secret' }));
    try {
      expect(await status(wrong.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key })))).toBe(403);
    } finally {
      wrong.destroy();
    }
  });

  it('deletes it', async () => {
    await client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: key }));
    expect(await status(client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key })))).toBe(404);
    const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }));
    expect(listed.Contents ?? []).toEqual([]);
  });

  it('answers small requests in a few milliseconds', async () => {
    // Keep-alive client, 1 KiB objects; the number is printed for reference and
    // only loosely checked (without tcp_nodelay RGW takes ~45 ms a request).
    const payload = 'x'.repeat(1024);
    const n = 50;
    const timings: Record<string, number[]> = { put: [], get: [], head: [], delete: [] };
    const time = async (op: string, fn: () => Promise<unknown>) => {
      const t0 = performance.now();
      await fn();
      timings[op]!.push(performance.now() - t0);
    };
    for (let i = 0; i < n; i++) {
      const k = `${prefix}latency/${i}`;
      await time('put', () => client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: k, Body: payload })));
      await time('get', async () => {
        const r = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: k }));
        await r.Body!.transformToString();
      });
      await time('head', () => client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: k })));
      await time('delete', () => client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: k })));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const summary = Object.fromEntries(
      Object.entries(timings).map(([op, xs]) => [op, `median ${median(xs).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`]),
    );
    console.log(`S3 latency over ${n} rounds (1 KiB):`, summary);
    for (const xs of Object.values(timings)) expect(median(xs)).toBeLessThan(40);
  });
});
