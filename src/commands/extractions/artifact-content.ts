// Reads an artifact's upload stream into a gzip buffer with the configured size cap, hashing
// the uncompressed bytes on the way. Done before the write transaction (the bytes arrive
// while the request streams), so the transaction itself only inserts finished rows.
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { ValidationError } from '../../errors.ts';
import { ArtifactTooLargeError } from './errors.ts';

export const ARTIFACT_TYPES = ['HTML', 'CLEANED_HTML', 'VALIDATION_HTML', 'LLM_RESPONSE'] as const;
export type ArtifactType = (typeof ARTIFACT_TYPES)[number];

/** The content type each artifact type is served with when the upload did not say. */
export const DEFAULT_CONTENT_TYPE: Record<ArtifactType, string> = {
  HTML: 'text/html; charset=utf-8',
  CLEANED_HTML: 'text/html; charset=utf-8',
  VALIDATION_HTML: 'text/html; charset=utf-8',
  LLM_RESPONSE: 'application/json',
};

export interface PackedArtifact {
  artifactType: ArtifactType;
  filename: string;
  contentType: string;
  size: number;
  storedSize: number;
  compressed: boolean;
  checksumSha256: string;
  content: Uint8Array<ArrayBuffer>;
}

// A MIME type with optional parameters; anything else (CR/LF, quotes) never reaches a header.
const CONTENT_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+(\s*;\s*[a-z0-9_-]+=[a-z0-9_.-]+)*$/i;

export function checkContentType(field: string, value: string | null | undefined, fallback: string): string {
  const text = (value ?? '').trim();
  if (!text || text === 'application/octet-stream') return fallback;
  if (text.length > 200 || !CONTENT_TYPE.test(text)) throw new ValidationError(field, `"${text.slice(0, 60)}" is not a content type`);
  return text;
}

export function checkArtifactFilename(field: string, value: string): string {
  const name = value.trim().replace(/^.*[\\/]/, '');
  if (!name || name.length > 255 || /[\u0000-\u001f"]/.test(name)) throw new ValidationError(field, 'must be a plain file name (no control characters or quotes)');
  return name;
}

export async function packArtifact(
  stream: Readable,
  meta: { artifactType: ArtifactType; filename: string; contentType: string },
  maxBytes: number,
): Promise<PackedArtifact> {
  const hash = crypto.createHash('sha256');
  const raw: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw new ArtifactTooLargeError(meta.filename, maxBytes);
      hash.update(chunk);
      raw.push(chunk);
    }
  } catch (err) {
    if (!stream.destroyed) stream.destroy();
    throw err;
  }
  const bytes = Buffer.concat(raw);
  // Off the event loop: zlib's async gzip runs on the thread pool.
  const gz = await new Promise<Buffer>((resolve, reject) => zlib.gzip(bytes, { level: 6 }, (err, out) => (err ? reject(err) : resolve(out))));
  // Already-compressed content (an image, a zip) is kept as it came: gzip would only grow it.
  const compressed = gz.length < bytes.length;
  const stored = compressed ? gz : bytes;
  return {
    ...meta,
    size,
    storedSize: stored.length,
    compressed,
    checksumSha256: hash.digest('hex'),
    content: new Uint8Array(stored.buffer.slice(stored.byteOffset, stored.byteOffset + stored.length)) as Uint8Array<ArrayBuffer>,
  };
}

/** The artifact's original bytes. */
export function unpackArtifact(row: { content: Uint8Array; compressed: boolean }): Promise<Buffer> {
  const buf = Buffer.from(row.content);
  if (!row.compressed) return Promise.resolve(buf);
  return new Promise((resolve, reject) => zlib.gunzip(buf, (err, out) => (err ? reject(err) : resolve(out))));
}
