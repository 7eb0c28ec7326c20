// A quick measurement, not a test or a bench case: what the commit-ordered activity counter
// (prisma/postgres/migrations/…_activity_sequence) costs in write throughput on PostgreSQL.
// Each transaction does what a typical command does — INSERT its row, INSERT its activity
// entry, COMMIT — with the entry's seq from a SERIAL (the old way) or from the counter row
// (UPDATE … RETURNING under its row lock, held until COMMIT). Runs on a throw-away local
// PostgreSQL with durable settings (fsync, synchronous_commit on).
//   npx tsx scripts/measure-activity-seq.ts [seconds per case, default 3]
import pg from 'pg';
import { applyPostgresMigrations } from '../src/db/postgres/migrate.ts';
import { databaseUrl, startPostgres } from '../test/support/postgres.ts';

const seconds = Number(process.argv[2] ?? 3);
const server = await startPostgres({ durable: true });
try {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('CREATE DATABASE measure');
  await admin.end();
  const url = databaseUrl(server, 'measure');
  await applyPostgresMigrations(url);
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  await setup.query('CREATE TABLE probe (id serial PRIMARY KEY, name text NOT NULL)');
  console.log('fsync', (await setup.query('SHOW fsync')).rows[0].fsync, 'synchronous_commit', (await setup.query('SHOW synchronous_commit')).rows[0].synchronous_commit);
  await setup.end();

  const entry = `("id", "subjectType", "subjectId", "activityType", "description", "actor")`;
  const statements = {
    serial: `INSERT INTO "ActivityLogEntry" ${entry} VALUES ($1, 'Probe', 'p', 'PROBED', 'd', 'system')`,
    counter:
      'WITH next AS (UPDATE "ActivitySequence" SET "value" = "value" + 1 WHERE "id" = 1 RETURNING "value") ' +
      `INSERT INTO "ActivityLogEntry" ("seq", "id", "subjectType", "subjectId", "activityType", "description", "actor") SELECT next."value", $1, 'Probe', 'p', 'PROBED', 'd', 'system' FROM next`,
  };

  let n = 0;
  async function run(mode: keyof typeof statements, connections: number): Promise<number> {
    const pool = new pg.Pool({ connectionString: url, max: connections });
    // The counter must start past what the serial handed out.
    await pool.query(`UPDATE "ActivitySequence" SET "value" = (SELECT coalesce(max(seq), 0) FROM "ActivityLogEntry") + 1000000`);
    const deadline = Date.now() + seconds * 1000;
    let done = 0;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        const c = await pool.connect();
        try {
          while (Date.now() < deadline) {
            await c.query('BEGIN');
            await c.query('INSERT INTO probe (name) VALUES ($1)', ['x']);
            await c.query(statements[mode], [`e-${mode}-${n++}`]);
            await c.query('COMMIT');
            done += 1;
          }
        } finally {
          c.release();
        }
      }),
    );
    await pool.end();
    return done / seconds;
  }

  await run('serial', 4); // warm-up: the first seconds of a fresh cluster are slower
  console.log('connections | SERIAL writes/s | counter writes/s | ratio');
  for (const connections of [1, 4, 16]) {
    const serial = await run('serial', connections);
    const counter = await run('counter', connections);
    console.log(`${connections} | ${serial.toFixed(0)} | ${counter.toFixed(0)} | ${(counter / serial).toFixed(2)}`);
  }
} finally {
  await server.stop();
}
