// Picks the blob store back end from config: fs (default, DATA_DIR/blobs), s3 (S3_BUCKET),
// or memory (development and unit tests).
import type { Config } from '../config.ts';
import type { BlobStore } from './blob-store.ts';
import { FsBlobStore } from './fs-blob-store.ts';
import { MemoryBlobStore } from './memory-blob-store.ts';
import { loadSigningSecret } from './url-signing.ts';

export async function createBlobStore(config: Config): Promise<BlobStore> {
  const b = config.blobs;
  switch (b.kind) {
    case 's3': {
      // Loaded only when used: the AWS SDK is ~0.1 s of the embedded default's start.
      const { S3BlobStore } = await import('./s3-blob-store.ts');
      return new S3BlobStore({ bucket: b.s3.bucket!, endpoint: b.s3.endpoint, region: b.s3.region, forcePathStyle: b.s3.forcePathStyle });
    }
    case 'memory':
      return new MemoryBlobStore();
    case 'fs':
      return new FsBlobStore({
        dir: b.dir,
        signingSecret: loadSigningSecret(b.urlSigningSecret, config.dataDir),
        publicUrl: b.publicUrl,
        fallbackOrigin: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`,
      });
  }
}
