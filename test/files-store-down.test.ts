// The object store is unreachable (an S3 endpoint nothing listens on): uploads get a typed
// StorageError, no row is written, and the gateway stays healthy and keeps answering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateUseCaseDocument, UploadFileDocument, UseCaseFilesDocument } from './generated/graphql.ts';
import { multipartRequest, rawId } from './support/files.ts';
import { freePort } from './support/s3-server.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let t: TestServer;
beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = 'nobody';
  process.env.AWS_SECRET_ACCESS_KEY = 'nothing';
  t = await startTestServer({ BLOB_STORE: 's3', S3_BUCKET: 'gone', S3_ENDPOINT: `http://127.0.0.1:${await freePort()}` });
});
afterAll(() => t?.close());

describe('store down', () => {
  it('uploadFile answers StorageError, writes no row, and the server stays healthy', async () => {
    const r = await t.client('editor').request(CreateUseCaseDocument, { input: { name: 'down', teamEmail: 'ml@example.com' } });
    if (r.createUseCase.__typename !== 'CreateUseCasePayload') throw new Error(JSON.stringify(r));
    const uc = r.createUseCase.useCase;
    const started = Date.now();
    const { status, body } = await multipartRequest(t.url, t.keys.editor, UploadFileDocument, { input: { ownerId: uc.id, fileType: 'CONFIG', file: null as never } }, [
      { path: 'variables.input.file', filename: 'c.yaml', body: 'a: 1\n'.repeat(1000) },
    ]);
    expect(status).toBe(200);
    expect(body.data?.uploadFile).toMatchObject({ __typename: 'StorageError', code: 'STORAGE_UNAVAILABLE' });
    expect((body.data?.uploadFile as { message: string }).message).toMatch(/object store unavailable/);
    expect(Date.now() - started).toBeLessThan(20_000); // retries with backoff, then a clear answer — no hang
    expect(await t.server.services.db.reader.storedFile.count({ where: { useCaseId: rawId(uc.id) } })).toBe(0);

    const health = await fetch(t.url.replace('/graphql', '/healthz'));
    expect(health.status).toBe(200);
    const ready = await fetch(t.url.replace('/graphql', '/readyz'));
    expect(ready.status).toBe(503);
    expect((await ready.json()).checks.blobStore).toMatch(/unavailable/);
    const view = await t.client('viewer').request(UseCaseFilesDocument, { id: uc.id });
    expect(view.useCase?.files.totalCount).toBe(0);
  });
});
