/**
 * Vitest globalSetup: one real S3 server (Ceph RADOS Gateway) for the whole run.
 *
 * Tests read the connection with `inject('s3')` and build clients with
 * `s3ClientConfig()` from ./s3-server.ts:
 *
 *   const s3 = inject('s3');
 *   const client = new S3Client(s3ClientConfig(s3));
 *   await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: 'k', Body: 'v' }));
 *
 * Set OPSGRAPH_TEST_S3_ENDPOINT (plus OPSGRAPH_TEST_S3_ACCESS_KEY_ID,
 * OPSGRAPH_TEST_S3_SECRET_ACCESS_KEY, OPSGRAPH_TEST_S3_REGION,
 * OPSGRAPH_TEST_S3_BUCKET when they differ from the defaults) to use a running
 * server instead of starting one, e.g. a long-lived `rgw.sh start` while iterating.
 * OPSGRAPH_TEST_S3_VERBOSE=1 prints how long the server took to start.
 */
import { createRequire } from 'node:module';
import type { TestProject } from 'vitest/node';
import {
  DEFAULT_ACCESS_KEY_ID,
  DEFAULT_REGION,
  DEFAULT_SECRET_ACCESS_KEY,
  s3ClientConfig,
  startS3Server,
  type S3Credentials,
} from './s3-server.ts';

export interface S3TestContext extends S3Credentials {
  /** A bucket that exists for the whole run (shared: use distinct keys per test). */
  bucket: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    s3: S3TestContext;
  }
}

export const DEFAULT_BUCKET = 'opsgraph-test';

// Vitest evaluates global setup files (and their ESM imports) through its module
// runner, which turns `import '@aws-sdk/client-s3'` into ~4 s of transforming
// hundreds of files. Node's own require loads the SDK's CJS build in ~0.1 s.
const { CreateBucketCommand, S3Client } = createRequire(import.meta.url)(
  '@aws-sdk/client-s3',
) as typeof import('@aws-sdk/client-s3');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.OPSGRAPH_TEST_S3_ENDPOINT;
  const server = external
    ? undefined
    : await startS3Server({
        accessKeyId: process.env.OPSGRAPH_TEST_S3_ACCESS_KEY_ID,
        secretAccessKey: process.env.OPSGRAPH_TEST_S3_SECRET_ACCESS_KEY,
        region: process.env.OPSGRAPH_TEST_S3_REGION,
      });
  const credentials: S3Credentials = server ?? {
    endpoint: external!,
    accessKeyId: process.env.OPSGRAPH_TEST_S3_ACCESS_KEY_ID ?? DEFAULT_ACCESS_KEY_ID,
    secretAccessKey: process.env.OPSGRAPH_TEST_S3_SECRET_ACCESS_KEY ?? DEFAULT_SECRET_ACCESS_KEY,
    region: process.env.OPSGRAPH_TEST_S3_REGION ?? DEFAULT_REGION,
  };
  const bucket = process.env.OPSGRAPH_TEST_S3_BUCKET ?? DEFAULT_BUCKET;
  if (server && process.env.OPSGRAPH_TEST_S3_VERBOSE) console.log(server.startupReport);

  try {
    const client = new S3Client(s3ClientConfig(credentials));
    try {
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
    } catch (error) {
      // An external server may already have it (ours from a previous run, say).
      const name = (error as { name?: string }).name;
      if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error;
    } finally {
      client.destroy();
    }
  } catch (error) {
    await server?.stop();
    throw error;
  }

  const { endpoint, accessKeyId, secretAccessKey, region } = credentials;
  project.provide('s3', { endpoint, accessKeyId, secretAccessKey, region, bucket });

  return async () => {
    await server?.stop();
  };
}
