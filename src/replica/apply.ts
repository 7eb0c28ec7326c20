// Applies the pgoutput stream to the replica file: one SQLite transaction per upstream
// transaction, committed together with the upstream commit's end position.
//
// A transaction whose commit lies before the stored position was applied already (the server
// re-sends from the slot's confirmed position after a crash or a reconnect) and is skipped
// whole. Messages arrive synchronously and in stream order (./stream.ts), so by the time a
// keepalive is handled every earlier message has been applied.
import type { Pgoutput } from 'pg-logical-replication';
import { type Lsn, parseLsn } from './lsn.ts';
import type { ReplicaFile, Row } from './replica-file.ts';
import type { StreamHandler } from './stream.ts';
import { sqliteValue } from './values.ts';

export interface AppliedCommit {
  end: Lsn;
  /** Highest ActivityLogEntry.seq the transaction inserted (0: none). */
  activitySeq: number;
  /** Upstream commit time, microseconds since 1970. */
  commitTimeUs: bigint;
}

export interface ApplierHooks {
  committed(commit: AppliedCommit): void;
  /** Everything up to `position` is applied or was nothing of ours; `reply`: the server asked. */
  progressed(position: Lsn, reply: boolean): void;
}

export class Applier implements StreamHandler {
  #applied: Lsn;
  #processed: Lsn;
  #skipping = false;
  #open = false;

  constructor(
    private readonly file: ReplicaFile,
    applied: Lsn,
    private readonly hooks: ApplierHooks,
  ) {
    this.#applied = applied;
    this.#processed = applied;
  }

  /** End of the last upstream commit applied (stored in the file). */
  get applied(): Lsn {
    return this.#applied;
  }

  /** Highest position known to be fully applied: `applied`, or a later keepalive seen while idle. */
  get processed(): Lsn {
    return this.#processed;
  }

  /** The stream broke mid-transaction: what was applied of it is rolled back. */
  reset(): void {
    this.file.rollback();
    this.#open = false;
    this.#skipping = false;
  }

  message(msg: Pgoutput.Message): void {
    switch (msg.tag) {
      case 'begin': {
        const commitAt = msg.commitLsn ? parseLsn(msg.commitLsn) : 0n;
        this.#skipping = commitAt < this.#applied;
        if (!this.#skipping) {
          this.file.begin();
          this.#open = true;
        }
        return;
      }
      case 'insert':
        if (this.#skipping) return;
        this.file.insert(msg.relation.name, row(msg.relation, msg.new));
        return;
      case 'update': {
        if (this.#skipping) return;
        const values = row(msg.relation, msg.new);
        // The old key when the key changed (or REPLICA IDENTITY FULL), else the new row's key.
        const old = msg.key ?? msg.old;
        const key = old ? row(msg.relation, old, msg.relation.keyColumns) : pick(values, msg.relation.keyColumns);
        this.file.update(msg.relation.name, key, values);
        return;
      }
      case 'delete':
        if (this.#skipping) return;
        this.file.delete(msg.relation.name, row(msg.relation, (msg.key ?? msg.old)!, msg.relation.keyColumns));
        return;
      case 'truncate':
        if (this.#skipping) return;
        for (const r of msg.relations) this.file.truncate(r.name);
        return;
      case 'commit': {
        if (this.#skipping) {
          this.#skipping = false;
          return;
        }
        if (!this.#open) throw new Error('commit without begin in the replication stream');
        const end = parseLsn(msg.commitEndLsn!);
        const activitySeq = this.file.commit(end);
        this.#open = false;
        this.#applied = end;
        if (end > this.#processed) this.#processed = end;
        this.hooks.committed({ end, activitySeq, commitTimeUs: BigInt(msg.commitTime as bigint) });
        this.hooks.progressed(this.#processed, false);
        return;
      }
      default:
        // relation (kept by the parser), type, origin, logical messages: nothing to apply.
        return;
    }
  }

  keepalive(walEnd: Lsn, replyRequested: boolean): void {
    if (!this.#open && !this.#skipping && walEnd > this.#processed) this.#processed = walEnd;
    this.hooks.progressed(this.#processed, replyRequested);
  }
}

function row(relation: Pgoutput.MessageRelation, tuple: Record<string, unknown>, only?: readonly string[]): Row {
  const out: Row = {};
  for (const c of relation.columns) {
    if (only && !only.includes(c.name)) continue;
    const text = tuple[c.name];
    out[c.name] = text === undefined ? undefined : sqliteValue(c.typeOid, text as string | null);
  }
  return out;
}

function pick(values: Row, keys: readonly string[]): Row {
  return Object.fromEntries(keys.map((k) => [k, values[k]]));
}
