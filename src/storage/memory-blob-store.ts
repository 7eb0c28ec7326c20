// Seed 001's in-memory back end: objects in a Map. For development and unit tests only.
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { StorageError } from '../errors.ts';
import type { BlobStore, HeadResult, ListPage, PresignedRequest, PutOptions, PutResult } from './blob-store.ts';

interface Entry {
  bytes: Buffer;
  contentType?: string;
  metadata: Record<string, string>;
  lastModified: Date;
}

export class MemoryBlobStore implements BlobStore {
  readonly kind = 'memory';
  readonly bucket = 'memory';
  readonly #objects = new Map<string, Entry>();

  async put(key: string, body: Readable | Uint8Array, options: PutOptions = {}): Promise<PutResult> {
    const chunks: Buffer[] = [];
    let size = 0;
    const hash = crypto.createHash('sha256');
    const source = body instanceof Uint8Array ? [body] : body;
    for await (const chunk of source) {
      const buf = Buffer.from(chunk as Uint8Array);
      size += buf.length;
      if (options.maxBytes !== undefined && size > options.maxBytes) {
        throw new StorageError(`object exceeds the ${options.maxBytes}-byte limit`);
      }
      hash.update(buf);
      chunks.push(buf);
    }
    this.#objects.set(key, { bytes: Buffer.concat(chunks), contentType: options.contentType, metadata: { ...options.metadata }, lastModified: new Date() });
    return { key, size, checksumSha256: hash.digest('hex') };
  }

  async get(key: string, range?: { start: number; end?: number }): Promise<Readable> {
    const entry = this.#objects.get(key);
    if (!entry) throw new StorageError(`object ${key} does not exist`);
    const bytes = range ? entry.bytes.subarray(range.start, range.end === undefined ? undefined : range.end + 1) : entry.bytes;
    return Readable.from([bytes]);
  }

  async head(key: string): Promise<HeadResult | null> {
    const entry = this.#objects.get(key);
    if (!entry) return null;
    return { key, size: entry.bytes.length, contentType: entry.contentType, lastModified: entry.lastModified, metadata: entry.metadata };
  }

  async delete(key: string): Promise<void> {
    this.#objects.delete(key);
  }

  async list(prefix: string, options: { cursor?: string; limit?: number } = {}): Promise<ListPage> {
    const limit = options.limit ?? 1000;
    const keys = [...this.#objects.keys()].filter((k) => k.startsWith(prefix) && (!options.cursor || k > options.cursor)).sort();
    const page = keys.slice(0, limit);
    return {
      objects: page.map((key) => ({ key, size: this.#objects.get(key)!.bytes.length, lastModified: this.#objects.get(key)!.lastModified })),
      nextCursor: keys.length > limit ? page.at(-1) : undefined,
    };
  }

  async presign(): Promise<PresignedRequest> {
    throw new StorageError('the memory store cannot issue URLs');
  }

  async check(): Promise<void> {}
}
