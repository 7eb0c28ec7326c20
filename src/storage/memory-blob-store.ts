// Seed 001's in-memory back end: objects in a Map. For development and unit tests only.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StorageError } from '../errors.ts';
import { assertValidKey, type BlobStore, HashingCounter, ObjectNotFoundError, type HeadResult, type ListPage, type PresignedRequest, type PutOptions, type PutResult } from './blob-store.ts';

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
    assertValidKey(key);
    const counter = new HashingCounter(options.maxBytes);
    const chunks: Buffer[] = [];
    await pipeline(body instanceof Uint8Array ? Readable.from([body]) : body, counter, async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) chunks.push(chunk);
    });
    // Stored only once the whole body arrived: a failed put leaves nothing behind.
    this.#objects.set(key, { bytes: Buffer.concat(chunks), contentType: options.contentType, metadata: { ...options.metadata }, lastModified: new Date() });
    return { key, size: counter.byteCount, checksumSha256: counter.checksumSha256 };
  }

  async get(key: string, range?: { start: number; end?: number }): Promise<Readable> {
    const entry = this.#objects.get(key);
    if (!entry) throw new ObjectNotFoundError(key);
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
