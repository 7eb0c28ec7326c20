// HTTP routes the storage part serves (the server lists them; nothing here knows the server):
// - the fs store's signed URLs: GET streams an object, PUT stores one. A PUT answers as an S3
//   presigned PUT does: a Content-Length other than the signed one fails the signature (403),
//   none at all is 411, a body whose SHA-256 differs from the signed one is 400 BadDigest;
//   nothing is kept in any of these cases;
// - GraphQL multipart requests, streamed to the store instead of buffered (multipart-upload.ts).
import type http from 'node:http';
import type { Services } from '../commands/command-context.ts';
import type { RouteHandler } from '../http/respond.ts';
import { DigestMismatchError, ObjectNotFoundError, ObjectTooLargeError } from './blob-store.ts';
import { FsBlobStore } from './fs-blob-store.ts';
import { handleMultipartGraphQL } from './multipart-upload.ts';
import { BLOB_ROUTE_PREFIX, parseSignedUrl, verify } from './url-signing.ts';


function reply(res: http.ServerResponse, status: number, message: string): true {
  const body = JSON.stringify({ error: message });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
  return true;
}

async function storageRoute(req: http.IncomingMessage, res: http.ServerResponse, services: Services): Promise<boolean> {
  const store = services.blobs;
  if (store instanceof FsBlobStore && !store.origin) {
    // Without PUBLIC_URL, signed URLs point at the address this server actually listens on
    // (from the socket, not the client-supplied Host header, which anyone can forge).
    const host = req.socket.localAddress ?? '127.0.0.1';
    store.origin = `http://${host.includes(':') ? `[${host}]` : host}:${req.socket.localPort}`;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/graphql' && req.method === 'POST' && (req.headers['content-type'] ?? '').startsWith('multipart/')) {
    await handleMultipartGraphQL(req, res, services);
    return true;
  }
  if (!url.pathname.startsWith(BLOB_ROUTE_PREFIX) || !(store instanceof FsBlobStore)) return false;
  return serveSigned(req, res, store, url);
}

export const storageRoutes: RouteHandler[] = [storageRoute];

async function serveSigned(req: http.IncomingMessage, res: http.ServerResponse, store: FsBlobStore, url: URL): Promise<true> {
  req.on('error', () => undefined);
  const parsed = parseSignedUrl(url);
  if (!parsed || parsed.fields.method !== req.method) {
    req.resume();
    return reply(res, 403, 'not a valid signed URL for this method');
  }
  const verdict = verify(store.signingSecret, parsed.fields, parsed.signature);
  if (verdict !== 'ok') {
    req.resume();
    return reply(res, 403, verdict === 'expired' ? 'this URL has expired' : 'signature does not match');
  }
  const { key, length, sha256 } = parsed.fields;
  if (req.method === 'PUT') {
    const declared = req.headers['content-length'];
    if (length !== undefined && declared === undefined) {
      req.resume();
      return reply(res, 411, `a Content-Length of ${length} bytes is required`);
    }
    if (length !== undefined && Number(declared) !== length) {
      req.resume();
      return reply(res, 403, `signature does not match: this URL is signed for a ${length}-byte body, not ${declared}`);
    }
    try {
      const stored = await store.put(key, req, { maxBytes: length, contentType: req.headers['content-type'], expectedSha256: sha256 });
      if (length !== undefined && stored.size !== length) {
        await store.delete(key);
        return reply(res, 400, `expected ${length} bytes, received ${stored.size}`);
      }
      res.writeHead(200, { 'x-checksum-sha256': stored.checksumSha256, 'content-length': 0 });
      res.end();
      return true;
    } catch (err) {
      req.resume();
      if (err instanceof ObjectTooLargeError) return reply(res, 413, err.message);
      if (err instanceof DigestMismatchError) return reply(res, 400, `BadDigest: ${err.message}`);
      throw err;
    }
  }
  const head = await store.head(key);
  if (!head) return reply(res, 404, 'no such object');
  try {
    const body = await store.get(key);
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': head.size });
    body.pipe(res);
    body.on('error', () => res.destroy());
  } catch (err) {
    if (err instanceof ObjectNotFoundError) return reply(res, 404, 'no such object');
    throw err;
  }
  return true;
}
