// S3 and S3-compatible servers (Ceph RGW, MinIO). Settings that matter off AWS:
// - checksums 'WHEN_REQUIRED': the SDK's default streaming CRC32 trailer makes RGW answer
//   411 (and some servers store the chunk framing in the object). We compute SHA-256 ourselves.
// - path-style addressing for custom endpoints (config decides; default on with an endpoint).
// - lib-storage's Upload for bodies of unknown length: parts of `partSize`, at most
//   `queueSize` in flight, so memory stays bounded whatever the object size.
// Timeouts suit a gateway that must answer its own clients: a store that does not answer
// fails the request with a typed StorageError within seconds, never hangs it.
// - connecting: CONNECT_TIMEOUT_MS;
// - metadata calls (head, list, delete): METADATA_TIMEOUT_MS from sending to the answer;
// - transfers (put, get): no total limit (a 5 GB object takes what it takes) but an idle
//   limit, IDLE_TIMEOUT_MS without a byte moving either way (a hung server stops the flow);
// - retries: the SDK's standard strategy (backoff with jitter on throttling, 5xx, network
//   errors and timeouts), `maxAttempts` in all;
// - a circuit breaker (circuit-breaker.ts): after a few outages in a row, calls fail at once
//   for a while instead of each waiting out its timeouts; a later call probes the store.
// - check() (for /readyz) makes one attempt on its own client with a sub-second limit.
import { Readable, pipeline } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { StorageError } from '../errors.ts';
import { CircuitBreaker, type Verdict } from './circuit-breaker.ts';
import { assertValidKey, type BlobStore, HashingCounter, ObjectNotFoundError, type HeadResult, type ListPage, type PresignedRequest, type PresignOptions, type PutOptions, type PutResult } from './blob-store.ts';

export interface S3BlobStoreOptions {
  bucket: string;
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
  /** Explicit credentials (tests); otherwise the AWS default chain (env, profile, IMDS…). */
  credentials?: S3ClientConfig['credentials'];
  maxAttempts?: number;
  partSize?: number;
  /** Outages in a row before the circuit opens, and how long it stays open. */
  circuit?: { threshold: number; coolDownMs: number };
  /** sweepPartial leaves multipart uploads younger than this alone, whatever it is asked (default a day). */
  minMultipartAgeMs?: number;
}

const PART_SIZE = 8 * 1024 * 1024;
const CONNECT_TIMEOUT_MS = 2_000;
const METADATA_TIMEOUT_MS = 3_000;
const IDLE_TIMEOUT_MS = 4_000;
/** /readyz bounds each check at 900 ms; the probe gives up before that. */
const CHECK_TIMEOUT_MS = 750;
const CIRCUIT = { threshold: 3, coolDownMs: 5_000 };
const metadataCall = { requestTimeout: METADATA_TIMEOUT_MS };

export class S3BlobStore implements BlobStore {
  readonly kind = 's3';
  readonly bucket: string;
  readonly client: S3Client;
  /** One attempt, sub-second: only for check(). */
  readonly #probeClient: S3Client;
  readonly #partSize: number;
  readonly circuit: CircuitBreaker;
  readonly #minMultipartAgeMs: number;

