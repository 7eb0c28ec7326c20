// API keys: "og_" + 32 random bytes (base64url). Only a SHA-256 of the key is stored; the
// key itself is shown once when created. A key's first characters (its prefix) identify
// it in listings and logs without revealing it.
//
// Prefixes are unique (ApiKey.prefix has a unique index, and `keys revoke PREFIX` must name
// one key). A generated key's first 11 characters practically never repeat, but a key
// supplied from outside (OPSGRAPH_BOOTSTRAP_ADMIN_KEY) may share them with an older one. The
// prefix then gets a "~2", "~3"… suffix instead of more of the key's characters: a listing
// never shows more than 11 characters of any key, and the prefix still starts with the
// key's own first characters, so a person can match it against the key they hold. The
// suffix is chosen inside the write transaction, and writes are serialized, so two
// creations cannot pick the same one.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Role } from '../config.ts';
import type { Database, Tx } from '../db/database.ts';
import type { ApiKey } from '../generated/prisma/client.ts';
import type { Logger } from '../logger.ts';
import { isRole } from '../domain/roles.ts';
import { ValidationError } from '../errors.ts';

const PREFIX_LENGTH = 11; // "og_" + 8 characters
/** Keys registered from OPSGRAPH_BOOTSTRAP_ADMIN_KEY carry this name (see bootstrapKeys). */
export const BOOTSTRAP_KEY_NAME = 'bootstrap-admin';

export function hashKey(key: string): string {
  return crypto.createHash('sha256').update(key).digest('hex');
}

export function generateKey(): string {
  return `og_${crypto.randomBytes(32).toString('base64url')}`;
}

export interface CreatedKey {
  key: string;
  record: ApiKey;
}

export async function createApiKey(db: Database, input: { name: string; role: string; key?: string }): Promise<CreatedKey> {
  if (!isRole(input.role)) throw new ValidationError('role', `must be one of viewer, editor, admin (got "${input.role}")`);
  const name = input.name.trim();
  if (!name || name.length > 100) throw new ValidationError('name', 'must be 1 to 100 characters');
  const key = input.key ?? generateKey();
  const role = input.role;
  const record = await db.write((tx) => insertKey(tx, { name, role, key }));
  return { key, record };
}

