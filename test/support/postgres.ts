/**
 * A real PostgreSQL (Debian's postgresql-15) on 127.0.0.1 for tests.
 *
 * `startPostgres()` runs `initdb` in a fresh temp folder, starts the server on a free loopback
 * port with `pg_ctl`, and returns its URL and a `stop()`. initdb refuses to run as root, so as
 * root the folder belongs to the `postgres` user and the tools run through `runuser`.
 *
 * Local socket connections are trusted; TCP connections need the password (scram-sha-256),
 * so a test can show what a wrong password does. `wal_level=logical` is on, so logical
 * replication (pgoutput slots, publications) works on the same server.
 *
 * `createUpstreamDatabase()` makes a fresh database with seed 003's upstream tables and
 * generated members; each test file takes its own database on the run's one server.
 */
import { execFile, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { freePort } from './s3-server.ts';

// Plain require: vitest's global setup transforms ESM imports (slow) and pg is CJS anyway.
const pg = createRequire(import.meta.url)('pg') as typeof import('pg');

export const DEFAULT_PG_USER = 'postgres';
export const DEFAULT_PG_PASSWORD = 'opsgraph-test-password';

export interface PostgresConnection {
  /** postgresql://user:password@127.0.0.1:port/postgres */
  url: string;
  host: string;
  port: number;
  user: string;
  password: string;
}

export interface PostgresServer extends PostgresConnection {
  dir: string;
  pid: number;
  /** Stops the server (fast shutdown) and removes its folder. Safe to call twice. */
  stop(): Promise<void>;
  /**
   * Stops the server (`mode`: fast, or immediate — a crash, with recovery at start), runs
   * `whileDown` while nothing listens on the port, then starts it again on the same port
   * with the same data. Resolves once it accepts connections again.
   */
  restart(options?: { mode?: 'fast' | 'immediate'; whileDown?: () => Promise<void> }): Promise<void>;
}

/** The folder holding initdb/pg_ctl: Debian's versioned folder first, then PATH. */
export function findPostgresBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length) return join(base, versions[0]!, 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, 'initdb'))) return dir;
  return null;
}

