// upstream-pull (issue 13): 50,000 members pulled from a real PostgreSQL through
// `opsgraph upstream pull` (a child process, as a user runs it), against a baseline in this
// process that reads the same rows with one query (rows as arrays) and upserts them with a
// prepared better-sqlite3 statement in one transaction. The gateway's figure is the pull's
// own `ms` from its JSON report (server-measured: read + write, without Node's start-up and
// the migration check). Also printed: a second pull with nothing changed, and push rows/s
// (validated offices written to district_offices with the ON CONFLICT upsert).
// UPSTREAM_PULL_MEMBERS=N changes the size. Runnable alone: `npx tsx bench/cases/upstream-pull.ts`.
import { execFile } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createUpstreamDatabase, startPostgres } from '../../test/support/postgres.ts';
import { makeTempDir, REPO_ROOT, removeDir } from '../lib/gateway.ts';
import { runIfEntryPoint } from '../lib/standalone.ts';
import type { BenchCase, CaseResult } from '../lib/types.ts';

const MEMBERS = Number(process.env.UPSTREAM_PULL_MEMBERS ?? 50_000);
const OFFICES = Math.min(10_000, MEMBERS);
/** Gateway/baseline pairs, alternating which goes first. */
const REPEATS = Number(process.env.UPSTREAM_PULL_REPEATS ?? 4);
const BIN = path.join(REPO_ROOT, 'bin', 'opsgraph.js');

