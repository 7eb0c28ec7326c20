// Signed, expiring download URLs for extraction artifacts (stored in SQLite, served by
// src/http/extraction-artifacts.ts). Same HMAC scheme and secret as the fs store's URLs, with
// a key namespace of its own, so a blob URL cannot be replayed as an artifact URL.
import type { Config } from '../config.ts';
import { loadSigningSecret, sign, verify } from './url-signing.ts';

export const ARTIFACT_ROUTE_PREFIX = '/extraction-artifacts/';

const secrets = new Map<string, string>();

export function artifactSigningSecret(config: Config): string {
  const key = `${config.blobs.urlSigningSecret ?? ''}\n${config.dataDir}`;
  let secret = secrets.get(key);
  if (!secret) secrets.set(key, (secret = loadSigningSecret(config.blobs.urlSigningSecret, config.dataDir)));
  return secret;
}

const fieldsFor = (id: string, expires: number) => ({ method: 'GET' as const, key: `extraction-artifact/${id}`, expires });

/** The path (and query) of a signed download URL for one artifact. */
export function signedArtifactPath(secret: string, id: string, expires: number): string {
  const query = new URLSearchParams({ expires: String(expires), signature: sign(secret, fieldsFor(id, expires)) });
  return `${ARTIFACT_ROUTE_PREFIX}${encodeURIComponent(id)}?${query}`;
}

/** The artifact id a URL may fetch, or why not. */
export function verifyArtifactUrl(secret: string, url: URL, now = Date.now()): { ok: true; id: string } | { ok: false; reason: string } {
  let id: string;
  try {
    id = decodeURIComponent(url.pathname.slice(ARTIFACT_ROUTE_PREFIX.length));
  } catch {
    return { ok: false, reason: 'not a valid artifact URL' };
  }
  const expires = Number(url.searchParams.get('expires'));
  const signature = url.searchParams.get('signature');
  if (!id || id.includes('/') || !Number.isSafeInteger(expires) || !signature) return { ok: false, reason: 'not a valid artifact URL' };
  const verdict = verify(secret, fieldsFor(id, expires), signature, now);
  if (verdict === 'expired') return { ok: false, reason: 'this URL has expired' };
  if (verdict !== 'ok') return { ok: false, reason: 'signature does not match' };
  return { ok: true, id };
}
