// The replica's own PostgreSQL connections (never the gateway's Prisma pools): a replication
// connection (walsender: slot commands, the stream) and plain ones (the snapshot copy, status
// queries). The session settings fix the text form of values (./values.ts reads it), whatever
// the server's defaults are.
import pg from 'pg';

const SESSION = '-c DateStyle=ISO,YMD -c TimeZone=UTC -c extra_float_digits=1 -c bytea_output=hex -c IntervalStyle=postgres';

export function plainClient(url: string, applicationName: string): pg.Client {
  return quiet(new pg.Client({ connectionString: url, options: SESSION, application_name: applicationName }));
}

export function replicationClient(url: string, applicationName: string): pg.Client {
  return quiet(new pg.Client({ connectionString: url, options: SESSION, application_name: applicationName, replication: 'database' } as pg.ClientConfig));
}

/**
 * A connection lost while idle emits 'error'; unheard, that would end the process. The query
 * in progress (if any) rejects with it anyway, and that is where it is handled.
 */
function quiet(client: pg.Client): pg.Client {
  client.on('error', () => {});
  return client;
}

/** Query options that hand every value over as PostgreSQL's text (no type parsing). */
export const TEXT_VALUES = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

/** "opsgraph" etc. as an SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
