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
// them during a rolling upgrade. Two gateways starting at once may race on CREATE/ADD; the
// loser's "already exists" is the state it wanted.
import type pg from 'pg';
import { quoteIdent } from './connections.ts';

export const PUBLICATION = 'opsgraph';

const DUPLICATE_OBJECT = '42710';

/** Makes sure the publication holds every table of `wanted` that PostgreSQL has; returns them. */
export async function ensurePublication(client: pg.Client, wanted: readonly string[]): Promise<string[]> {
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
      if ((err as { code?: string }).code !== DUPLICATE_OBJECT) throw err;
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
      if ((err as { code?: string }).code !== DUPLICATE_OBJECT) throw err;
    }
  }
  return tables;
}
