// Picks the blob store back end from config. (The fs and s3 back ends land with the files
// issue; until then every kind falls back to memory so the gateway can start.)
import type { Config } from '../config.ts';
import type { BlobStore } from './blob-store.ts';
import { MemoryBlobStore } from './memory-blob-store.ts';

export function createBlobStore(config: Config): BlobStore {
  void config;
  return new MemoryBlobStore();
}
