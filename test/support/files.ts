// Sends GraphQL multipart requests (the spec Apollo/urql upload clients use) over plain
// node:http, streaming the file part from any (async) iterable so a test can send hundreds
// of megabytes without holding them in memory.
import crypto from 'node:crypto';
import http from 'node:http';
import { Readable } from 'node:stream';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export interface MultipartFile {
  /** Dotted path of the File variable, e.g. "variables.input.file". */
  path: string;
  filename: string;
  contentType?: string;
  body: Buffer | string | AsyncIterable<Buffer> | Iterable<Buffer>;
}

async function* multipartBody(boundary: string, operations: string, files: MultipartFile[]): AsyncGenerator<Buffer> {
  const part = (headers: string) => Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`);
  yield part('Content-Disposition: form-data; name="operations"');
  yield Buffer.from(`${operations}\r\n`);
  const map = Object.fromEntries(files.map((f, i) => [String(i), [f.path]]));
  yield part('Content-Disposition: form-data; name="map"');
  yield Buffer.from(`${JSON.stringify(map)}\r\n`);
  for (const [i, f] of files.entries()) {
    yield part(`Content-Disposition: form-data; name="${i}"; filename="${f.filename}"\r\nContent-Type: ${f.contentType ?? 'application/octet-stream'}`);
    if (typeof f.body === 'string' || Buffer.isBuffer(f.body)) yield Buffer.from(f.body);
    else for await (const chunk of f.body) yield chunk;
    yield Buffer.from('\r\n');
  }
  yield Buffer.from(`--${boundary}--\r\n`);
}

/** POSTs a multipart GraphQL request and returns the parsed JSON answer and status. */
export async function multipartRequest<TData, TVars>(
  url: string,
  apiKey: string,
  document: TypedDocumentNode<TData, TVars>,
  variables: TVars,
  files: MultipartFile[],
): Promise<{ status: number; body: { data?: TData; errors?: Array<{ message: string }> } }> {
  const boundary = `----opsgraph${crypto.randomBytes(8).toString('hex')}`;
  const operations = JSON.stringify({ query: print(document), variables });
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': `multipart/form-data; boundary=${boundary}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
          } catch {
            reject(new Error(`not JSON (HTTP ${res.statusCode}): ${text.slice(0, 500)}`));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    Readable.from(multipartBody(boundary, operations, files)).pipe(req);
  });
}

/** `count` chunks of pseudo-random bytes (deterministic per seed), generated lazily, hashed on the way. */
export function generatedBytes(count: number, chunkSize: number, seed = 1): { chunks: Iterable<Buffer>; sha256(): string; size: number } {
  const hash = crypto.createHash('sha256');
  const base = crypto.createHash('sha512').update(String(seed)).digest();
  const block = Buffer.alloc(chunkSize);
  for (let i = 0; i < chunkSize; i += base.length) base.copy(block, i);
  function* chunks() {
    for (let i = 0; i < count; i++) {
      const chunk = Buffer.from(block);
      chunk.writeUInt32LE(i, 0); // every chunk differs, so a reordered or repeated chunk changes the hash
      hash.update(chunk);
      yield chunk;
    }
  }
  return { chunks: chunks(), sha256: () => hash.digest('hex'), size: count * chunkSize };
}

export const sha256 = (data: Buffer | string) => crypto.createHash('sha256').update(data).digest('hex');

/** Env for startTestServer that points the gateway at the run's RGW (credentials via the AWS default chain). */
export function s3ServerEnv(s3: { endpoint: string; accessKeyId: string; secretAccessKey: string; region: string; bucket: string }): Record<string, string> {
  // The SDK's default credential chain reads the process environment; the server runs in
  // this process, so that is where the keys go.
  process.env.AWS_ACCESS_KEY_ID = s3.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = s3.secretAccessKey;
  return { BLOB_STORE: 's3', S3_BUCKET: s3.bucket, S3_ENDPOINT: s3.endpoint, S3_REGION: s3.region };
}

/** The raw database id inside a global ID (for checking rows and keys directly). */
export const rawId = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':').slice(1).join(':');
