// S3 and S3-compatible servers (Ceph RGW, MinIO). Settings that matter off AWS:
// - checksums 'WHEN_REQUIRED': the SDK's default streaming CRC32 trailer makes RGW answer
//   411 (and some servers store the chunk framing in the object). We compute SHA-256 ourselves.
// - path-style addressing for custom endpoints (config decides; default on with an endpoint).
// - lib-storage's Upload for bodies of unknown length: parts of `partSize`, at most
//   `queueSize` in flight, so memory stays bounded whatever the object size.
// - the SDK's standard retry strategy (exponential backoff with jitter on throttling, 5xx
//   and network errors); anything that still fails becomes a StorageError.
import { Readable, pipeline } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { StorageError } from '../errors.ts';
import { assertValidKey, type BlobStore, HashingCounter, ObjectNotFoundError, type HeadResult, type ListPage, type PresignedRequest, type PutOptions, type PutResult } from './blob-store.ts';

export interface S3BlobStoreOptions {
  bucket: string;
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
  /** Explicit credentials (tests); otherwise the AWS default chain (env, profile, IMDS…). */
  credentials?: S3ClientConfig['credentials'];
  maxAttempts?: number;
  partSize?: number;
}

const PART_SIZE = 8 * 1024 * 1024;

export class S3BlobStore implements BlobStore {
  readonly kind = 's3';
  readonly bucket: string;
  readonly client: S3Client;
  readonly #partSize: number;

  constructor(o: S3BlobStoreOptions) {
    this.bucket = o.bucket;
    this.#partSize = o.partSize ?? PART_SIZE;
    this.client = new S3Client({
      region: o.region,
      endpoint: o.endpoint,
      forcePathStyle: o.forcePathStyle,
      credentials: o.credentials,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      retryMode: 'standard',
      maxAttempts: o.maxAttempts ?? 4,
      // A store that does not answer must fail fast (typed error), not hang a request.
      requestHandler: { connectionTimeout: 3000, requestTimeout: 60_000 },
    });
  }

  async put(key: string, body: Readable | Uint8Array, options: PutOptions = {}): Promise<PutResult> {
    assertValidKey(key);
    const counter = new HashingCounter(options.maxBytes);
    const source = body instanceof Uint8Array ? Readable.from([body]) : body;
    // Errors of either side (too large, client gone) destroy both, which fails the Upload,
    // which then aborts its multipart upload: no partial object is left.
    pipeline(source, counter, () => undefined);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: counter, ContentType: options.contentType, Metadata: options.metadata },
      partSize: this.#partSize,
      queueSize: 2,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (err) {
      if (!source.destroyed) source.destroy();
      if (!counter.destroyed) counter.destroy();
      // A failing body (size cap) surfaces as its own error, not as an S3 one.
      const bodyError = (counter as Readable & { errored?: unknown }).errored;
      throw bodyError instanceof StorageError ? bodyError : wrap(err, `storing ${key}`);
    }
    // RGW returns an empty ETag from CompleteMultipartUpload, so the etag is informational.
    return { key, size: counter.byteCount, checksumSha256: counter.checksumSha256 };
  }

  async get(key: string, range?: { start: number; end?: number }): Promise<Readable> {
    assertValidKey(key);
    try {
      const res = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end ?? ''}` : undefined }),
      );
      return res.Body as Readable;
    } catch (err) {
      if (status(err) === 404) throw new ObjectNotFoundError(key);
      throw wrap(err, `reading ${key}`);
    }
  }

  async head(key: string): Promise<HeadResult | null> {
    assertValidKey(key);
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { key, size: res.ContentLength ?? 0, contentType: res.ContentType, lastModified: res.LastModified, metadata: res.Metadata ?? {} };
    } catch (err) {
      if (status(err) === 404) return null;
      throw wrap(err, `inspecting ${key}`);
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (err) {
      if (status(err) !== 404) throw wrap(err, `deleting ${key}`);
    }
  }

  async list(prefix: string, options: { cursor?: string; limit?: number } = {}): Promise<ListPage> {
    try {
      const res = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: options.cursor, MaxKeys: options.limit ?? 1000 }),
      );
      return {
        objects: (res.Contents ?? []).map((o) => ({ key: o.Key!, size: o.Size ?? 0, lastModified: o.LastModified })),
        nextCursor: res.IsTruncated ? res.NextContinuationToken : undefined,
      };
    } catch (err) {
      throw wrap(err, `listing ${prefix}`);
    }
  }

  async presign(method: 'GET' | 'PUT', key: string, options: { expiresInMs: number; contentType?: string; contentLength?: number }): Promise<PresignedRequest> {
    assertValidKey(key);
    const expiresIn = Math.max(1, Math.round(options.expiresInMs / 1000));
    const command =
      method === 'PUT'
        ? new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: options.contentType })
        : new GetObjectCommand({ Bucket: this.bucket, Key: key });
    // Signing is local (no request), so this cannot fail on an unreachable store.
    const url = await getSignedUrl(this.client, command, { expiresIn });
    const headers: Record<string, string> = method === 'PUT' && options.contentType ? { 'content-type': options.contentType } : {};
    return { url, method, headers, expiresAt: new Date(Date.now() + expiresIn * 1000) };
  }

  async check(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (err) {
      throw wrap(err, `reaching bucket ${this.bucket}`);
    }
  }
}

function status(err: unknown): number | undefined {
  return (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

// RGW's error responses carry no message: name the status and the error's name instead.
function wrap(err: unknown, doing: string): StorageError {
  if (err instanceof StorageError) return err;
  const e = err as Error & { code?: string };
  const detail = status(err) ? `HTTP ${status(err)} ${e.name}` : (e.code ?? e.name ?? 'error');
  return new StorageError(`object store unavailable while ${doing}: ${detail}${e.message && e.message !== e.name ? ` (${e.message})` : ''}`, { cause: err });
}
