// pg-writes (issue 16): createUseCase on a gateway whose write store is PostgreSQL
// (DATABASE_URL=postgresql://…), against bench/lib/baseline-pg-server.ts doing the same two
// INSERTs in one transaction with a pg pool of the gateway writer's size. Both write to the
// same database of a real PostgreSQL started for the run with fsync and synchronous commit ON
// (a production setting: commit cost and lock hold times are what they would be). Headline:
// writes/s (req/s) at the same concurrency, A B B A; target ≥ 0.5. The server CPU figures
// exclude PostgreSQL's own processes, which both sides share.
// Runnable alone: `npx tsx bench/cases/pg-writes.ts [--duration N]`.
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { databaseUrl, startPostgres } from '../../test/support/postgres.ts';
import { assertSameData } from '../lib/compare.ts';
import { REPO_ROOT, removeDir, startGateway } from '../lib/gateway.ts';
import { type LoadOptions, type LoadResult, mergeLoads, runLoad } from '../lib/load.ts';
import { cpuRatioNote, loadRow } from '../lib/pair.ts';
import { freePort, spawnServer } from '../lib/process.ts';
import { runIfEntryPoint } from '../lib/standalone.ts';
import type { BenchCase, CaseResult } from '../lib/types.ts';
import { CREATE_MUTATION } from './mutation.ts';

const BASELINE_ENTRY = fileURLToPath(new URL('../lib/baseline-pg-server.ts', import.meta.url));
/** The gateway's writer pool on PostgreSQL (src/db/database.ts); the baseline gets the same. */
const WRITER_POOL = 4;
const CONNECTIONS = Number(process.env.PG_WRITES_CONNECTIONS ?? 16);

type Payload = { createUseCase: { __typename: string; useCase?: { id: string } } };

const pgWrites: BenchCase = {
  name: 'pg-writes',
  description: 'createUseCase on the PostgreSQL write store vs raw pg doing the same two INSERTs',
  async run({ durationSec }): Promise<CaseResult> {
    const server = await startPostgres({ durable: true });
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('CREATE DATABASE opsgraph_bench');
    await admin.end();
    const db = { url: databaseUrl(server, 'opsgraph_bench') };
    const gw = await startGateway({ env: { DATABASE_URL: db.url } });
    // The gateway numbers activity entries from its commit-ordered counter ("ActivitySequence",
    // from 1); the baseline keeps the column's plain SERIAL default (it does not pay for the
    // counter). Start that sequence far above the gateway's numbers so the two never collide
    // on the primary key (they did from the counter's introduction: the baseline's first
    // INSERT failed with a duplicate seq).
    {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      await c.query(`SELECT setval(pg_get_serial_sequence('"ActivityLogEntry"', 'seq'), 1000000000)`);
      await c.end();
    }
    let base: Awaited<ReturnType<typeof spawnServer>> | undefined;
    try {
      const port = await freePort();
      base = await spawnServer({
        name: 'baseline-pg',
        cwd: REPO_ROOT,
        nodeArgs: ['--import', 'tsx', BASELINE_ENTRY],
        env: { DATABASE_URL: db.url, PORT: String(port), POOL: String(WRITER_POOL) },
        port,
        readyPath: '/readyz',
      });
      const input = { name: 'Bench write', teamEmail: 'bench@example.com', description: 'written by bench/cases/pg-writes.ts' };
      const body = JSON.stringify({ query: CREATE_MUTATION, variables: { input }, operationName: 'Create' });

      // The same answer from both (ids aside), and each wrote one use case and one entry.
      const count = async () => {
        const c = new pg.Client({ connectionString: db.url });
        await c.connect();
        try {
          const r = await c.query<{ u: string; a: string }>('SELECT (SELECT count(*) FROM "UseCase") AS u, (SELECT count(*) FROM "ActivityLogEntry") AS a');
          return { useCases: Number(r.rows[0]!.u), activity: Number(r.rows[0]!.a) };
        } finally {
          await c.end();
        }
      };
      const before = await count();
      const g = await gw.gql<Payload>(CREATE_MUTATION, { input });
      const b = (await (await fetch(`${base.url}/create-use-case`, { method: 'POST', headers: gw.headers, body })).json()) as { data: Payload };
      const after = await count();
      const strip = (p: Payload) => ({ ...p.createUseCase, useCase: { ...p.createUseCase.useCase, id: '<id>' } });
      assertSameData('pg-writes answer', strip(g.data), strip(b.data));
      if (after.useCases - before.useCases !== 2 || after.activity - before.activity < 2) {
        throw new Error(`expected 1 use case + 1 activity row per side, got ${JSON.stringify({ before, after })}`);
      }

      const targets: Record<'A' | 'B', LoadOptions> = {
        A: { url: gw.graphqlUrl, headers: gw.headers, body, durationSec: durationSec / 2, connections: CONNECTIONS, serverPid: gw.pid },
        B: { url: `${base.url}/create-use-case`, headers: gw.headers, body, durationSec: durationSec / 2, connections: CONNECTIONS, serverPid: base.pid },
      };
      const parts: Record<'A' | 'B', LoadResult[]> = { A: [], B: [] };
      for (const side of ['A', 'B', 'B', 'A'] as const) {
        parts[side].push(await runLoad({ ...targets[side], warmupSec: parts[side].length === 0 ? undefined : 0 }));
      }
      const gateway = mergeLoads(parts.A);
      const baseline = mergeLoads(parts.B);
      const written = await count();
      return {
        name: 'pg-writes',
        rows: [loadRow('gateway (opsgraph serve, DATABASE_URL=postgresql)', gateway), loadRow('baseline (node:http + pg pool)', baseline)],
        ratio: gateway.reqPerSec / baseline.reqPerSec,
        target: 0.5,
        notes: [
          ...cpuRatioNote(gateway, baseline),
          `PostgreSQL ${server.port} with fsync=on, synchronous_commit=on; ${CONNECTIONS} client connections; writer pool ${WRITER_POOL} on both sides`,
          'answers checked equal before timing (ids aside)',
          `${written.useCases.toLocaleString('en-US')} use cases written in all`,
        ],
      };
    } finally {
      await base?.stop();
      await gw.stop();
      removeDir(gw.dataDir);
      await server.stop();
    }
  },
};

export default pgWrites;
await runIfEntryPoint(import.meta.url, pgWrites);
