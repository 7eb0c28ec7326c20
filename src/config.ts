// One typed, validated configuration object, read from the environment once.
// zod gives every bad value a message naming the variable; defaults make a laptop start
// with no configuration at all (SQLite + blob folder under ./data).
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { redactUrls, urlScheme } from './redact.ts';
import { defaultReplicaId } from './replica/slot-name.ts';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const role = z.enum(['viewer', 'editor', 'admin']);

/** "7d", "12h", "30m", "45s" or plain seconds → milliseconds. */
export function parseDuration(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(text);
  if (!m) throw new Error(`not a duration: "${text}" (use e.g. 30s, 15m, 12h, 7d)`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] ?? 's']!;
  return Math.round(Number(m[1]) * unit);
}

/** "10mb", "1gb", "512kb" or plain bytes → bytes. */
export function parseBytes(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|tb)?\s*$/i.exec(text);
  if (!m) throw new Error(`not a size: "${text}" (use e.g. 1mb, 5gb)`);
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4 }[(m[2] ?? 'b').toLowerCase() as 'b'];
  return Math.round(Number(m[1]) * unit);
}

const duration = z.string().transform((v, ctx) => {
  try {
    return parseDuration(v);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message });
    return z.NEVER;
  }
});
const bytes = z.string().transform((v, ctx) => {
  try {
    return parseBytes(v);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message });
    return z.NEVER;
  }
});
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const EnvSchema = z.object({
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().optional(),
  /**
   * PostgreSQL mode: names this gateway's replication slot (opsgraph_<id>). Default: the host
   * name and a hash of DATA_DIR. Every gateway needs its own; a stable one per gateway means a
   * restart resumes its slot instead of leaving one behind.
   */
  REPLICA_ID: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'letters, digits, "_", "." and "-" only').optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(0, 65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: z.string().default(''),
  /** FULL: the last commit survives power loss; NORMAL: faster, still never corrupts. */
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  SQLITE_BUSY_TIMEOUT_MS: int(0, 600_000).default(5000),
  /**
   * Read your writes: how long a request may wait for local reads to reach a commit position
   * (a mutation's own, or the opsgraph-min-position header's) before answering REPLICA_BEHIND.
   * Bounded so a request never hangs on a stalled replica.
   */
  READ_YOUR_WRITES_TIMEOUT_MS: int(0, 60_000).default(5000),

  BLOB_STORE: z.enum(['fs', 's3', 'memory']).optional(),
  BLOB_DIR: z.string().optional(),
  S3_BUCKET: z.string().optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_FORCE_PATH_STYLE: bool.optional(),
  CACHE_DIR: z.string().optional(),
  /** Secret for the fs store's signed URLs; generated into DATA_DIR when absent. */
  URL_SIGNING_SECRET: z.string().min(16).optional(),
  PUBLIC_URL: z.string().url().optional(),

  OPSGRAPH_BOOTSTRAP_ADMIN_KEY: z.string().min(20).optional(),
  OPSGRAPH_ANONYMOUS_ROLE: role.optional(),
  OPSGRAPH_DEBUG_SQL: bool.default(false),

  MAX_QUERY_DEPTH: int(2, 100).default(12),
  MAX_QUERY_COMPLEXITY: int(10, 1_000_000).default(5000),
  MAX_QUERY_BREADTH: int(10, 100_000).default(500),
  // Checked before validation (src/graphql/plugins/document-limits.ts): a request stays well
  // under ~100 ms of CPU at these. The largest documents the tests and clients send use
  // ~250 tokens and ~70 fields; 200 copies of one field (the overlap check's
  // worst case) validate in ~40 ms.
  MAX_INTROSPECTION_DEPTH: int(2, 100).default(20),
  MAX_QUERY_TOKENS: int(50, 100_000).default(2000),
  MAX_QUERY_FIELDS: int(10, 10_000).default(200),
  MAX_QUERY_ALIASES: int(0, 10_000).default(30),
  MAX_QUERY_DIRECTIVES: int(0, 10_000).default(30),
  MAX_QUERY_NESTING: int(8, 1000).default(64),
  MAX_INPUT_DEPTH: int(2, 1000).default(32),
  MAX_LIST_ITEMS: int(1, 100_000).default(100),
  DEFAULT_PAGE_SIZE: int(1, 1000).default(20),
  MAX_PAGE_SIZE: int(1, 10_000).default(100),
  MAX_REQUEST_BYTES: bytes.default(parseBytes('1mb')),
  MAX_UPLOAD_BYTES: bytes.default(parseBytes('5gb')),
  DOWNLOAD_URL_TTL: duration.default(parseDuration('15m')),
  UPLOAD_URL_TTL: duration.default(parseDuration('1h')),
  /** After its URL expired, how long a PENDING upload may still be completed before it expires too. */
  UPLOAD_EXPIRY_GRACE: duration.default(parseDuration('10m')),

  BACKUP_INTERVAL: duration.optional(),
  BACKUP_KEEP: int(1, 100_000).optional(),
  SHUTDOWN_GRACE: duration.default(parseDuration('10s')),

  /** A persisted-documents.json (hash → document) or a folder of them (GraphQL Code Generator's client preset). */
  PERSISTED_DOCUMENTS: z.string().optional(),
  /** off: any document; below-admin: viewers and editors only persisted ones; all: everyone only persisted ones. */
  PERSISTED_DOCUMENTS_ONLY: z.enum(['off', 'below-admin', 'all']).default('off'),
  /** The upstream PostgreSQL of the extraction workflow (seed 003): postgresql://user:pass@host/db */
  UPSTREAM_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL').optional(),
  UPSTREAM_BATCH_SIZE: int(1, 50_000).default(1000),
  EXTRACTION_MAX_RETRIES: int(0, 100).default(3),
  EXTRACTION_ARTIFACT_MAX_BYTES: bytes.default(parseBytes('20mb')),
  EXTRACTION_DEFAULT_LEASE: duration.default(parseDuration('10m')),

  /** Mail relay: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465. Unset: no email. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//i, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().max(254).regex(/^[^\s@<>",;]+@[^\s@<>",;]+$/, 'must be a plain address, e.g. opsgraph@example.com').default('opsgraph@localhost'),
  /** Which use-case states mail the team, and with which template: STATE=template,… or "none". */
  NOTIFY_EMAIL_RULES: z.string().default('AWAITING_CONFIG=awaiting-config,EVALUATION_COMPLETED=evaluation-completed,EVALUATION_FAILED=evaluation-failed'),
  /** A folder of templates replacing the built-in ones (templates/notifications). */
  NOTIFY_TEMPLATE_DIR: z.string().optional(),
  NOTIFY_DISPATCHER: bool.default(true),
  NOTIFY_MAX_ATTEMPTS: int(1, 1000).default(8),
  NOTIFY_BACKOFF_BASE: duration.default(parseDuration('5s')),
  NOTIFY_BACKOFF_MAX: duration.default(parseDuration('1h')),
  NOTIFY_POLL_INTERVAL: duration.default(parseDuration('2s')),
  NOTIFY_SEND_TIMEOUT: duration.default(parseDuration('15s')),
  NOTIFY_CONCURRENCY: int(1, 100).default(4),
  NOTIFY_MAX_BYTES: bytes.default(parseBytes('256kb')),
  NOTIFY_MAX_ATTACHMENT_BYTES: bytes.default(parseBytes('10mb')),
  /** Host names webhooks may call (exact, or *.example.com); unset: any public host. */
  WEBHOOK_ALLOWED_HOSTS: z.string().default(''),
  /** Loopback/private/link-local addresses or CIDRs webhooks may reach anyway (e.g. 127.0.0.1). */
  WEBHOOK_ALLOWED_PRIVATE_ADDRESSES: z.string().default(''),
});

