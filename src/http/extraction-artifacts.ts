// GET /extraction-artifacts/<id>?expires=…&signature=… — an extraction artifact, decompressed,
// for a reviewer's browser. Scraped HTML is hostile: it is served with its real content type
// but under `Content-Security-Policy: sandbox` (no scripts, no same-origin access, no forms),
// `X-Content-Type-Options: nosniff` (the browser may not reinterpret it), and never cached.
import type http from 'node:http';
import type { Services } from '../commands/command-context.ts';
import { unpackArtifact } from '../commands/extractions/artifact-content.ts';
import { ARTIFACT_ROUTE_PREFIX, artifactSigningSecret, verifyArtifactUrl } from '../storage/artifact-urls.ts';

export const ARTIFACT_SECURITY_HEADERS = {
  'content-security-policy': "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'",
  'x-content-type-options': 'nosniff',
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'cache-control': 'private, no-store',
} as const;

function reply(res: http.ServerResponse, status: number, message: string): true {
  const body = JSON.stringify({ error: message });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...ARTIFACT_SECURITY_HEADERS });
  res.end(body);
  return true;
}

export async function serveExtractionArtifact(req: http.IncomingMessage, res: http.ServerResponse, services: Services): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith(ARTIFACT_ROUTE_PREFIX)) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, 'only GET');
  const check = verifyArtifactUrl(artifactSigningSecret(services.config), url);
  if (!check.ok) return reply(res, 403, check.reason);
  const row = await services.db.reader.extractionArtifact.findUnique({ where: { id: check.id } });
  if (!row) return reply(res, 404, 'no such artifact');
  const body = await unpackArtifact(row);
  res.writeHead(200, {
    ...ARTIFACT_SECURITY_HEADERS,
    // Checked when stored (src/commands/extractions/artifact-content.ts): a MIME type, no CR/LF.
    'content-type': row.contentType,
    'content-length': body.length,
    'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(row.filename)}`,
    'x-checksum-sha256': row.checksumSha256,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
