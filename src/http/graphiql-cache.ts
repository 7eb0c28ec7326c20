// GraphiQL's page is ~9 MB (its assets are inlined: the gateway runs on air-gapped networks).
// It only changes with the server's version and config, so it is compressed once per encoding
// and then served from memory with an ETag: a browser revalidates (Cache-Control: no-cache)
// and gets 304 with no body while the page is unchanged.
import crypto from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { compressBody, type Encoding, negotiateEncoding, varyOnEncoding } from './compression.ts';

interface Page {
  html: string;
  hash: string;
  encoded: Map<Encoding, Promise<Buffer>>;
}

/** Each encoding is its own representation, with its own tag: "<hash of the page>-br". */
function etagOf(page: Page, encoding: Encoding | null): string {
  return `"${page.hash}${encoding ? `-${encoding}` : ''}"`;
}

/** If-None-Match names this page in any encoding (or `*`); weak comparison, as RFC 9110 asks for GET. */
function matches(ifNoneMatch: string | null, page: Page): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '').replace(/-(br|gzip)"$/, '"') === `"${page.hash}"`;
  });
}

export function useGraphiQLCache(): Plugin {
  let page: Page | null = null;
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      if (request.method !== 'GET' || response.status !== 200 || !(response.headers.get('content-type') ?? '').startsWith('text/html')) return;
      const html = await response.text();
      if (page?.html !== html) {
        page = { html, hash: crypto.createHash('sha256').update(html).digest('base64url').slice(0, 32), encoded: new Map() };
      }
      const encoding = negotiateEncoding(request.headers.get('accept-encoding'));
      const headers = new fetchAPI.Headers(response.headers);
      headers.set('etag', etagOf(page, encoding));
      headers.set('cache-control', 'no-cache');
      headers.set('vary', varyOnEncoding(headers.get('vary')));
      if (matches(request.headers.get('if-none-match'), page)) {
        headers.delete('content-type');
        headers.delete('content-length');
        setResponse(new fetchAPI.Response(null, { status: 304, headers }));
        return;
      }
      if (!encoding) {
        setResponse(new fetchAPI.Response(html, { status: 200, headers }));
        return;
      }
      let body = page.encoded.get(encoding);
      if (!body) {
        body = compressBody(Buffer.from(html), encoding, 'static');
        page.encoded.set(encoding, body);
        body.catch(() => page?.encoded.delete(encoding));
      }
      const bytes = await body;
      headers.set('content-encoding', encoding);
      headers.set('content-length', String(bytes.length));
      setResponse(new fetchAPI.Response(new Uint8Array(bytes), { status: 200, headers }));
    },
  };
}
