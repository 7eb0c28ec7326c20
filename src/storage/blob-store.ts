// One interface over where file contents live: a local folder (the embedded default), S3
// (or an S3-compatible server), or memory (development and unit tests). Back ends are in
// this folder; `createBlobStore(config)` picks one.
import type { Readable } from 'node:stream';

export interface PutResult {
  key: string;
  size: number;
  /** Lower-case hex SHA-256 of the bytes stored, computed while streaming. */
  checksumSha256: string;
  etag?: string;
}

export interface HeadResult {
  key: string;
  size: number;
  contentType?: string;
  lastModified?: Date;
  metadata: Record<string, string>;
}

export interface ListPage {
  objects: Array<{ key: string; size: number; lastModified?: Date }>;
  /** Pass back as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}

export interface PresignedRequest {
  url: string;
  method: 'GET' | 'PUT';
  headers: Record<string, string>;
  expiresAt: Date;
}

export interface PutOptions {
  contentType?: string;
  metadata?: Record<string, string>;
  /** Refuse (and remove what was written) once more than this many bytes arrive. */
  maxBytes?: number;
}

export interface BlobStore {
  /** "fs", "s3" or "memory". */
  readonly kind: string;
  /** The bucket name recorded on StoredFile rows (the folder name for fs). */
  readonly bucket: string;
  put(key: string, body: Readable | Uint8Array, options?: PutOptions): Promise<PutResult>;
  get(key: string, range?: { start: number; end?: number }): Promise<Readable>;
  /** null when the object does not exist. */
  head(key: string): Promise<HeadResult | null>;
  /** Deleting a missing object is not an error. */
  delete(key: string): Promise<void>;
  list(prefix: string, options?: { cursor?: string; limit?: number }): Promise<ListPage>;
  presign(method: 'GET' | 'PUT', key: string, options: { expiresInMs: number; contentType?: string; contentLength?: number }): Promise<PresignedRequest>;
  /** Throws a StorageError when the store cannot be reached (used by /readyz). */
  check(): Promise<void>;
}