export type Role = z.infer<typeof role>;

export interface Config {
  dataDir: string;
  /** The SQLite file (the embedded default). Unused when postgresUrl is set. */
  databaseFile: string;
  /** DATABASE_URL=postgresql://…: PostgreSQL is the system of record (scale-out; README "Scale-out"). */
  postgresUrl?: string;
  /**
   * PostgreSQL mode: the gateway's local replica (src/replica/), a SQLite file in DATA_DIR
   * (replica.db) that reads are served from; always safe to delete (it is rebuilt at start).
   */
  replica: { id: string; file: string };
  host: string;
  port: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  corsOrigins: string[];
  sqlite: { synchronous: 'FULL' | 'NORMAL'; busyTimeoutMs: number };
  /** READ_YOUR_WRITES_TIMEOUT_MS: the longest wait for a commit position (src/graphql/plugins/commit-position.ts). */
  readYourWrites: { timeoutMs: number };
  blobs: {
    kind: 'fs' | 's3' | 'memory';
    dir: string;
    s3: { bucket?: string; endpoint?: string; region: string; forcePathStyle: boolean };
    urlSigningSecret?: string;
    publicUrl?: string;
    downloadUrlTtlMs: number;
    uploadUrlTtlMs: number;
    uploadExpiryGraceMs: number;
  };
  cacheDir: string;
  auth: { bootstrapAdminKey?: string; anonymousRole?: Role };
  debugSql: boolean;
  limits: {
    maxDepth: number;
    maxComplexity: number;
    maxBreadth: number;
    maxIntrospectionDepth: number;
    maxTokens: number;
    maxFields: number;
    maxAliases: number;
    maxDirectives: number;
    maxNesting: number;
    maxInputDepth: number;
    maxListItems: number;
    defaultPageSize: number;
    maxPageSize: number;
    maxRequestBytes: number;
    maxUploadBytes: number;
  };
  backups: { intervalMs?: number; keep?: number };
  shutdownGraceMs: number;
  persistedDocuments: { path?: string; only: 'off' | 'below-admin' | 'all' };
  upstream: { url?: string; batchSize: number };
  extraction: { maxRetries: number; artifactMaxBytes: number; defaultLeaseMs: number };
  notifications: NotificationConfig;
}

