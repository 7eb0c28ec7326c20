// A 200 MB upload through the GraphQL multipart request, on the fs store and on RGW. The
// server runs in this process, so the process's RSS is the server's memory (plus the test's
// lazily generated body): its growth must stay far below the upload's size, which proves the
// body is streamed to the store rather than buffered (Yoga's own parser would hold it all).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CreateUseCaseDocument, UploadFileDocument } from './generated/graphql.ts';
import { generatedBytes, multipartRequest, s3ServerEnv } from './support/files.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const MB = 1024 * 1024;
const SIZE_MB = 200;
/** Generous (seen: 25–80 MB, GC timing varies): buffers, S3 parts in flight (2 × 8 MB) and their copies, allocator slack. Buffering would be ≥ 200 MB. */
const MAX_RSS_GROWTH = 150 * MB;

const backends: Array<[string, () => Record<string, string>]> = [
  ['fs', () => ({ BLOB_STORE: 'fs' })],
  ['s3 (RGW)', () => s3ServerEnv(inject('s3'))],
];

describe.each(backends)('200 MB upload on %s', (_name, env) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(env());
  });
  afterAll(() => t?.close());

  it('streams it with bounded memory and the right checksum', { timeout: 240_000 }, async () => {
    const r = await t.client('editor').request(CreateUseCaseDocument, { input: { name: 'large', teamEmail: 'ml@example.com' } });
    if (r.createUseCase.__typename !== 'CreateUseCasePayload') throw new Error(JSON.stringify(r));
    const ownerId = r.createUseCase.useCase.id;
    const send = (body: ReturnType<typeof generatedBytes>) =>
      multipartRequest(t.url, t.keys.editor, UploadFileDocument, { input: { ownerId, fileType: 'DATASET', file: null as never } }, [
        { path: 'variables.input.file', filename: 'big.bin', body: body.chunks },
      ]);
    // Warm up code paths and connection pools so the baseline is not the first-use cost.
    await send(generatedBytes(4, MB, 2));

    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const body = generatedBytes(SIZE_MB, MB);
    try {
      const { body: res } = await send(body);
      const payload = res.data?.uploadFile;
      if (payload?.__typename !== 'UploadFilePayload') throw new Error(JSON.stringify(res));
      expect(payload.file.size).toBe(SIZE_MB * MB);
      expect(payload.file.checksumSha256).toBe(body.sha256());
      expect((await t.server.services.blobs.head(payload.file.key))?.size).toBe(SIZE_MB * MB);
    } finally {
      clearInterval(sampler);
    }
    const growth = peak - baseline;
    console.log(`RSS growth during a ${SIZE_MB} MB upload: ${(growth / MB).toFixed(1)} MB`);
    expect(growth).toBeLessThan(MAX_RSS_GROWTH);
  });
});
