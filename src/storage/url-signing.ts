// HMAC-signed, expiring URLs for the fs store: the gateway itself serves them (see
// storage-routes.ts), so a browser can PUT or GET an object without an API key, the same
// way it would with an S3 presigned URL.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const BLOB_ROUTE_PREFIX = '/blobs/';

export interface SignedFields {
  method: 'GET' | 'PUT';
  key: string;
  /** Unix milliseconds after which the URL is refused. */
  expires: number;
  /** For PUT: the exact body length the signer agreed to. */
  length?: number;
  /** For PUT: the lower-case hex SHA-256 the body must have. */
  sha256?: string;
}

function payload(f: SignedFields): string {
  const parts = [f.method, f.key, String(f.expires), f.length === undefined ? '' : String(f.length)];
  // Appended only when present, so URLs signed without a checksum keep their signature.
  if (f.sha256 !== undefined) parts.push(f.sha256);
  return parts.join('\n');
}

export function sign(secret: string, f: SignedFields): string {
  return crypto.createHmac('sha256', secret).update(payload(f)).digest('base64url');
}

/** Constant-time check of a signature and its expiry. */
export function verify(secret: string, f: SignedFields, signature: string, now = Date.now()): 'ok' | 'expired' | 'bad-signature' {
  const expected = Buffer.from(sign(secret, f));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return 'bad-signature';
  return now > f.expires ? 'expired' : 'ok';
}

export function signedPath(secret: string, f: SignedFields): string {
  const query = new URLSearchParams({ method: f.method, expires: String(f.expires) });
  if (f.length !== undefined) query.set('length', String(f.length));
  if (f.sha256 !== undefined) query.set('sha256', f.sha256);
  query.set('signature', sign(secret, f));
  const encodedKey = f.key.split('/').map(encodeURIComponent).join('/');
  return `${BLOB_ROUTE_PREFIX}${encodedKey}?${query}`;
}

/** Parses what signedPath produced; null when the URL is not shaped like one. */
export function parseSignedUrl(url: URL): { fields: SignedFields; signature: string } | null {
  if (!url.pathname.startsWith(BLOB_ROUTE_PREFIX)) return null;
  const method = url.searchParams.get('method');
  const expires = Number(url.searchParams.get('expires'));
  const signature = url.searchParams.get('signature');
  const lengthText = url.searchParams.get('length');
  const sha256 = url.searchParams.get('sha256') ?? undefined;
  if ((method !== 'GET' && method !== 'PUT') || !Number.isSafeInteger(expires) || !signature) return null;
  let key: string;
  try {
    key = url.pathname.slice(BLOB_ROUTE_PREFIX.length).split('/').map(decodeURIComponent).join('/');
  } catch {
    return null;
  }
  const length = lengthText === null ? undefined : Number(lengthText);
  if (length !== undefined && !Number.isSafeInteger(length)) return null;
  if (sha256 !== undefined && !/^[0-9a-f]{64}$/.test(sha256)) return null;
  return { fields: { method, key, expires, length, sha256 }, signature };
}

/**
 * The configured secret, or one generated on first use into DATA_DIR (mode 0600) so URLs
 * stay valid across restarts without any configuration.
 */
export function loadSigningSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = path.join(dataDir, 'url-signing-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(32).toString('base64url');
  try {
    // 'wx': if another process won the race, read what it wrote instead.
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim();
    throw err;
  }
}