export interface NotificationConfig {
  /** Holds credentials: never log it (src/redact.ts). */
  smtpUrl?: string;
  mailFrom: string;
  /** Use-case state → template name. */
  emailRules: Record<string, string>;
  templateDir?: string;
  dispatcher: boolean;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  pollIntervalMs: number;
  sendTimeoutMs: number;
  concurrency: number;
  maxBytes: number;
  maxAttachmentBytes: number;
  webhookAllowedHosts: string[];
  webhookAllowedPrivate: string[];
}

function list(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}

function emailRulesFrom(text: string): Record<string, string> {
  if (text.trim().toLowerCase() === 'none') return {};
  const rules: Record<string, string> = {};
  for (const item of list(text)) {
    const m = /^([A-Z_]+)=([a-z0-9][a-z0-9-]{0,62})$/.exec(item);
    if (!m) throw new ConfigError(`invalid configuration:\n  NOTIFY_EMAIL_RULES: "${item}" is not STATE=template-name`);
    rules[m[1]!] = m[2]!;
  }
  return rules;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Where the data lives. `postgresql://…` (or `postgres://…`) selects the PostgreSQL write store
 * (scale-out, see README); anything else names the one SQLite file: `file:./x.db`, `./x.db`,
 * or unset for DATA_DIR's default. Any other scheme (mysql://…) is refused here, before
 * anything touches the disk: read as a path it would become a folder named after the URL,
 * password included. The message names the scheme and never the rest of the URL.
 */
function databaseFrom(url: string | undefined, dataDir: string): { databaseFile: string; postgresUrl?: string } {
  const defaultFile = path.join(dataDir, 'opsgraph.db');
  if (!url) return { databaseFile: defaultFile };
  const scheme = urlScheme(url);
  if (scheme === 'postgresql' || scheme === 'postgres') {
    try {
      const parsed = new URL(url);
      if (!parsed.hostname && !parsed.searchParams.get('host')) throw new Error('no host');
    } catch {
      throw new ConfigError('invalid configuration:\n  DATABASE_URL: not a usable postgresql:// URL (postgresql://user:password@host:5432/database)');
    }
    // The file stays the embedded path and is not opened in this mode; a gateway's replica is
    // $DATA_DIR/replica.db (src/replica/).
    return { databaseFile: defaultFile, postgresUrl: url };
  }
  if (scheme && scheme !== 'file') {
    throw new ConfigError(
      `invalid configuration:\n  DATABASE_URL: the "${scheme}:" scheme is not supported; give a postgresql:// URL (the PostgreSQL ` +
        'write store), a path or a file: URL to one SQLite file (e.g. file:./data/opsgraph.db), or leave DATABASE_URL unset to use DATA_DIR',
    );
  }
  const file = url.replace(/^file:(\/\/(?=\/))?/i, '').replace(/\?.*$/, '');
  if (!file) throw new ConfigError('invalid configuration:\n  DATABASE_URL: names no file');
  return { databaseFile: path.resolve(file) };
}

/** The database for logs and status output: the SQLite file, or the PostgreSQL URL without its credentials. */
export function describeDatabase(config: Pick<Config, 'databaseFile' | 'postgresUrl'>): string {
  return config.postgresUrl ? redactUrls(config.postgresUrl) : config.databaseFile;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  // Empty strings are treated as unset, as people write `FOO=` to clear a variable.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const kind = e.BLOB_STORE ?? (e.S3_BUCKET ? 's3' : 'fs');
  if (kind === 's3' && !e.S3_BUCKET) throw new ConfigError('invalid configuration:\n  S3_BUCKET: required when BLOB_STORE=s3');
  for (const entry of list(e.WEBHOOK_ALLOWED_PRIVATE_ADDRESSES)) {
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const bits = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (prefix !== undefined && !(/^\d+$/.test(prefix) && Number(prefix) <= bits))) {
      throw new ConfigError(`invalid configuration:\n  WEBHOOK_ALLOWED_PRIVATE_ADDRESSES: "${entry}" is not an IP address or CIDR`);
    }
  }
  if (e.PERSISTED_DOCUMENTS_ONLY !== 'off' && !e.PERSISTED_DOCUMENTS) {
    throw new ConfigError('invalid configuration:\n  PERSISTED_DOCUMENTS_ONLY: needs PERSISTED_DOCUMENTS (the persisted-documents.json file or folder)');
  }
  const config: Config = {
    dataDir,
    ...databaseFrom(e.DATABASE_URL, dataDir),
    replica: { id: e.REPLICA_ID ?? defaultReplicaId(dataDir), file: path.join(dataDir, 'replica.db') },
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    corsOrigins: e.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    sqlite: { synchronous: e.SQLITE_SYNCHRONOUS, busyTimeoutMs: e.SQLITE_BUSY_TIMEOUT_MS },
    readYourWrites: { timeoutMs: e.READ_YOUR_WRITES_TIMEOUT_MS },
    blobs: {
      kind,
      dir: path.resolve(e.BLOB_DIR ?? path.join(dataDir, 'blobs')),
      s3: {
        bucket: e.S3_BUCKET,
        endpoint: e.S3_ENDPOINT,
        region: e.S3_REGION,
        // Non-AWS endpoints (RGW, MinIO) nearly always want path-style addressing.
        forcePathStyle: e.S3_FORCE_PATH_STYLE ?? Boolean(e.S3_ENDPOINT),
      },
      urlSigningSecret: e.URL_SIGNING_SECRET,
      publicUrl: e.PUBLIC_URL,
      downloadUrlTtlMs: e.DOWNLOAD_URL_TTL,
      uploadUrlTtlMs: e.UPLOAD_URL_TTL,
      uploadExpiryGraceMs: e.UPLOAD_EXPIRY_GRACE,
    },
    cacheDir: path.resolve(e.CACHE_DIR ?? path.join(dataDir, 'cache')),
    auth: { bootstrapAdminKey: e.OPSGRAPH_BOOTSTRAP_ADMIN_KEY, anonymousRole: e.OPSGRAPH_ANONYMOUS_ROLE },
    debugSql: e.OPSGRAPH_DEBUG_SQL,
    limits: {
      maxDepth: e.MAX_QUERY_DEPTH,
      maxComplexity: e.MAX_QUERY_COMPLEXITY,
      maxBreadth: e.MAX_QUERY_BREADTH,
      maxIntrospectionDepth: e.MAX_INTROSPECTION_DEPTH,
      maxTokens: e.MAX_QUERY_TOKENS,
      maxFields: e.MAX_QUERY_FIELDS,
      maxAliases: e.MAX_QUERY_ALIASES,
      maxDirectives: e.MAX_QUERY_DIRECTIVES,
      maxNesting: e.MAX_QUERY_NESTING,
      maxInputDepth: e.MAX_INPUT_DEPTH,
      maxListItems: e.MAX_LIST_ITEMS,
      defaultPageSize: e.DEFAULT_PAGE_SIZE,
      maxPageSize: e.MAX_PAGE_SIZE,
      maxRequestBytes: e.MAX_REQUEST_BYTES,
      maxUploadBytes: e.MAX_UPLOAD_BYTES,
    },
    backups: { intervalMs: e.BACKUP_INTERVAL, keep: e.BACKUP_KEEP },
    shutdownGraceMs: e.SHUTDOWN_GRACE,
    persistedDocuments: { path: e.PERSISTED_DOCUMENTS && path.resolve(e.PERSISTED_DOCUMENTS), only: e.PERSISTED_DOCUMENTS_ONLY },
    upstream: { url: e.UPSTREAM_DATABASE_URL, batchSize: e.UPSTREAM_BATCH_SIZE },
    extraction: {
      maxRetries: e.EXTRACTION_MAX_RETRIES,
      artifactMaxBytes: e.EXTRACTION_ARTIFACT_MAX_BYTES,
      defaultLeaseMs: e.EXTRACTION_DEFAULT_LEASE,
    },
    notifications: {
      smtpUrl: e.SMTP_URL,
      mailFrom: e.MAIL_FROM,
      emailRules: emailRulesFrom(e.NOTIFY_EMAIL_RULES),
      templateDir: e.NOTIFY_TEMPLATE_DIR && path.resolve(e.NOTIFY_TEMPLATE_DIR),
      dispatcher: e.NOTIFY_DISPATCHER,
      maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
      backoffBaseMs: e.NOTIFY_BACKOFF_BASE,
      backoffMaxMs: Math.max(e.NOTIFY_BACKOFF_MAX, e.NOTIFY_BACKOFF_BASE),
      pollIntervalMs: Math.max(10, e.NOTIFY_POLL_INTERVAL),
      sendTimeoutMs: Math.max(100, e.NOTIFY_SEND_TIMEOUT),
      concurrency: e.NOTIFY_CONCURRENCY,
      maxBytes: e.NOTIFY_MAX_BYTES,
      maxAttachmentBytes: e.NOTIFY_MAX_ATTACHMENT_BYTES,
      webhookAllowedHosts: list(e.WEBHOOK_ALLOWED_HOSTS).map((h) => h.toLowerCase()),
      webhookAllowedPrivate: list(e.WEBHOOK_ALLOWED_PRIVATE_ADDRESSES),
    },
  };
  return { ...config, ...overrides };
}
