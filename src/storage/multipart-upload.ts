// Streams GraphQL multipart requests (https://github.com/jaydenseric/graphql-multipart-request-spec)
// instead of letting Yoga parse them: @whatwg-node's formData() collects every file part into
// memory chunks before execution starts (node-fetch/cjs/Body.js), so a 1 GB upload would cost
// 1 GB of RAM. Here busboy parses the request as it arrives; each file in the `map` becomes an
// opaque token ("upload:<uuid>") in the operation's variables, the operation runs through the
// gateway's normal GraphQL path (a loopback JSON request, so auth, limits, masking and
// logging all stay the same), and the resolver turns the token back into the live file
// stream with `openUpload()` and pipes it to the blob store. Memory stays at a few buffers.
import crypto from 'node:crypto';
import http from 'node:http';
import { PassThrough, Readable } from 'node:stream';
import { Busboy } from '@fastify/busboy';
import type { Services } from '../commands/command-context.ts';
import { ValidationError } from '../errors.ts';

export interface IncomingUpload {
  filename: string;
  contentType: string;
  stream: Readable;
}

interface Pending {
  promise: Promise<IncomingUpload>;
  resolve(upload: IncomingUpload): void;
  reject(err: Error): void;
}

const TOKEN_PREFIX = 'upload:';
/** Files of requests being parsed right now, by token. Each is taken at most once. */
const pending = new Map<string, Pending>();

/** The file behind an `File` argument: a streamed upload token, or a WHATWG File. */
export async function openUpload(value: unknown, field = 'file'): Promise<IncomingUpload> {
  if (typeof value === 'string' && value.startsWith(TOKEN_PREFIX)) {
    const entry = pending.get(value.slice(TOKEN_PREFIX.length));
    if (!entry) throw new ValidationError(field, 'this upload is not part of the current request (or was already used)');
    pending.delete(value.slice(TOKEN_PREFIX.length));
    return entry.promise;
  }
  if (value instanceof Blob) {
    const name = (value as File).name ?? 'upload';
    return { filename: name, contentType: value.type || 'application/octet-stream', stream: Readable.fromWeb(value.stream() as never) };
  }
  throw new ValidationError(field, 'send the file with the GraphQL multipart request');
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node: Record<string, unknown> = target;
  for (const p of parts.slice(0, -1)) {
    if (node === null || typeof node !== 'object' || !(p in node)) throw new Error(`map path "${dotted}" does not exist in operations`);
    node = node[p] as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
}

function sendJson(res: http.ServerResponse, status: number, message: string): void {
  if (res.headersSent) return void res.end();
  const body = JSON.stringify({ errors: [{ message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } }] });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close' });
  res.end(body);
}

/** Runs `operations` as a JSON request against this same server, and relays the answer. */
function loopback(req: http.IncomingMessage, res: http.ServerResponse, operations: unknown): Promise<void> {
  const body = JSON.stringify(operations);
  const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
  for (const h of ['authorization', 'accept', 'x-request-id']) if (req.headers[h]) headers[h] = req.headers[h];
  return new Promise((resolve, reject) => {
    const inner = http.request(
      { host: req.socket.localAddress, port: req.socket.localPort, path: req.url, method: 'POST', headers, agent: false },
      (answer) => {
        const { 'content-length': _len, connection: _conn, 'transfer-encoding': _te, ...rest } = answer.headers;
        res.writeHead(answer.statusCode ?? 500, rest);
        answer.pipe(res);
        answer.on('end', resolve);
        answer.on('error', reject);
      },
    );
    inner.on('error', reject);
    inner.end(body);
  });
}

