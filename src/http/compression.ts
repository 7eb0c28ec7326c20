// Response compression: JSON (GraphQL results, /metrics text) of 1 KiB or more is sent br or
// gzip when the client accepts it. Done on the finished Response in a Yoga onResponse hook —
// the whole body and its headers are known there — with node:zlib's asynchronous calls (the
// work runs on libuv's thread pool, not the event loop).
//
// Why not whatwg-node's own useContentEncoding(): it compresses every response whatever its
// size or type, SSE streams included (CompressionStream holds events back until its buffer
// fills); it sets no `Vary: Accept-Encoding` (a shared cache could hand gzip to a client that
// cannot read it); it takes the first listed encoding verbatim, ignoring q-values and the
// spaces clients send; it has no brotli on Node 20; and it also inflates compressed request
// bodies, which would undo the router's cap on request size (a small gzip bomb passes the cap).
// Why not the `compression` middleware: it patches res.writeHead/write/end and must guess the
// size from a Content-Length that Yoga does not set.
import type http from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

export type Encoding = 'br' | 'gzip';

/** Below this a response is sent as is: the frame overhead outweighs the saving. */
export const COMPRESSION_THRESHOLD = 1024;

/** Types worth compressing. text/event-stream (SSE) and multipart/mixed stream, so they are not in it. */
const COMPRESSIBLE = /^(application\/(json|graphql-response\+json)|text\/(plain|html))\b/;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** The encoding to use for an Accept-Encoding header: br before gzip, q=0 means "not this". */
export function negotiateEncoding(header: string | null | undefined): Encoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    if (name) q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (name: Encoding) => q.get(name) ?? q.get('*') ?? 0;
  const br = weight('br');
  const gz = weight('gzip');
  if (br <= 0 && gz <= 0) return null;
  return br >= gz ? 'br' : 'gzip';
}

/**
 * Compresses a body. `effort: 'static'` (a body compressed once and cached, like GraphiQL's
 * page) spends more time for a smaller result than a per-request one.
 */
export function compressBody(body: Buffer, encoding: Encoding, effort: 'dynamic' | 'static' = 'dynamic'): Promise<Buffer> {
  if (encoding === 'gzip') return gzip(body, { level: 6 });
  return brotli(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: effort === 'static' ? 5 : 4,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
    },
  });
}

/** Adds Accept-Encoding to a Vary header value (compressible responses differ by it, compressed or not). */
export function varyOnEncoding(vary: string | null | undefined): string {
  if (!vary) return 'Accept-Encoding';
  return /(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary) ? vary : `${vary}, Accept-Encoding`;
}

/** Compresses Yoga's responses (GraphQL results over GET and POST). */
export function useResponseCompression(): Plugin {
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      const type = response.headers.get('content-type') ?? '';
      if (!COMPRESSIBLE.test(type) || response.headers.has('content-encoding') || request.method === 'HEAD') return;
      if (response.status === 204 || response.status === 304) return;
      if (/\bno-transform\b/.test(response.headers.get('cache-control') ?? '')) return;
      response.headers.set('vary', varyOnEncoding(response.headers.get('vary')));
      const encoding = negotiateEncoding(request.headers.get('accept-encoding'));
      if (!encoding) return;
      const text = await response.text();
      const init = { status: response.status, statusText: response.statusText, headers: response.headers };
      if (Buffer.byteLength(text) < COMPRESSION_THRESHOLD) {
        setResponse(new fetchAPI.Response(text, init));
        return;
      }
      const headers = new fetchAPI.Headers(response.headers);
      const body = Buffer.from(text);
      const compressed = await compressBody(body, encoding);
      headers.set('content-encoding', encoding);
      headers.set('content-length', String(compressed.length));
      setResponse(new fetchAPI.Response(new Uint8Array(compressed), { status: response.status, statusText: response.statusText, headers }));
    },
  };
}

/** Sends a body the router makes itself (/metrics), compressed when it is large enough and the client accepts it. */
export async function sendCompressible(req: http.IncomingMessage, res: http.ServerResponse, status: number, contentType: string, text: string): Promise<void> {
  const body = Buffer.from(text);
  const encoding = negotiateEncoding(req.headers['accept-encoding']);
  const headers: http.OutgoingHttpHeaders = { 'content-type': contentType, vary: 'Accept-Encoding' };
  if (encoding && body.length >= COMPRESSION_THRESHOLD) {
    const compressed = await compressBody(body, encoding);
    res.writeHead(status, { ...headers, 'content-encoding': encoding, 'content-length': compressed.length });
    res.end(compressed);
    return;
  }
  res.writeHead(status, { ...headers, 'content-length': body.length });
  res.end(body);
}