  constructor(o: S3BlobStoreOptions) {
    this.bucket = o.bucket;
    this.#minMultipartAgeMs = o.minMultipartAgeMs ?? 24 * 60 * 60 * 1000;
    this.#partSize = o.partSize ?? PART_SIZE;
    const common: S3ClientConfig = {
      region: o.region,
      endpoint: o.endpoint,
      forcePathStyle: o.forcePathStyle,
      credentials: o.credentials,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    };
    this.client = new S3Client({
      ...common,
      retryMode: 'standard',
      maxAttempts: o.maxAttempts ?? 2,
      // Total limits are per call (metadataCall); transfers are bounded by idleness.
      requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, socketTimeout: IDLE_TIMEOUT_MS, throwOnRequestTimeout: true },
    });
    this.#probeClient = new S3Client({
      ...common,
      maxAttempts: 1,
      requestHandler: { connectionTimeout: CHECK_TIMEOUT_MS, requestTimeout: CHECK_TIMEOUT_MS, socketTimeout: CHECK_TIMEOUT_MS, throwOnRequestTimeout: true },
    });
    this.circuit = new CircuitBreaker(o.circuit ?? CIRCUIT);
  }

  /** Runs a call through the circuit breaker; failures become StorageErrors. */
  #guard<T>(fn: () => Promise<T>, classify: (err: unknown) => Verdict = verdictOf): Promise<T> {
    return this.circuit.run(fn, classify);
  }

  destroy(): void {
    this.client.destroy();
    this.#probeClient.destroy();
  }

  async put(key: string, body: Readable | Uint8Array, options: PutOptions = {}): Promise<PutResult> {
    assertValidKey(key);
    const counter = new HashingCounter(options.maxBytes);
    const source = body instanceof Uint8Array ? Readable.from([body]) : body;
    // A failure of the body (too large, client gone) says nothing about the store.
    return this.#guard(() => this.#put(key, source, counter, options), (err) => (counter.errored ? 'neutral' : verdictOf(err)));
  }

  async #put(key: string, source: Readable, counter: HashingCounter, options: PutOptions): Promise<PutResult> {
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
    return this.#guard(async () => {
      try {
        const res = await this.client.send(
          new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end ?? ''}` : undefined }),
          metadataCall, // until the answer starts; the body then streams under the idle limit
        );
        return res.Body as Readable;
      } catch (err) {
        if (status(err) === 404) throw new ObjectNotFoundError(key);
        throw wrap(err, `reading ${key}`);
      }
    });
  }

  async head(key: string): Promise<HeadResult | null> {
    assertValidKey(key);
    return this.#guard(async () => {
      try {
        const res = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }), metadataCall);
        return { key, size: res.ContentLength ?? 0, contentType: res.ContentType, lastModified: res.LastModified, metadata: res.Metadata ?? {} };
      } catch (err) {
        if (status(err) === 404) return null;
        throw wrap(err, `inspecting ${key}`);
      }
    });
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    return this.#guard(async () => {
      try {
        await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }), metadataCall);
      } catch (err) {
        if (status(err) !== 404) throw wrap(err, `deleting ${key}`);
      }
    });
  }

  async list(prefix: string, options: { cursor?: string; limit?: number } = {}): Promise<ListPage> {
    return this.#guard(async () => {
      try {
        const res = await this.client.send(
          new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: options.cursor, MaxKeys: options.limit ?? 1000 }),
          metadataCall,
        );
        return {
          objects: (res.Contents ?? []).map((o) => ({ key: o.Key!, size: o.Size ?? 0, lastModified: o.LastModified })),
          nextCursor: res.IsTruncated ? res.NextContinuationToken : undefined,
        };
      } catch (err) {
        throw wrap(err, `listing ${prefix}`);
      }
    });
  }

  /**
   * A PUT URL signs Content-Length (a body of another length fails the signature, 403) and
   * x-amz-checksum-sha256 as a header the client must send (AWS refuses a body with another
   * SHA-256, 400 BadDigest; Ceph RGW 16 ignores it, so completeUpload hashes again).
   */
  async presign(method: 'GET' | 'PUT', key: string, options: PresignOptions): Promise<PresignedRequest> {
    assertValidKey(key);
    const expiresIn = Math.max(1, Math.round(options.expiresInMs / 1000));
    const checksum = method === 'PUT' && options.checksumSha256 ? Buffer.from(options.checksumSha256, 'hex').toString('base64') : undefined;
    const command =
      method === 'PUT'
        ? new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: options.contentType, ContentLength: options.contentLength, ChecksumSHA256: checksum })
        : new GetObjectCommand({ Bucket: this.bucket, Key: key });
    // Signing is local (no request), so this cannot fail on an unreachable store. Without
    // unhoistableHeaders the presigner would move the checksum into the query string.
    const url = await getSignedUrl(this.client, command, { expiresIn, unhoistableHeaders: new Set(['x-amz-checksum-sha256']) });
    const headers: Record<string, string> = {};
    if (method === 'PUT' && options.contentType) headers['content-type'] = options.contentType;
    if (checksum) headers['x-amz-checksum-sha256'] = checksum;
    return { url, method, headers, expiresAt: new Date(Date.now() + expiresIn * 1000) };
  }

  /**
   * Aborts multipart uploads a crashed put left open (their parts are billed and invisible).
   * A server-side put of a large object may legitimately run for hours, so only uploads
   * initiated more than a day ago go (a bucket lifecycle rule does the same on AWS).
   */
  async sweepPartial(olderThan: Date, prefixes: readonly string[]): Promise<number> {
    const cutoff = Math.min(olderThan.getTime(), Date.now() - this.#minMultipartAgeMs);
    let aborted = 0;
    for (const prefix of prefixes) {
      let keyMarker: string | undefined;
      let uploadIdMarker: string | undefined;
      do {
        const page = await this.#guard(() =>
          this.client.send(new ListMultipartUploadsCommand({ Bucket: this.bucket, Prefix: prefix, KeyMarker: keyMarker, UploadIdMarker: uploadIdMarker }), metadataCall).catch((err) => {
            throw wrap(err, `listing multipart uploads under ${prefix}`);
          }),
        );
        for (const u of page.Uploads ?? []) {
          if (!u.Key || !u.UploadId || !u.Initiated || u.Initiated.getTime() >= cutoff) continue;
          await this.#guard(() =>
            this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: u.Key, UploadId: u.UploadId }), metadataCall).catch((err) => {
              if (status(err) !== 404) throw wrap(err, `aborting the multipart upload of ${u.Key}`);
            }),
          );
          aborted += 1;
        }
        keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
        uploadIdMarker = page.IsTruncated ? page.NextUploadIdMarker : undefined;
      } while (keyMarker);
    }
    return aborted;
  }

  /** One short attempt; while the circuit is open it answers at once (and later probes). */
  async check(): Promise<void> {
    return this.#guard(async () => {
      try {
        await this.#probeClient.send(new HeadBucketCommand({ Bucket: this.bucket }));
      } catch (err) {
        throw wrap(err, `reaching bucket ${this.bucket}`);
      }
    });
  }
}

/** No answer at all (network error, timeout) or a server error is an outage; 4xx is an answer. */
function verdictOf(err: unknown): Verdict {
  if (err instanceof ObjectNotFoundError) return 'answered';
  const cause = err instanceof StorageError ? (err.cause ?? err) : err;
  if (cause instanceof StorageError) return 'neutral'; // ours (a bad key), not the store's
  const code = status(cause);
  return code === undefined || code >= 500 ? 'outage' : 'answered';
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