/** Handles a multipart POST to the GraphQL path; always answers. */
export async function handleMultipartGraphQL(req: http.IncomingMessage, res: http.ServerResponse, services: Services): Promise<void> {
  const { limits } = services.config;
  const cap = limits.maxUploadBytes + 1024 * 1024;
  const length = Number(req.headers['content-length'] ?? Number.NaN);
  if (length > cap) {
    req.resume();
    return sendJson(res, 413, `request body is ${length} bytes; the limit is ${cap}`);
  }
  const tokens = new Map<string, string[]>(); // multipart field name → tokens (one per map path)
  // This request's files by token. The global `pending` loses an entry as soon as its
  // resolver takes it, which may be before the part arrives; this map keeps it until then.
  const mine = new Map<string, Pending>();
  const relays: PassThrough[] = [];
  let operations: Record<string, unknown> | undefined;
  let started: Promise<void> | undefined;
  let failure: string | undefined;
  // Settles when the operation starts or the body ends without one: the files cannot all be
  // read until the operation runs, so waiting for the body first would deadlock.
  let signal!: () => void;
  const startedOrEnded = new Promise<void>((r) => (signal = r));

  const done = new Promise<void>((resolve) => {
    let bb: InstanceType<typeof Busboy>;
    try {
      bb = new Busboy({ headers: req.headers as never, limits: { fieldSize: limits.maxRequestBytes, files: 20, fields: 10 } });
    } catch (err) {
      failure = (err as Error).message;
      return resolve();
    }
    bb.on('field', (name: string, value: string) => {
      if (started || failure) return;
      try {
        if (name === 'operations') operations = JSON.parse(value);
        else if (name === 'map') {
          if (!operations) throw new Error('the "operations" field must come before "map"');
          const map = JSON.parse(value) as Record<string, string[]>;
          for (const [field, paths] of Object.entries(map)) {
            for (const p of paths) {
              const token = crypto.randomUUID();
              let entry!: Pending;
              const promise = new Promise<IncomingUpload>((res2, rej2) => (entry = { promise: undefined as never, resolve: res2, reject: rej2 }));
              promise.catch(() => undefined); // a file nobody asked for must not be an unhandled rejection
              entry.promise = promise;
              pending.set(token, entry);
              mine.set(token, entry);
              tokens.set(field, [...(tokens.get(field) ?? []), token]);
              setPath(operations, p, `${TOKEN_PREFIX}${token}`);
            }
          }
          // Files follow; execution starts now and resolvers wait for their file's part.
          started = loopback(req, res, operations);
          signal();
        }
      } catch (err) {
        failure = `invalid multipart request: ${(err as Error).message}`;
      }
    });
    bb.on('file', (name: string, stream: Readable, filename: string, _enc: string, mimeType: string) => {
      const list = tokens.get(name);
      if (!list?.length) return void stream.resume();
      // One part may be mapped to several variables; only the first gets the bytes.
      for (const [i, token] of list.entries()) {
        const entry = mine.get(token)!;
        if (i === 0) {
          // The resolver reads a relay: if it stops early (size cap, store down), the part is
          // drained instead of stalling busboy, so the request still ends and gets its answer.
          const relay = new PassThrough();
          stream.pipe(relay);
          relay.on('close', () => {
            if (!stream.readableEnded) {
              stream.unpipe(relay);
              stream.resume();
            }
          });
          relays.push(relay);
          entry.resolve({ filename: filename || 'upload', contentType: mimeType || 'application/octet-stream', stream: relay });
        } else entry.reject(new ValidationError('file', 'the same file part is mapped twice'));
      }
      tokens.delete(name);
    });
    bb.on('finish', resolve);
    bb.on('error', (err: Error) => {
      failure ??= `invalid multipart request: ${err.message}`;
      resolve();
    });
    req.on('error', () => resolve());
    // A client that disconnects mid-file must fail the upload (and so remove the partial
    // object), not leave the store waiting for bytes that will never come.
    req.on('close', () => {
      if (req.complete) return;
      for (const relay of relays) if (!relay.writableEnded) relay.destroy(new Error('the client disconnected during the upload'));
      resolve();
    });
    req.pipe(bb);
  });

  // Parts that never arrived make their resolvers fail instead of wait forever.
  void done.then(() => {
    for (const entry of mine.values()) entry.reject(new ValidationError('file', 'the request ended before this file arrived'));
  });

  void done.then(signal);
  await startedOrEnded;
  if (!started) {
    req.resume();
    return sendJson(res, 400, failure ?? 'invalid multipart request: "operations" and "map" fields are required');
  }
  try {
    await started;
  } catch (err) {
    services.logger.error({ err }, 'multipart upload: the GraphQL request failed');
    if (!res.headersSent) sendJson(res, 502, 'the upload could not be processed');
    else res.destroy();
  } finally {
    for (const token of mine.keys()) pending.delete(token);
    // Parts nobody read (the mutation failed first): drain them so the request can finish.
    for (const relay of relays) if (!relay.destroyed) relay.resume();
    req.resume();
  }
}
