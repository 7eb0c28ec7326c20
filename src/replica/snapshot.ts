// A fresh replica: the slot is created with an exported snapshot, and every published table is
// copied inside that snapshot, so the copy holds exactly the transactions that committed
// before the slot's consistent point and the stream (which starts there) holds exactly the
// ones after it. Nothing is missed between the two and nothing arrives twice.
//
// The exported snapshot lives as long as the replication connection that created the slot
// does nothing else, so that connection waits, idle, until the copy has committed.
import { plainClient, quoteIdent, replicationClient, TEXT_VALUES } from './connections.ts';
import { type Lsn, parseLsn } from './lsn.ts';
import type { ReplicaFile, ReplicaIdentity } from './replica-file.ts';
import { sqliteValue } from './values.ts';

const FETCH_ROWS = 2000;

export interface SnapshotResult {
  consistentPoint: Lsn;
  rows: number;
}

/**
 * Creates `identity.slot` and copies `tables` into `file` (one SQLite transaction, which also
 * records the consistent point). The slot must not exist.
 */
export async function createSlotAndCopy(url: string, identity: ReplicaIdentity, tables: readonly string[], file: ReplicaFile): Promise<SnapshotResult> {
  const replication = replicationClient(url, 'opsgraph-replica-snapshot');
  await replication.connect();
  try {
    const created = await replication.query<{ consistent_point: string; snapshot_name: string }>(
      `CREATE_REPLICATION_SLOT ${quoteIdent(identity.slot)} LOGICAL pgoutput EXPORT_SNAPSHOT`,
    );
    const { consistent_point, snapshot_name } = created.rows[0]!;
    const consistentPoint = parseLsn(consistent_point);
    const copy = plainClient(url, 'opsgraph-replica-snapshot');
    await copy.connect();
    let rows = 0;
    try {
      await copy.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await copy.query(`SET TRANSACTION SNAPSHOT '${snapshot_name.replaceAll("'", "''")}'`);
      file.begin();
      try {
        for (const table of tables) rows += await copyTable(copy, table, file);
        file.commit(consistentPoint, { ...identity, tables });
      } catch (err) {
        file.rollback();
        throw err;
      }
      await copy.query('COMMIT');
    } finally {
      await copy.end();
    }
    return { consistentPoint, rows };
  } finally {
    await replication.end();
  }
}

async function copyTable(copy: import('pg').Client, table: string, file: ReplicaFile): Promise<number> {
  // A cursor, so a large table never sits in memory at once.
  await copy.query(`DECLARE replica_copy NO SCROLL CURSOR FOR SELECT * FROM ${quoteIdent(table)}`);
  let count = 0;
  for (;;) {
    const page = await copy.query({ text: `FETCH ${FETCH_ROWS} FROM replica_copy`, types: TEXT_VALUES, rowMode: 'array' });
    const fields = page.fields;
    for (const values of page.rows as Array<Array<string | null>>) {
      const row: Record<string, ReturnType<typeof sqliteValue>> = {};
      for (let i = 0; i < fields.length; i++) row[fields[i]!.name] = sqliteValue(fields[i]!.dataTypeID, values[i]);
      file.insert(table, row);
    }
    count += page.rows.length;
    if (page.rows.length < FETCH_ROWS) break;
  }
  await copy.query('CLOSE replica_copy');
  return count;
}
