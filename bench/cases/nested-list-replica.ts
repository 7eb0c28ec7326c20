// nested-list-replica (issue 16, milestone 3): the nested-list query (bench/cases/nested-list.ts)
// served by a PostgreSQL-mode gateway from its local replica, against an embedded-mode
// gateway over the same rows. Target ≥ 0.9: in PostgreSQL mode reads stay local, so a read
// should cost what it costs embedded.
//
// Same rows on both sides, not merely the same shape: the 50 use cases are seeded through the
// PostgreSQL-mode gateway's own mutations (bench/lib/seed.ts), replicated into its replica
// file, and the embedded gateway's SQLite file is an online-backup copy of that replica (the
// replica has exactly the embedded schema; its one bookkeeping table is dropped from the
// copy). So ids and timestamps agree and the answers must be byte-for-byte equal, which is
// checked before timing. A B B A halves, like every case; headline ratio replica/embedded by
// req/s, and the same by server CPU per request (embedded µs ÷ replica µs, so higher is
// better on both). PostgreSQL's own processes are idle during the reads and charged to neither.
// Runnable alone: `npx tsx bench/cases/nested-list-replica.ts [--duration N]`.
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { assertSameData } from '../lib/compare.ts';
import { type Gateway, makeTempDir, removeDir, startGateway } from '../lib/gateway.ts';
import { type LoadOptions, type LoadResult, mergeLoads, runLoad } from '../lib/load.ts';
import { loadRow } from '../lib/pair.ts';
import { type BenchPostgres, startBenchPostgres } from '../lib/postgres.ts';
import { seedUseCases } from '../lib/seed.ts';
import { runIfEntryPoint } from '../lib/standalone.ts';
import type { BenchCase, CaseResult } from '../lib/types.ts';
import { NESTED_LIST_QUERY } from './nested-list.ts';

const USE_CASES = 50;
const TARGET = 0.9;

type Answer = { useCases: { edges: Array<{ node: { transitions: { edges: unknown[] }; activity: { edges: unknown[] } } }> } };

/**
 * Copies the replica's SQLite file (while its gateway runs: the online backup API gives a
 * consistent snapshot) to `dest` as an embedded database: the same schema, the same rows.
 */
async function copyReplicaAsEmbedded(replicaFile: string, dest: string): Promise<void> {
  const src = new BetterSqlite3(replicaFile, { readonly: true, fileMustExist: true });
  try {
    await src.backup(dest);
  } finally {
    src.close();
  }
  const copy = new BetterSqlite3(dest);
  try {
    // Where the replica came from (slot, WAL position): meaningless to an embedded database.
    copy.exec('DROP TABLE IF EXISTS "_opsgraph_replica"');
  } finally {
    copy.close();
  }
}

const nestedListReplica: BenchCase = {
  name: 'nested-list-replica',
  description: `nested-list (${USE_CASES} use cases) from a PostgreSQL-mode gateway's local replica vs an embedded gateway over the same rows`,
  async run({ durationSec }): Promise<CaseResult> {
    let pgdb: BenchPostgres | undefined;
    let replicated: Gateway | undefined;
    let embedded: Gateway | undefined;
    // Made here, not by startGateway, so they are removed even when a gateway fails to start.
    const replicaDir = makeTempDir();
    const embeddedDir = makeTempDir();
    try {
      pgdb = await startBenchPostgres('opsgraph_bench_nested');
      replicated = await startGateway({ dataDir: replicaDir, env: { DATABASE_URL: pgdb.url, REPLICA_ID: 'bench_nested_list' } });
      // A mutation answers only once its own replica has applied the commit (read your
      // writes), so after the last one the replica holds every seeded row.
      await seedUseCases(replicated, USE_CASES);
      await copyReplicaAsEmbedded(path.join(replicaDir, 'replica.db'), path.join(embeddedDir, 'opsgraph.db'));
      embedded = await startGateway({ dataDir: embeddedDir });

      const r = await replicated.gql<Answer>(NESTED_LIST_QUERY);
      const e = await embedded.gql<Answer>(NESTED_LIST_QUERY);
      if (r.data.useCases.edges.length !== USE_CASES) throw new Error(`replica gateway returned ${r.data.useCases.edges.length} use cases, expected ${USE_CASES}`);
      // Same rows, same engine: the same order too, so no normalisation at all.
      assertSameData('nested-list-replica (replica vs embedded)', r.data, e.data);
      if (JSON.stringify(r.data) !== JSON.stringify(e.data)) throw new Error('nested-list-replica: answers are deep-equal but not byte-identical');
      const children = r.data.useCases.edges.reduce((n, x) => n + x.node.transitions.edges.length + x.node.activity.edges.length, 0);
      const sql = { replica: r.extensions?.sqlStatements, embedded: e.extensions?.sqlStatements };
      const kb = Buffer.byteLength(JSON.stringify(r)) / 1024;

      const body = JSON.stringify({ query: NESTED_LIST_QUERY, operationName: 'NestedList' });
      const targets: Record<'A' | 'B', LoadOptions> = {
        A: { url: replicated.graphqlUrl, headers: replicated.headers, body, durationSec: durationSec / 2, serverPid: replicated.pid },
        B: { url: embedded.graphqlUrl, headers: embedded.headers, body, durationSec: durationSec / 2, serverPid: embedded.pid },
      };
      const parts: Record<'A' | 'B', LoadResult[]> = { A: [], B: [] };
      for (const side of ['A', 'B', 'B', 'A'] as const) {
        parts[side].push(await runLoad({ ...targets[side], warmupSec: parts[side].length === 0 ? undefined : 0 }));
      }
      const rep = mergeLoads(parts.A);
      const emb = mergeLoads(parts.B);
      const cpu = rep.cpuUsPerReq && emb.cpuUsPerReq ? emb.cpuUsPerReq / rep.cpuUsPerReq : null;
      return {
        name: 'nested-list-replica',
        rows: [
          loadRow('gateway, PostgreSQL mode (reads from its replica)', rep, { 'sql/req': sql.replica, 'resp KB': kb }),
          loadRow('gateway, embedded (one SQLite file)', emb, { 'sql/req': sql.embedded, 'resp KB': kb }),
        ],
        ratio: rep.reqPerSec / emb.reqPerSec,
        target: TARGET,
        notes: [
          ...(cpu === null
            ? []
            : [`by server CPU per request: embedded/replica = ${cpu.toFixed(2)} (${Math.round(emb.cpuUsPerReq!)} vs ${Math.round(rep.cpuUsPerReq!)} µs; target ≥ ${TARGET}: ${cpu >= TARGET ? 'met' : 'NOT met'})`]),
          `ratio is replica/embedded (the "baseline" here is opsgraph's own embedded mode); target ≥ ${TARGET}: ${rep.reqPerSec / emb.reqPerSec >= TARGET ? 'met' : 'NOT met'} by req/s`,
          `${USE_CASES} use cases seeded through the PostgreSQL-mode gateway's mutations, ${children} child rows per answer; the embedded file is a copy of the replica, answers checked byte-identical before timing`,
          `PostgreSQL ${pgdb.server.port} (fsync and synchronous_commit on) is idle while reads are timed; its CPU is charged to neither side`,
        ],
      };
    } finally {
      await embedded?.stop();
      await replicated?.stop();
      removeDir(replicaDir);
      removeDir(embeddedDir);
      await pgdb?.server.stop();
    }
  },
};

export default nestedListReplica;
await runIfEntryPoint(import.meta.url, nestedListReplica);
