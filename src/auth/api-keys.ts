// API keys: "og_" + 32 random bytes (base64url). Only a SHA-256 of the key is stored; the
// key itself is shown once when created. A key's first characters (its prefix) identify
// it in listings and logs without revealing it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Role } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { ApiKey } from '../generated/prisma/client.ts';
import type { Logger } from '../logger.ts';
import { isRole } from '../domain/roles.ts';
import { ValidationError } from '../errors.ts';

const PREFIX_LENGTH = 11; // "og_" + 8 characters

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
  const record = await db.write((tx) =>
    tx.apiKey.create({ data: { name, role: input.role, prefix: key.slice(0, PREFIX_LENGTH), hash: hashKey(key) } }),
  );
  return { key, record };
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
 * - OPSGRAPH_BOOTSTRAP_ADMIN_KEY: that key is registered as admin (idempotent);
 * - otherwise, when no key exists at all, one admin key is created and written to a
 *   0600 file in DATA_DIR. The log names the file, never the key.
 */
export async function bootstrapKeys(db: Database, opts: { dataDir: string; bootstrapKey?: string; logger: Logger }): Promise<void> {
  if (opts.bootstrapKey) {
    const existing = await db.reader.apiKey.findUnique({ where: { hash: hashKey(opts.bootstrapKey) } });
    if (!existing) {
      await createApiKey(db, { name: 'bootstrap-admin', role: 'admin', key: opts.bootstrapKey });
      opts.logger.info('registered the admin key from OPSGRAPH_BOOTSTRAP_ADMIN_KEY');
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
