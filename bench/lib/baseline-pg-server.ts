// The hand-written write baseline on PostgreSQL (issue 16, "writes/s on PostgreSQL against a
// raw pg baseline doing the same two INSERTs"): plain `node:http` and a `pg` pool of the
// gateway writer's size, answering createUseCase with the same JSON as the gateway.
//
// Fairness rules, as in baseline-server.ts: it parses the body, checks the API key (SHA-256
// lookup in ApiKey, cached 5 s), validates the input, and writes the use case row and its
// activity entry in ONE transaction (BEGIN, 2 INSERTs, COMMIT on one pooled connection, named
// prepared statements). It does not pay for anything the gateway's design adds (webhook
// lookup, commit-ordered activity sequence): that cost belongs in the ratio.
//
// Run as a child process: DATABASE_URL, PORT, POOL (default 4) in the env.
// Route: POST /create-use-case. GET /readyz answers 200 once the pool has connected.
import crypto from 'node:crypto';
import http from 'node:http';
import pg from 'pg';

const url = process.env.DATABASE_URL;
const port = Number(process.env.PORT);
if (!url || !port) throw new Error('DATABASE_URL and PORT are required');
const pool = new pg.Pool({ connectionString: url, max: Number(process.env.POOL ?? 4) });
pool.on('error', () => {});

const encodeId = (type: string, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

const keyCache = new Map<string, { actor: { name: string; role: string } | null; until: number }>();
async function authenticate(header: string | undefined): Promise<{ name: string; role: string } | null> {
  const m = header ? /^\s*Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!m) return null;
  const hash = crypto.createHash('sha256').update(m[1]!).digest('hex');
  const now = Date.now();
  const cached = keyCache.get(hash);
  if (cached && cached.until > now) return cached.actor;
  const { rows } = await pool.query<{ name: string; role: string; revokedAt: Date | null }>({
    name: 'key',
    text: 'SELECT name, role, "revokedAt" FROM "ApiKey" WHERE hash = $1',
    values: [hash],
  });
  const row = rows[0];
  const actor = row && !row.revokedAt ? { name: row.name, role: row.role } : null;
  keyCache.set(hash, { actor, until: now + 5000 });
  return actor;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

async function createUseCase(input: { name?: unknown; teamEmail?: unknown; description?: unknown } | undefined, actor: string) {
  const name = typeof input?.name === 'string' ? input.name.trim() : '';
  const teamEmail = typeof input?.teamEmail === 'string' ? input.teamEmail.trim().toLowerCase() : '';
  if (!name || name.length > 200) return { data: { createUseCase: { __typename: 'ValidationError', message: 'name is required' } } };
  if (!EMAIL.test(teamEmail)) return { data: { createUseCase: { __typename: 'ValidationError', message: 'teamEmail is not an email address' } } };
  const description = typeof input?.description === 'string' ? input.description : null;
  const id = crypto.randomUUID();
  const now = new Date();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query({
      name: 'use-case',
      text: `INSERT INTO "UseCase" (id, name, "teamEmail", description, state, version, "createdAt", "updatedAt")
             VALUES ($1, $2, $3, $4, 'TEMPLATE_GENERATION', 1, $5, $5)`,
      values: [id, name, teamEmail, description, now],
    });
    await client.query({
      name: 'activity',
      text: `INSERT INTO "ActivityLogEntry" (id, "subjectType", "subjectId", "activityType", description, details, actor, "createdAt")
             VALUES ($1, 'UseCase', $2, 'use_case_created', $3, $4, $5, $6)`,
      values: [crypto.randomUUID(), id, `Use case "${name}" created`, JSON.stringify({ name, teamEmail, state: 'TEMPLATE_GENERATION' }), actor, now],
    });
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
  return {
    data: { createUseCase: { __typename: 'CreateUseCasePayload', useCase: { id: encodeId('UseCase', id), name, teamEmail, state: 'TEMPLATE_GENERATION', version: 1 } } },
  };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/readyz') {
    pool.query('SELECT 1').then(() => send(res, 200, { ok: true }), () => send(res, 503, { ok: false }));
    return;
  }
  if (req.method !== 'POST') return send(res, 405, { errors: [{ message: 'POST only' }] });
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    (async () => {
      const actor = await authenticate(req.headers.authorization);
      if (!actor) return send(res, 401, { errors: [{ message: 'authentication required' }] });
      const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables?: Record<string, unknown> }) : {};
      if (req.url !== '/create-use-case') return send(res, 404, { errors: [{ message: 'no such route' }] });
      if (actor.role !== 'editor' && actor.role !== 'admin') return send(res, 200, { errors: [{ message: 'not authorized' }] });
      send(res, 200, await createUseCase(body.variables?.input as never, `key:${actor.name}`));
    })().catch((err: Error) => send(res, 500, { errors: [{ message: err.message }] }));
  });
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1');

const stop = () => {
  server.close();
  server.closeAllConnections();
  void pool.end().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
