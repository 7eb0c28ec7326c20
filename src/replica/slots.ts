// Replication slots by name: look one up, drop one (waiting briefly while a previous process's
// walsender lets go of it, e.g. after a kill -9 the server notices the lost connection late).
import type pg from 'pg';

export interface SlotRow {
  database: string | null;
  plugin: string | null;
  activePid: number | null;
}

export async function findSlot(client: pg.Client, slot: string): Promise<SlotRow | null> {
  const r = await client.query<{ database: string | null; plugin: string | null; active_pid: number | null }>(
    'SELECT database, plugin, active_pid FROM pg_replication_slots WHERE slot_name = $1',
    [slot],
  );
  const row = r.rows[0];
  return row ? { database: row.database, plugin: row.plugin, activePid: row.active_pid } : null;
}

export async function dropSlot(client: pg.Client, slot: string, waitMs = 10_000): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const row = await findSlot(client, slot);
    if (!row) return;
    if (row.activePid === null) {
      try {
        await client.query('SELECT pg_drop_replication_slot($1)', [slot]);
        return;
      } catch (err) {
        // 55006: became active between the two statements; 42704: dropped by someone else.
        const code = (err as { code?: string }).code;
        if (code === '42704') return;
        if (code !== '55006') throw err;
      }
    }
    if (Date.now() > deadline) {
      throw new Error(
        `replication slot ${slot} is in use by server process ${row.activePid}: is another gateway running with the same REPLICA_ID? ` +
          'Give every gateway its own REPLICA_ID (or DATA_DIR).',
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