function run(command: string, args: string[], asPostgres: boolean, timeoutMs = 60_000): Promise<string> {
  const [cmd, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    execFile(cmd, argv, { timeout: timeoutMs, maxBuffer: 8 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

export async function startPostgres(
  options: {
    keepDir?: boolean;
    /** fsync, synchronous_commit and full_page_writes left on, as in production (measurements). */
    durable?: boolean;
  } = {},
): Promise<PostgresServer> {
  const bin = findPostgresBin();
  if (!bin) {
    throw new Error(
      'PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin or on PATH); run (as root) ' +
        '`apt-get install -y postgresql`, or point OPSGRAPH_TEST_POSTGRES_URL at a running server.',
    );
  }
  const asPostgres = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'opsgraph-pg-'));
  const data = join(dir, 'data');
  const password = DEFAULT_PG_PASSWORD;
  if (asPostgres) {
    const { uid, gid } = await postgresIds();
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const pwfile = join(dir, 'pwfile');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (asPostgres) {
    const { uid, gid } = await postgresIds();
    chownSync(pwfile, uid, gid);
  }
  try {
    await run(
      join(bin, 'initdb'),
      ['-D', data, '-U', DEFAULT_PG_USER, `--pwfile=${pwfile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--no-sync', '--locale=C'],
      asPostgres,
    );
    let lastError: unknown;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const port = await freePort();
      const serverOptions = [
        `-p ${port}`,
        `-k ${dir}`,
        '-c listen_addresses=127.0.0.1',
        // The scale-out work reads the same server through logical replication.
        '-c wal_level=logical',
        '-c max_replication_slots=20',
        '-c max_wal_senders=20',
        // A test cluster: durability buys nothing and costs seconds.
        ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
        '-c max_connections=200',
      ].join(' ');
      try {
        await run(join(bin, 'pg_ctl'), ['-D', data, '-o', serverOptions, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start'], asPostgres, 90_000);
        const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
        let current = pid; // the postmaster's PID, new after each restart()
        startWatchdog(bin, data, asPostgres);
        let stopped: Promise<void> | undefined;
        const stop = () =>
          (stopped ??= (async () => {
            await run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], asPostgres).catch(() => {
              // pg_ctl could not stop it: end it by the PID we recorded.
              try {
                process.kill(current, 'SIGQUIT');
              } catch {
                /* already gone */
              }
            });
            if (!options.keepDir) rmSync(dir, { recursive: true, force: true });
          })());
        const host = '127.0.0.1';
        const url = `postgresql://${DEFAULT_PG_USER}:${encodeURIComponent(password)}@${host}:${port}/postgres`;
        const restart = async ({ mode = 'fast', whileDown }: { mode?: 'fast' | 'immediate'; whileDown?: () => Promise<void> } = {}) => {
          await run(join(bin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop'], asPostgres);
          try {
            await whileDown?.();
          } finally {
            await run(join(bin, 'pg_ctl'), ['-D', data, '-o', serverOptions, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start'], asPostgres, 90_000);
            current = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
            // The watchdog ends when postmaster.pid goes (the stop above): watch the new server.
            startWatchdog(bin, data, asPostgres);
          }
        };
        const server = { url, host, port, user: DEFAULT_PG_USER, password, dir, pid, stop, restart };
        Object.defineProperty(server, 'pid', { get: () => current });
        return server;
      } catch (error) {
        lastError = error;
        const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : '';
        if (!/could not bind|already in use/i.test(log)) break;
      }
    }
    throw lastError;
  } catch (error) {
    if (!options.keepDir) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres'], false), run('id', ['-g', 'postgres'], false)]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

/** If this process dies without stop(), a detached shell stops the server instead of leaving it running. */
function startWatchdog(bin: string, data: string, asPostgres: boolean): void {
  const stopCmd = `${asPostgres ? 'runuser -u postgres -- ' : ''}"${join(bin, 'pg_ctl')}" -D "${data}" -m immediate stop`;
  const script = `while [ -e /proc/${process.pid} ] && ! grep -q '^State:.*zombie' /proc/${process.pid}/status 2>/dev/null; do [ -e "${data}/postmaster.pid" ] || exit 0; sleep 1; done; [ -e "${data}/postmaster.pid" ] && ${stopCmd} >/dev/null 2>&1`;
  const child = spawn('bash', ['-c', script], { detached: true, stdio: 'ignore' });
  child.unref();
}

/** A connection from OPSGRAPH_TEST_POSTGRES_URL (a server someone already runs). */
export function connectionFromUrl(text: string): PostgresConnection {
  const u = new URL(text);
  return {
    url: text,
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || DEFAULT_PG_USER),
    password: decodeURIComponent(u.password),
  };
}

/** The same server, another database. */
export function databaseUrl(conn: PostgresConnection, database: string): string {
  const u = new URL(conn.url);
  u.pathname = `/${database}`;
  return u.toString();
}

// ------------------------------------------------------------------ upstream fixtures (seed 003)

/** Seed 003's three upstream tables, with the seed's column names and types. */
export const UPSTREAM_DDL = `
CREATE TABLE members (
  bioguideid         varchar PRIMARY KEY,
  currentmember      boolean NOT NULL,
  officialwebsiteurl text,
  firstname          varchar,
  lastname           varchar,
  state              varchar(2)
);
CREATE TABLE members_contact (
  bioguideid   varchar PRIMARY KEY,
  contact_page text NOT NULL
);
CREATE TABLE district_offices (
  office_id   varchar PRIMARY KEY,
  bioguide_id varchar NOT NULL,
  address     text,
  suite       text,
  building    text,
  city        text,
  state       varchar(2),
  zip         varchar(10),
  phone       varchar(20),
  fax         varchar(20),
  hours       text
);`;

const STATES = ['CA', 'TX', 'NY', 'FL', 'PA', 'OH', 'IL', 'GA', 'NC', 'MI', 'WA', 'AZ'];
const FIRST = ['Ana', 'Ben', 'Cora', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jun', "Mary O'Neil"];
const LAST = ['Adams', 'Baker', 'Chen', 'Diaz', 'Evans', 'Fox', 'Garcia', 'Hill', 'Ito', 'Jones'];

export interface FixtureMember {
  bioguideid: string;
  currentmember: boolean;
  officialwebsiteurl: string | null;
  firstname: string | null;
  lastname: string | null;
  state: string;
  contactPage: string | null;
}

/**
 * Deterministic members: every 7th is not current, every 5th has no contact page, every
 * 11th has no website. Ids look like bioguide ids (a letter and six digits).
 */
export function fixtureMembers(count: number, offset = 0): FixtureMember[] {
  return Array.from({ length: count }, (_, k) => {
    const i = k + offset;
    const bioguideid = `${String.fromCharCode(65 + (i % 26))}${String(100000 + i)}`;
    return {
      bioguideid,
      currentmember: i % 7 !== 3,
      officialwebsiteurl: i % 11 === 5 ? null : `https://member-${i}.house.example`,
      firstname: FIRST[i % FIRST.length]!,
      lastname: LAST[(i * 3) % LAST.length]!,
      state: STATES[i % STATES.length]!,
      contactPage: i % 5 === 2 ? null : `https://member-${i}.house.example/contact`,
    };
  });
}

export interface UpstreamDatabase {
  /** URL of the fresh database (same server, same credentials). */
  url: string;
  database: string;
  members: FixtureMember[];
  /** A pg client on that database, for the test's own checks. */
  query<R extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Drops the database. */
  drop(): Promise<void>;
}

/** Inserts members (and their contact pages) in batches with parameters. */
export async function insertFixtureMembers(client: import('pg').Client, members: FixtureMember[]): Promise<void> {
  for (let i = 0; i < members.length; i += 1000) {
    const batch = members.slice(i, i + 1000);
    await client.query(
      `INSERT INTO members (bioguideid, currentmember, officialwebsiteurl, firstname, lastname, state)
       SELECT * FROM unnest($1::varchar[], $2::boolean[], $3::text[], $4::varchar[], $5::varchar[], $6::varchar[])`,
      [
        batch.map((m) => m.bioguideid),
        batch.map((m) => m.currentmember),
        batch.map((m) => m.officialwebsiteurl),
        batch.map((m) => m.firstname),
        batch.map((m) => m.lastname),
        batch.map((m) => m.state),
      ],
    );
    const contacts = batch.filter((m) => m.contactPage);
    await client.query(`INSERT INTO members_contact (bioguideid, contact_page) SELECT * FROM unnest($1::varchar[], $2::text[])`, [
      contacts.map((m) => m.bioguideid),
      contacts.map((m) => m.contactPage),
    ]);
  }
}

/** A fresh database on the run's server with the upstream tables and `members` generated members. */
export async function createUpstreamDatabase(conn: PostgresConnection, options: { members?: number } = {}): Promise<UpstreamDatabase> {
  const database = `upstream_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: conn.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${database}`); // a generated identifier, not user text
  } finally {
    await admin.end();
  }
  const url = databaseUrl(conn, database);
  const members = fixtureMembers(options.members ?? 300);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(UPSTREAM_DDL);
    await insertFixtureMembers(client, members);
  } finally {
    await client.end();
  }
  return {
    url,
    database,
    members,
    async query(sql, params) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        return (await c.query(sql, params as unknown[])).rows;
      } finally {
        await c.end();
      }
    },
    async drop() {
      const c = new pg.Client({ connectionString: conn.url });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
