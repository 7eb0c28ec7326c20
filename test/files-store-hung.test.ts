// The object store hangs: its own RGW, stopped with SIGSTOP, accepts connections and then says
// nothing. Uploads and /readyz must get the server's own answer (typed StorageError, 503)
// instead of waiting on the store; once a few calls have failed the circuit opens and calls
// fail at once; after SIGCONT a probe finds the store again and uploads work.
import fs from 'node:fs';
import path from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateUseCaseDocument, UploadFileDocument } from './generated/graphql.ts';
import { multipartRequest, rawId, s3ServerEnv } from './support/files.ts';
import { s3ClientConfig, type S3Server, startS3Server } from './support/s3-server.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let rgw: S3Server;
let t: TestServer;
let rgwPid = 0;
const bucket = 'hung-store';

beforeAll(async () => {
  rgw = await startS3Server();
  rgwPid = Number(fs.readFileSync(path.join(rgw.dir, 'run', 'rgw.gw.pid'), 'utf8').trim());
  const client = new S3Client(s3ClientConfig(rgw));
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  client.destroy();
  t = await startTestServer(s3ServerEnv({ ...rgw, bucket }));
}, 120_000);
afterAll(async () => {
  if (rgwPid) process.kill(rgwPid, 'SIGCONT');
  await t?.close();
  await rgw?.stop();
});

const readyz = async () => {
  const res = await fetch(t.url.replace('/graphql', '/readyz'));
  return { status: res.status, body: (await res.json()) as { checks: { blobStore: string } } };
};

async function upload(ownerId: string) {
  const { status, body } = await multipartRequest(t.url, t.keys.editor, UploadFileDocument, { input: { ownerId, fileType: 'CONFIG', file: null as never } }, [
    { path: 'variables.input.file', filename: 'c.yaml', body: 'a: 1\n'.repeat(1000) },
  ]);
  expect(status).toBe(200);
  return body.data!.uploadFile as { __typename: string; code?: string; message?: string };
}

describe('a hung object store', () => {
  it('uploads and /readyz get typed answers, the circuit opens, and after SIGCONT the store works again', { timeout: 120_000 }, async () => {
    const r = await t.client('editor').request(CreateUseCaseDocument, { input: { name: 'hung', teamEmail: 'ml@example.com' } });
    if (r.createUseCase.__typename !== 'CreateUseCasePayload') throw new Error(JSON.stringify(r));
    const ownerId = r.createUseCase.useCase.id;
    expect((await upload(ownerId)).__typename).toBe('UploadFilePayload');

    process.kill(rgwPid, 'SIGSTOP');
    try {
      // The first calls wait out their timeouts (idle limit, one retry), then answer.
      expect(await upload(ownerId)).toMatchObject({ __typename: 'StorageError', code: 'STORAGE_UNAVAILABLE', message: expect.stringMatching(/unavailable/) });
      for (let i = 0; i < 2; i++) {
        const ready = await readyz();
        expect(ready.status).toBe(503);
        expect(ready.body.checks.blobStore).toMatch(/unavailable/);
      }
      // Three outages in a row: the circuit is open, and calls fail without touching the store.
      const fast = await upload(ownerId);
      expect(fast).toMatchObject({ __typename: 'StorageError', code: 'STORAGE_UNAVAILABLE', message: expect.stringMatching(/fail fast until/) });
      const ready = await readyz();
      expect(ready.status).toBe(503);
      expect(ready.body.checks.blobStore).toMatch(/fail fast until/);
      expect((await fetch(t.url.replace('/graphql', '/healthz'))).status).toBe(200);
      // Only the upload from before the store hung left a row.
      expect(await t.server.services.db.reader.storedFile.count({ where: { useCaseId: rawId(ownerId) } })).toBe(1);
    } finally {
      process.kill(rgwPid, 'SIGCONT');
    }

    // After the cool-down a probe (here: /readyz) finds the store again and closes the circuit.
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      status = (await readyz()).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(status).toBe(200);
    expect((await upload(ownerId)).__typename).toBe('UploadFilePayload');
  });
});