function cli(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, timeout: 600_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${args.join(' ')}: ${err.message}\n${stderr}`)) : resolve(stdout),
    ),
  );
}

/** The hand-written pull: one SELECT, rows as arrays, one prepared upsert in one transaction. */
async function baselinePull(url: string, file: string): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const res = await client.query<unknown[]>({
    text: `SELECT m.bioguideid, m.officialwebsiteurl, m.firstname, m.lastname, m.state, c.contact_page
             FROM members m LEFT JOIN members_contact c ON c.bioguideid = m.bioguideid WHERE m.currentmember`,
    rowMode: 'array',
  });
  await client.end();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const upsert = db.prepare(
    `INSERT INTO Member (bioguideId, currentMember, officialWebsiteUrl, firstName, lastName, name, state, contactPage, pulledAt, createdAt, updatedAt)
     VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (bioguideId) DO UPDATE SET currentMember = 1, officialWebsiteUrl = excluded.officialWebsiteUrl, firstName = excluded.firstName,
       lastName = excluded.lastName, name = excluded.name, state = excluded.state, contactPage = excluded.contactPage, pulledAt = excluded.pulledAt, updatedAt = excluded.updatedAt`,
  );
  const now = new Date().toISOString();
  db.transaction(() => {
    for (const [id, url2, first, last, state, contact] of res.rows as Array<[string, string, string, string, string, string]>) {
      upsert.run(id, url2, first, last, `${first ?? ''} ${last ?? ''}`.trim(), state, contact, now, now, now);
    }
  })();
  db.close();
  return { ms: performance.now() - started, rows: res.rows.length };
}

const upstreamPull: BenchCase = {
  name: 'upstream-pull',
  description: `opsgraph upstream pull of ${MEMBERS} members vs one SELECT + a prepared upsert; push rows/s`,
  async run(): Promise<CaseResult> {
    const server = await startPostgres();
    const dirs: string[] = [];
    const fresh = async (env: (dir: string) => Record<string, string>) => {
      const dir = makeTempDir();
      dirs.push(dir);
      await cli(['migrate'], env(dir));
      return dir;
    };
    try {
      const upstream = await createUpstreamDatabase(server, { members: MEMBERS });
      const env = (dir: string) => ({ DATA_DIR: dir, UPSTREAM_DATABASE_URL: upstream.url });
      const rps = (rows: number, ms: number) => (rows / ms) * 1000;

      // A B B A … pairs into fresh databases: the machine's drift hits both sides alike.
      const pulls: Array<{ gw: number; bl: number; gwMs: number; blMs: number }> = [];
      let gwDir = '';
      let first: { read: number; ms: number; inserted: number } | null = null;
      for (let r = 0; r < REPEATS; r++) {
        const gDir = await fresh(env);
        const bDir = await fresh(env);
        const gatewaySide = async () => JSON.parse(await cli(['upstream', 'pull', '--json'], env(gDir))) as { read: number; ms: number; inserted: number };
        const baselineSide = () => baselinePull(upstream.url, path.join(bDir, 'opsgraph.db'));
        let g: { read: number; ms: number; inserted: number };
        let b: { ms: number; rows: number };
        if (r % 2 === 0) {
          g = await gatewaySide();
          b = await baselineSide();
        } else {
          b = await baselineSide();
          g = await gatewaySide();
        }
        if (b.rows !== g.read || g.inserted !== g.read) throw new Error(`different answers: baseline ${b.rows} rows, gateway ${JSON.stringify(g)}`);
        pulls.push({ gw: rps(g.read, g.ms), bl: rps(b.rows, b.ms), gwMs: g.ms, blMs: b.ms });
        first ??= g;
        gwDir ||= gDir;
      }
      const second = JSON.parse(await cli(['upstream', 'pull', '--json'], env(gwDir)));

      // Push: OFFICES validated offices (written straight into the file: what a day of reviews leaves).
      const db = new Database(path.join(gwDir, 'opsgraph.db'));
      const ids = db.prepare('SELECT bioguideId FROM Member ORDER BY bioguideId LIMIT ?').pluck().all(OFFICES) as string[];
      // Stored as Prisma stores DateTime (src/db/writer-connection.ts), so the push's mark matches.
      const now = new Date().toISOString().replace('Z', '+00:00');
      const ins = db.prepare(`INSERT INTO ValidatedOffice (officeId, bioguideId, address, city, state, zip, phone, validatedAt, syncedToUpstream, createdAt, updatedAt)
        VALUES (?, ?, '1 Main St', 'Capital City', 'CA', '10001', '555-0100', ?, 0, ?, ?)`);
      db.transaction(() => ids.forEach((id) => ins.run(`${id}-bench`, id, now, now, now)))();
      db.close();
      const push = JSON.parse(await cli(['upstream', 'push', '--json'], env(gwDir)));
      const status = JSON.parse(await cli(['upstream', 'status', '--json'], env(gwDir)));
      await upstream.drop();

      const ratios = pulls.map((p) => p.gw / p.bl).sort((a, b) => a - b);
      const median = ratios[Math.floor(ratios.length / 2)]!;
      const mid = <T>(xs: T[], f: (x: T) => number) => xs.map(f).sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      return {
        name: 'upstream-pull',
        rows: [
          { label: `gateway: opsgraph upstream pull (first, median of ${REPEATS})`, rowsPerSec: mid(pulls, (p) => p.gw), ms: mid(pulls, (p) => p.gwMs), rowsRead: first!.read },
          { label: 'gateway: pull again (nothing changed)', rowsPerSec: rps(second.read, second.ms), ms: second.ms, rowsRead: second.read },
          { label: `baseline: one SELECT + prepared upsert (median of ${REPEATS})`, rowsPerSec: mid(pulls, (p) => p.bl), ms: Math.round(mid(pulls, (p) => p.blMs)), rowsRead: first!.read },
          { label: 'gateway: opsgraph upstream push', rowsPerSec: rps(push.offices, push.ms), ms: push.ms, rowsRead: push.offices },
        ],
        ratio: median,
        target: 0.5,
        notes: [
          "gateway figures are the command's own `ms` (read + write), without process start-up",
          `pull ratio per pair (gateway/baseline rows/s, A B B A order, fresh databases): ${pulls.map((p) => (p.gw / p.bl).toFixed(2)).join(', ')}; median ${median.toFixed(2)}, range ${ratios[0]!.toFixed(2)}–${ratios.at(-1)!.toFixed(2)}`,
          `push marked ${OFFICES - status.local.unsyncedOffices} of ${OFFICES} offices synced`,
        ],
      };
    } finally {
      for (const d of dirs) removeDir(d);
      await server.stop();
    }
  },
};

export default upstreamPull;
await runIfEntryPoint(import.meta.url, upstreamPull);
