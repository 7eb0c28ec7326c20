// One interface over where file contents live: a local folder (the embedded default), S3
// (or an S3-compatible server), or memory (development and unit tests). Back ends are in
// this folder; `createBlobStore(config)` picks one.
import crypto from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { StorageError } from '../errors.ts';

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

export interface PresignOptions {
  expiresInMs: number;
  contentType?: string;
  contentLength?: number;
  checksumSha256?: string;
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
  /**
   * A URL a client can use without an API key. For PUT, the content length and (lower-case
   * hex) SHA-256 are signed in: the store refuses a body of another length, and one with
   * another checksum where it verifies checksums (fs, AWS S3; Ceph RGW 16 does not, so
   * completeUpload checks again).
   */
  presign(method: 'GET' | 'PUT', key: string, options: PresignOptions): Promise<PresignedRequest>;
  /**
   * Removes what interrupted writes under `prefixes` left behind that is older than
   * `olderThan` (the fs store's temp parts, S3's incomplete multipart uploads); returns how
   * many. Optional: a store whose writes leave nothing behind has none.
   */
  sweepPartial?(olderThan: Date, prefixes: readonly string[]): Promise<number>;
  /** Throws a StorageError when the store cannot be reached (used by /readyz). */
  check(): Promise<void>;
}

/** A put refused because the body passed `maxBytes`; nothing was kept. */
export class ObjectTooLargeError extends StorageError {
  constructor(readonly maxBytes: number) {
    super(`the body exceeds the ${maxBytes}-byte limit`);
    this.name = 'ObjectTooLargeError';
  }
}

/**
 * A pass-through that hashes and counts what flows through it and fails the stream once
 * more than `maxBytes` arrive. Every back end pipes bodies through one, so checksums and
 * the size cap behave the same everywhere, without holding the body in memory.
 */
export class HashingCounter extends Transform {
  // Not `size`: lib-storage reads `Body.size` as the total length of a body.
  byteCount = 0;
  readonly #hash = crypto.createHash('sha256');
  #digest?: string;

  constructor(readonly maxBytes?: number) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null, data?: Buffer) => void): void {
    this.byteCount += chunk.length;
    if (this.maxBytes !== undefined && this.byteCount > this.maxBytes) return done(new ObjectTooLargeError(this.maxBytes));
    this.#hash.update(chunk);
    done(null, chunk);
  }

  /** Lower-case hex SHA-256; call once the stream has ended. */
  get checksumSha256(): string {
    this.#digest ??= this.#hash.digest('hex');
    return this.#digest;
  }
}

/** Object keys are paths a person can read; refuse ones that could escape a folder or confuse S3. */
export function assertValidKey(key: string): void {
  if (!key || key.length > 1024 || key.startsWith('/') || key.split('/').some((p) => p === '' || p === '.' || p === '..') || /[\\\u0000-\u001f]/.test(key)) {
    throw new StorageError(`invalid object key "${key.slice(0, 100)}"`);
  }
}

/** A put whose bytes do not have the SHA-256 the writer was told to expect; nothing was kept. */
export class DigestMismatchError extends StorageError {
  constructor(
    readonly expectedSha256: string,
    readonly actualSha256: string,
  ) {
    super(`the SHA-256 of the body (${actualSha256}) differs from the signed ${expectedSha256}`);
    this.name = 'DigestMismatchError';
  }
}

/** get() of a key that does not exist. */
export class ObjectNotFoundError extends StorageError {
  constructor(readonly key: string) {
    super(`object ${key} does not exist`);
    this.name = 'ObjectNotFoundError';
  }
}
