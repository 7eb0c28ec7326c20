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
import type { Busboy } from '@fastify/busboy';
import type { Services } from '../commands/command-context.ts';
import { ValidationError } from '../errors.ts';
import { refuseAndDrain } from '../http/request-body.ts';
import { sendGraphQLError } from '../http/respond.ts';
import { parseMap, setVariable } from './multipart-map.ts';

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

/** Early refusals: the client gets the answer even while it is still sending (no reset). */
function refuse(req: http.IncomingMessage, res: http.ServerResponse, status: number, message: string): void {
  if (res.headersSent) return void res.end();
  refuseAndDrain(req, () => sendGraphQLError(res, status, status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', message));
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
  // The file may be up to MAX_UPLOAD_BYTES; the rest of the body (operations, map, part
  // headers) gets 1 MiB of room. The message names the limit the operator configured.
  const length = Number(req.headers['content-length'] ?? Number.NaN);
  if (length > limits.maxUploadBytes + 1024 * 1024) {
    return refuse(req, res, 413, `request body is ${length} bytes; the upload limit (MAX_UPLOAD_BYTES) is ${limits.maxUploadBytes} bytes`);
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
  // busboy (~7 MB of modules with its dependencies) loads with the first upload, not at start.
  const { Busboy: BusboyParser } = await import('@fastify/busboy');

  const done = new Promise<void>((resolve) => {
    let bb: InstanceType<typeof Busboy>;
    try {
      bb = new BusboyParser({ headers: req.headers as never, limits: { fieldSize: limits.maxRequestBytes, files: 20, fields: 10 } });
    } catch (err) {
      failure = (err as Error).message;
      return resolve();
    }
    bb.on('field', (name: string, value: string) => {
      if (started || failure) return;
      try {
        if (name === 'operations') {
          const parsed: unknown = JSON.parse(value);
          if (parsed === null || typeof parsed !== 'object') throw new Error('"operations" must be a JSON object (or a batch array)');
          operations = parsed as Record<string, unknown>;
        } else if (name === 'map') {
          if (!operations) throw new Error('the "operations" field must come before "map"');
          // Every path is checked before any is written (multipart-map.ts).
          for (const [field, paths] of parseMap(operations, value)) {
            for (const p of paths) {
              const token = crypto.randomUUID();
              let entry!: Pending;
              const promise = new Promise<IncomingUpload>((res2, rej2) => (entry = { promise: undefined as never, resolve: res2, reject: rej2 }));
              promise.catch(() => undefined); // a file nobody asked for must not be an unhandled rejection
              entry.promise = promise;
              pending.set(token, entry);
              mine.set(token, entry);
              tokens.set(field, [...(tokens.get(field) ?? []), token]);
              setVariable(operations, p, `${TOKEN_PREFIX}${token}`);
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
      // busboy emits "Part terminated early" on a part cut off by the end of the body. A
      // stream without an error listener would take the process down with it; here the error
      // fails this part's upload (the relay) and so this request only.
      let relay: PassThrough | undefined;
      stream.on('error', (err: Error) => {
        relay?.destroy(new ValidationError('file', `the upload is incomplete: ${err.message}`));
      });
      const list = tokens.get(name);
      if (!list?.length) return void stream.resume();
      // One part may be mapped to several variables; only the first gets the bytes.
      for (const [i, token] of list.entries()) {
        const entry = mine.get(token)!;
        if (i === 0) {
          // The resolver reads a relay: if it stops early (size cap, store down), the part is
          // drained instead of stalling busboy, so the request still ends and gets its answer.
          relay = new PassThrough();
          // Whoever reads the relay sees its error; this listener covers a relay nobody reads.
          relay.on('error', () => undefined);
          stream.pipe(relay);
          relay.on('close', () => {
            if (!stream.readableEnded) {
              stream.unpipe(relay);
              stream.resume();
            }
          });
          const mineRelay = relay;
          relays.push(relay);
          entry.resolve({ filename: filename || 'upload', contentType: mimeType || 'application/octet-stream', stream: mineRelay });
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
      for (const relay of relays) if (!relay.writableEnded) relay.destroy(new ValidationError('file', 'the client disconnected during the upload'));
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
  if (!started) return refuse(req, res, 400, failure ?? 'invalid multipart request: "operations" and "map" fields are required');
  try {
    await started;
  } catch (err) {
    services.logger.error({ err }, 'multipart upload: the GraphQL request failed');
    if (!res.headersSent) sendGraphQLError(res, 502, 'BAD_GATEWAY', 'the upload could not be processed');
    else res.destroy();
  } finally {
    for (const token of mine.keys()) pending.delete(token);
    // Parts nobody read (the mutation failed first): drain them so the request can finish.
    for (const relay of relays) if (!relay.destroyed) relay.resume();
    req.resume();
  }
}
