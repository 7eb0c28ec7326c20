// The embedded default: objects are files under one folder, the key being the relative
// path. A put streams into a temp file in the same folder tree and renames it into place,
// so a reader never sees a half-written object and a failed put leaves nothing behind.
// Presigned URLs are HMAC-signed paths that the gateway serves (storage-routes.ts).
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StorageError } from '../errors.ts';
import {
  assertValidKey,
  type BlobStore,
  DigestMismatchError,
  HashingCounter,
  ObjectNotFoundError,
  type HeadResult,
  type ListPage,
  type PresignedRequest,
  type PresignOptions,
  type PutOptions,
  type PutResult,
} from './blob-store.ts';
import { signedPath } from './url-signing.ts';

/** Temp files live here (same filesystem as the objects, so rename is atomic); never listed. */
const TMP_DIR = '.tmp';

export interface FsBlobStoreOptions {
  dir: string;
  signingSecret: string;
  /** Where clients reach the gateway, e.g. https://opsgraph.example.com. */
  publicUrl?: string;
  /** Used when no publicUrl is known yet. */
  fallbackOrigin: string;
}

export interface FsPutOptions extends PutOptions {
  /** Refuse (keeping nothing) a body whose SHA-256 differs: the signed-URL PUT's check. */
  expectedSha256?: string;
}

export class FsBlobStore implements BlobStore {
  readonly kind = 'fs';
  readonly bucket: string;
  readonly root: string;
  readonly signingSecret: string;
  /** Set from PUBLIC_URL, else learned from the address the server listens on (storage-routes.ts). */
  origin?: string;
  readonly #fallbackOrigin: string;

  constructor(o: FsBlobStoreOptions) {
    this.root = path.resolve(o.dir);
    this.bucket = path.basename(this.root);
    this.signingSecret = o.signingSecret;
    this.origin = o.publicUrl?.replace(/\/+$/, '');
    this.#fallbackOrigin = o.fallbackOrigin;
  }

