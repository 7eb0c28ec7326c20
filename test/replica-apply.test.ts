// The applier (src/replica/apply.ts) on a real SQLite file, fed pgoutput messages as the
// parser hands them over: a transaction re-sent after a crash or reconnect (its commit at or
// below the stored position) is skipped whole, and a transaction cut off mid-way leaves
// nothing behind and applies once when re-sent.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Pgoutput } from 'pg-logical-replication';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Applier } from '../src/replica/apply.ts';
import { formatLsn, parseLsn } from '../src/replica/lsn.ts';
import { ReplicaFile } from '../src/replica/replica-file.ts';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-apply-'));
  file = path.join(dir, 'replica.db');
  const db = new BetterSqlite3(file);
  db.exec('CREATE TABLE "Thing" (id TEXT PRIMARY KEY, n INTEGER NOT NULL, ok BOOLEAN NOT NULL)');
  db.close();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const relation: Pgoutput.MessageRelation = {
  tag: 'relation',
  relationOid: 1,
  schema: 'public',
  name: 'Thing',
  replicaIdentity: 'default',
  keyColumns: ['id'],
  columns: [
    { name: 'id', flags: 1, typeOid: 25, typeMod: -1, typeSchema: null, typeName: null, parser: (v: unknown) => v },
    { name: 'n', flags: 0, typeOid: 23, typeMod: -1, typeSchema: null, typeName: null, parser: (v: unknown) => v },
    { name: 'ok', flags: 0, typeOid: 16, typeMod: -1, typeSchema: null, typeName: null, parser: (v: unknown) => v },
  ],
};

/** One upstream transaction: begin, the inserts, commit ending at `end`. */
function transaction(commitAt: string, end: string, ids: string[]): Pgoutput.Message[] {
  return [
    { tag: 'begin', commitLsn: commitAt, commitTime: 0n, xid: 1 },
    ...ids.map((id, i): Pgoutput.Message => ({ tag: 'insert', relation, new: { id, n: String(i), ok: 't' } })),
    { tag: 'commit', flags: 0, commitLsn: commitAt, commitEndLsn: end, commitTime: 1_000_000n },
  ];
}

function open() {
  const replica = new ReplicaFile(file, { synchronous: 'FULL', busyTimeoutMs: 1000 });
  // The snapshot's row: where the stream starts.
  replica.begin();
  replica.commit(parseLsn('0/100'), { slot: 's', systemId: '1', database: 'd', tables: ['Thing'] });
  const commits: string[] = [];
  const applier = new Applier(replica, parseLsn('0/100'), { committed: (c) => commits.push(formatLsn(c.end)), progressed: () => {} });
  return { replica, applier, commits };
}

const rows = () => {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare('SELECT id, n, ok FROM "Thing" ORDER BY id').all();
  } finally {
    db.close();
  }
};

describe('applying the stream', () => {
  it('a re-sent transaction (commit below the stored position) is skipped whole', () => {
    const { replica, applier, commits } = open();
    for (const m of transaction('0/200', '0/228', ['a', 'b'])) applier.message(m);
    // The server re-sends it (its acknowledgement had not reached it), then sends the next.
    for (const m of [...transaction('0/200', '0/228', ['a', 'b']), ...transaction('0/300', '0/328', ['c'])]) applier.message(m);
    expect(rows()).toEqual([
      { id: 'a', n: 0, ok: 1 },
      { id: 'b', n: 1, ok: 1 },
      { id: 'c', n: 0, ok: 1 },
    ]);
    expect(commits).toEqual(['0/228', '0/328']);
    expect(formatLsn(replica.meta()!.lsn)).toBe('0/328');
    replica.close();
  });

  it('a transaction cut off by a broken stream leaves nothing, and applies once when re-sent', () => {
    const { replica, applier } = open();
    const tx = transaction('0/200', '0/228', ['a', 'b']);
    for (const m of tx.slice(0, 2)) applier.message(m); // begin + first insert, then the stream breaks
    applier.reset();
    expect(rows()).toEqual([]);
    expect(formatLsn(replica.meta()!.lsn)).toBe('0/100');
    for (const m of tx) applier.message(m);
    expect(rows()).toHaveLength(2);
    replica.close();
  });

  it('updates by key (unchanged TOAST values left alone), deletes, and a keepalive while idle moves the processed position', () => {
    const { replica, applier } = open();
    for (const m of transaction('0/200', '0/228', ['a'])) applier.message(m);
    applier.message({ tag: 'begin', commitLsn: '0/300', commitTime: 0n, xid: 2 });
    applier.message({ tag: 'update', relation, key: null, old: null, new: { id: 'a', n: '7', ok: undefined } });
    applier.message({ tag: 'commit', flags: 0, commitLsn: '0/300', commitEndLsn: '0/328', commitTime: 0n });
    expect(rows()).toEqual([{ id: 'a', n: 7, ok: 1 }]);
    applier.message({ tag: 'begin', commitLsn: '0/400', commitTime: 0n, xid: 3 });
    applier.message({ tag: 'delete', relation, key: { id: 'a' }, old: null });
    applier.keepalive(parseLsn('0/500'), false); // mid-transaction: not everything up to there is applied
    expect(formatLsn(applier.processed)).toBe('0/328');
    applier.message({ tag: 'commit', flags: 0, commitLsn: '0/400', commitEndLsn: '0/428', commitTime: 0n });
    expect(rows()).toEqual([]);
    applier.keepalive(parseLsn('0/500'), false);
    expect(formatLsn(applier.processed)).toBe('0/500');
    expect(formatLsn(applier.applied)).toBe('0/428');
    replica.close();
  });
});