/** The first free prefix for this key: its first 11 characters, else those plus "~2", "~3"… */
async function freePrefix(tx: Tx, key: string): Promise<string> {
  const base = key.slice(0, PREFIX_LENGTH);
  const taken = new Set(
    (await tx.apiKey.findMany({ where: { prefix: { startsWith: base } }, select: { prefix: true } })).map((k) => k.prefix),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}~${n}`)) return `${base}~${n}`;
}

async function insertKey(tx: Tx, k: { name: string; role: Role; key: string }): Promise<ApiKey> {
  if (await tx.apiKey.findUnique({ where: { hash: hashKey(k.key) }, select: { id: true } })) {
    throw new ValidationError('key', 'this key is registered already');
  }
  return tx.apiKey.create({ data: { name: k.name, role: k.role, prefix: await freePrefix(tx, k.key), hash: hashKey(k.key) } });
}

export async function listApiKeys(db: Database): Promise<ApiKey[]> {
  return db.reader.apiKey.findMany({ orderBy: { createdAt: 'asc' } });
}

/** Revokes by id or prefix; returns the revoked key, or null when none matched. */
export async function revokeApiKey(db: Database, idOrPrefix: string): Promise<ApiKey | null> {
  return db.write(async (tx) => {
    const found = await tx.apiKey.findFirst({ where: { OR: [{ id: idOrPrefix }, { prefix: idOrPrefix }], revokedAt: null } });
    if (!found) return null;
    return tx.apiKey.update({ where: { id: found.id }, data: { revokedAt: new Date() } });
  });
}

export interface Authenticated {
  keyId: string;
  name: string;
  role: Role;
}

/**
 * Verifies a presented key. Looked up by its hash (an index hit), so the comparison does
 * not leak timing about stored keys. Results are cached briefly: every request carries a
 * key, and a database read per request would dominate small queries.
 */
export class KeyVerifier {
  readonly #cache = new Map<string, { value: Authenticated | null; until: number }>();
  constructor(
    private readonly db: Database,
    private readonly ttlMs = 5_000,
  ) {}

  async verify(key: string): Promise<Authenticated | null> {
    const hash = hashKey(key);
    const now = Date.now();
    const cached = this.#cache.get(hash);
    if (cached && cached.until > now) return cached.value;
    const row = await this.db.reader.apiKey.findUnique({ where: { hash } });
    const value = row && !row.revokedAt && isRole(row.role) ? { keyId: row.id, name: row.name, role: row.role } : null;
    // PostgreSQL mode: a key made on another gateway reaches this one's replica a moment
    // later; a cached "unknown" would refuse it for the whole TTL after that. Unknown keys
    // are a local index lookup there (the replica), so they are not cached.
    if (value === null && this.db.backend === 'postgresql') return value;
    if (this.#cache.size > 10_000) this.#cache.clear();
    this.#cache.set(hash, { value, until: now + this.ttlMs });
    return value;
  }

  /** Forget cached answers (after a revoke in this process). */
  clear(): void {
    this.#cache.clear();
  }
}

/**
 * Makes sure an admin can get in on a fresh install:
 * - OPSGRAPH_BOOTSTRAP_ADMIN_KEY: that key is registered as admin (idempotent). The variable
 *   names THE bootstrap key: when its value changes (a rotation), the new key is registered
 *   and every other active key registered from the variable before (named
 *   "bootstrap-admin") is revoked, in one transaction. Keys made with `keys create` are
 *   never touched. A bootstrap key that was revoked by hand stays revoked;
 * - otherwise, when no key exists at all, one admin key is created and written to a
 *   0600 file in DATA_DIR. The log names the file, never the key.
 */
export async function bootstrapKeys(db: Database, opts: { dataDir: string; bootstrapKey?: string; logger: Logger }): Promise<void> {
  if (opts.bootstrapKey) {
    const key = opts.bootstrapKey;
    const outcome = await db.write(async (tx) => {
      const existing = await tx.apiKey.findUnique({ where: { hash: hashKey(key) } });
      if (existing) return { existing };
      const record = await insertKey(tx, { name: BOOTSTRAP_KEY_NAME, role: 'admin', key });
      const replaced = await tx.apiKey.findMany({
        where: { name: BOOTSTRAP_KEY_NAME, revokedAt: null, id: { not: record.id } },
        select: { id: true, prefix: true },
      });
      if (replaced.length) {
        await tx.apiKey.updateMany({ where: { id: { in: replaced.map((r) => r.id) } }, data: { revokedAt: new Date() } });
      }
      return { record, replaced };
    }).catch(async (err: unknown) => {
      // Gateways sharing one PostgreSQL start together: another one may have registered the
      // same key a moment ago (the unique hash refused ours). Then it is there, as wanted.
      // Asked of the write store: a gateway's local replica may not have the other's row yet.
      const existing = await db.write((tx) => tx.apiKey.findUnique({ where: { hash: hashKey(key) } }));
      if (existing) return { existing, record: undefined, replaced: undefined };
      throw err;
    });
    if (outcome.existing?.revokedAt) {
      opts.logger.warn({ prefix: outcome.existing.prefix }, 'OPSGRAPH_BOOTSTRAP_ADMIN_KEY names a revoked key: it stays revoked');
    } else if (outcome.record) {
      opts.logger.info(
        { prefix: outcome.record.prefix, revoked: outcome.replaced.map((r) => r.prefix) },
        outcome.replaced.length
          ? 'registered the rotated admin key from OPSGRAPH_BOOTSTRAP_ADMIN_KEY and revoked the previous one'
          : 'registered the admin key from OPSGRAPH_BOOTSTRAP_ADMIN_KEY',
      );
    }
    return;
  }
  const count = await db.reader.apiKey.count();
  if (count > 0) return;
  const { key } = await createApiKey(db, { name: 'first-start-admin', role: 'admin' });
  const file = path.join(opts.dataDir, 'admin-key.txt');
  fs.mkdirSync(opts.dataDir, { recursive: true });
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  opts.logger.warn({ file }, 'no API key existed: created an admin key and wrote it to this file (readable by you only)');
}
