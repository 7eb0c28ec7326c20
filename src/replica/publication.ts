// The publication `opsgraph`: opsgraph's tables, as the replica's schema names them.
//
// Created (or extended) idempotently at replica start rather than in a PostgreSQL migration:
//   - its table list follows the SQLite schema the replica will apply into, so a migration
//     that adds a table needs no second, hand-written publication migration to forget;
//   - tables that exist only on PostgreSQL (bookkeeping such as a commit counter) stay out of
//     the stream unless the replica has them;
//   - FOR ALL TABLES would need a superuser; FOR TABLE needs only table ownership, which the
//     role that runs the migrations has.
// Tables are only ever added, never removed: gateways of an older version may still apply
// them during a rolling upgrade. Gateways starting at once take turns under an advisory lock:
// without it, racing CREATEs fail with a unique violation on PostgreSQL's own catalog
// (pg_publication_pubname_index, 23505), not the "already exists" of DUPLICATE_OBJECT (seen in
// test/write-store-concurrency.test.ts). Either code still means the state it wanted.
import type pg from 'pg';
import { quoteIdent } from './connections.ts';

export const PUBLICATION = 'opsgraph';

const ALREADY_THERE = new Set(['42710' /* duplicate_object */, '23505' /* unique_violation in the catalog */]);
/** The advisory lock key gateways take while they create or extend the publication. */
const PUBLICATION_LOCK = 0x6f70_7075; // "opu"

/** Makes sure the publication holds every table of `wanted` that PostgreSQL has; returns them. */
export async function ensurePublication(client: pg.Client, wanted: readonly string[]): Promise<string[]> {
  await client.query('SELECT pg_advisory_lock($1)', [PUBLICATION_LOCK]);
  try {
    return await ensureLocked(client, wanted);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PUBLICATION_LOCK]).catch(() => undefined);
  }
}

async function ensureLocked(client: pg.Client, wanted: readonly string[]): Promise<string[]> {
  const present = new Set(
    (await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = current_schema()`)).rows.map((r) => r.tablename),
  );
  const tables = wanted.filter((t) => present.has(t));
  if (tables.length === 0) throw new Error('PostgreSQL has none of opsgraph\'s tables: run the migrations first');
  const exists = (await client.query(`SELECT 1 FROM pg_publication WHERE pubname = $1`, [PUBLICATION])).rowCount! > 0;
  if (!exists) {
    try {
      await client.query(`CREATE PUBLICATION ${quoteIdent(PUBLICATION)} FOR TABLE ${tables.map(quoteIdent).join(', ')}`);
      return tables;
    } catch (err) {
      if (!ALREADY_THERE.has((err as { code?: string }).code ?? '')) throw err;
    }
  }
  const published = new Set(
    (
      await client.query<{ tablename: string }>(`SELECT tablename FROM pg_publication_tables WHERE pubname = $1 AND schemaname = current_schema()`, [
        PUBLICATION,
      ])
    ).rows.map((r) => r.tablename),
  );
  for (const t of tables.filter((t) => !published.has(t))) {
    try {
      await client.query(`ALTER PUBLICATION ${quoteIdent(PUBLICATION)} ADD TABLE ${quoteIdent(t)}`);
    } catch (err) {
      if (!ALREADY_THERE.has((err as { code?: string }).code ?? '')) throw err;
    }
  }
  return tables;
}