  #path(key: string): string {
    assertValidKey(key);
    if (key === TMP_DIR || key.startsWith(`${TMP_DIR}/`)) throw new StorageError(`invalid object key "${key}"`);
    return path.join(this.root, key);
  }

  async put(key: string, body: Readable | Uint8Array, options: FsPutOptions = {}): Promise<PutResult> {
    const target = this.#path(key);
    const tmp = path.join(this.root, TMP_DIR, `${crypto.randomUUID()}.part`);
    const counter = new HashingCounter(options.maxBytes);
    try {
      await fsp.mkdir(path.dirname(tmp), { recursive: true });
      await pipeline(body instanceof Uint8Array ? Readable.from([body]) : body, counter, fs.createWriteStream(tmp, { flags: 'wx' }));
      // Checked before the rename: a reader never sees bytes the signer did not agree to.
      if (options.expectedSha256 !== undefined && counter.checksumSha256 !== options.expectedSha256) {
        throw new DigestMismatchError(options.expectedSha256, counter.checksumSha256);
      }
      await fsp.mkdir(path.dirname(target), { recursive: true });
      await fsp.rename(tmp, target);
    } catch (err) {
      await fsp.rm(tmp, { force: true }).catch(() => undefined);
      throw wrap(err, `writing ${key}`);
    }
    return { key, size: counter.byteCount, checksumSha256: counter.checksumSha256 };
  }

  async get(key: string, range?: { start: number; end?: number }): Promise<Readable> {
    const file = this.#path(key);
    const handle = await fsp.open(file, 'r').catch((err) => {
      throw (err as NodeJS.ErrnoException).code === 'ENOENT' ? new ObjectNotFoundError(key) : wrap(err, `reading ${key}`);
    });
    // The handle keeps the object readable even if it is deleted while streaming.
    return handle.createReadStream({ start: range?.start, end: range?.end, autoClose: true });
  }

  async head(key: string): Promise<HeadResult | null> {
    try {
      const st = await fsp.stat(this.#path(key));
      return st.isFile() ? { key, size: st.size, lastModified: st.mtime, metadata: {} } : null;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw wrap(err, `inspecting ${key}`);
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.#path(key);
    await fsp.rm(file, { force: true }).catch((err) => {
      throw wrap(err, `deleting ${key}`);
    });
    // Leave no empty folders behind, up to (not including) the root.
    for (let dir = path.dirname(file); dir.startsWith(this.root + path.sep); dir = path.dirname(dir)) {
      if (!(await fsp.rmdir(dir).then(() => true, () => false))) break;
    }
  }

  /**
   * Keys in order after `cursor`. Walks the folder under the prefix's directory part: fine
   * for the embedded store's sizes; S3 is the answer for millions of objects.
   */
  async list(prefix: string, options: { cursor?: string; limit?: number } = {}): Promise<ListPage> {
    const limit = options.limit ?? 1000;
    const base = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
    const keys: string[] = [];
    const walk = async (rel: string): Promise<void> => {
      const entries = await fsp.readdir(path.join(this.root, rel), { withFileTypes: true }).catch((err) => {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw wrap(err, `listing ${prefix}`);
      });
      for (const e of entries) {
        const key = rel ? `${rel}/${e.name}` : e.name;
        if (key === TMP_DIR) continue;
        if (e.isDirectory()) await walk(key);
        else if (e.isFile() && key.startsWith(prefix) && (!options.cursor || key > options.cursor)) keys.push(key);
      }
    };
    await walk(base);
    keys.sort();
    const page = keys.slice(0, limit);
    const objects = await Promise.all(
      page.map(async (key) => {
        const st = await fsp.stat(path.join(this.root, key));
        return { key, size: st.size, lastModified: st.mtime };
      }),
    );
    return { objects, nextCursor: keys.length > limit ? page.at(-1) : undefined };
  }

  async presign(method: 'GET' | 'PUT', key: string, options: PresignOptions): Promise<PresignedRequest> {
    this.#path(key);
    const expiresAt = new Date(Date.now() + options.expiresInMs);
    const length = method === 'PUT' ? options.contentLength : undefined;
    const sha256 = method === 'PUT' ? options.checksumSha256 : undefined;
    const url = `${this.origin ?? this.#fallbackOrigin}${signedPath(this.signingSecret, { method, key, expires: expiresAt.getTime(), length, sha256 })}`;
    const headers: Record<string, string> = method === 'PUT' && options.contentType ? { 'content-type': options.contentType } : {};
    return { url, method, headers, expiresAt };
  }

  /**
   * Temp parts a crash left behind (a failed put removes its own), whatever key they were
   * for (`prefixes` is not known from a part's name). Judged by their last write, so a long
   * upload still streaming into its part is never touched.
   */
  async sweepPartial(olderThan: Date, _prefixes: readonly string[] = []): Promise<number> {
    const dir = path.join(this.root, TMP_DIR);
    const names = await fsp.readdir(dir).catch((err) => {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [] as string[];
      throw wrap(err, 'listing temp parts');
    });
    let removed = 0;
    for (const name of names) {
      const file = path.join(dir, name);
      const st = await fsp.stat(file).catch(() => null);
      if (!st || st.mtime >= olderThan) continue;
      await fsp.rm(file, { force: true });
      removed += 1;
    }
    return removed;
  }

  async check(): Promise<void> {
    try {
      await fsp.mkdir(this.root, { recursive: true });
      await fsp.access(this.root, fs.constants.W_OK);
    } catch (err) {
      throw wrap(err, 'opening the blob folder');
    }
  }
}

function wrap(err: unknown, doing: string): Error {
  if (err instanceof StorageError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new StorageError(`${doing}: no such object`, { cause: err });
  return new StorageError(`${doing} failed: ${(err as Error).message}`, { cause: err });
}
