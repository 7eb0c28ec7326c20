// The upstream PostgreSQL, through the `pg` driver: connections with a bounded connect time,
// and errors turned into UpstreamError messages that name the host and never the password.
// Types only: the driver itself (~10 MB resident) loads on the first upstream call, not at start.
import type pg from 'pg';
import { UpstreamError, UpstreamNotConfiguredError } from '../commands/extractions/errors.ts';
import type { Config } from '../config.ts';
import { DomainError } from '../errors.ts';

export interface UpstreamTarget {
  url: string;
  /** host:port/database, for messages and activity entries (no user, no password). */
  label: string;
  host: string;
}

export function upstreamTarget(config: Config): UpstreamTarget {
  const url = config.upstream.url;
  if (!url) throw new UpstreamNotConfiguredError();
  const u = new URL(url);
  const host = u.hostname || 'localhost';
  return { url, host, label: `${host}:${u.port || 5432}${u.pathname || '/'}` };
}

/** A readable reason for a driver error, with any password scrubbed out. */
export function describePgError(err: unknown, target: UpstreamTarget): string {
  const e = err as { code?: string; message?: string };
  const password = decodeURIComponent(new URL(target.url).password);
  let reason = e.message || String(err);
  if (e.code === 'ECONNREFUSED') reason = 'connection refused (is PostgreSQL running and listening there?)';
  else if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') reason = 'the host name does not resolve';
  else if (e.code === '28P01') reason = `${e.message} (check the user and password in UPSTREAM_DATABASE_URL)`;
  else if (e.code === '3D000') reason = `${e.message} (check the database name in UPSTREAM_DATABASE_URL)`;
  if (password) reason = reason.split(password).join('***');
  return reason;
}

export function upstreamError(err: unknown, target: UpstreamTarget, doing: string): UpstreamError {
  if (err instanceof UpstreamError) return err;
  return new UpstreamError(target.host, `upstream PostgreSQL at ${target.label}: ${doing} failed: ${describePgError(err, target)}`);
}

/** Runs `fn` with a connected client and always closes it; driver errors become UpstreamError. */
export async function withUpstream<T>(target: UpstreamTarget, doing: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const { default: driver } = await import('pg');
  const client = new driver.Client({ connectionString: target.url, connectionTimeoutMillis: 10_000, application_name: 'opsgraph' });
  // A dropped connection emits 'error' on the client; without a listener it would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    throw upstreamError(err, target, 'connecting');
  }
  try {
    return await fn(client);
  } catch (err) {
    // Our own failures (domain errors, the local database's) pass through; the rest came from
    // the driver or the connection (a statement refused, "Connection terminated", a reset).
    if (err instanceof DomainError || !(err instanceof Error) || err.name.startsWith('PrismaClient')) throw err;
    throw upstreamError(err, target, doing);
  } finally {
    await client.end().catch(() => undefined);
  }
}
