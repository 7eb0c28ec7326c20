// The read model's prepared-statement connection (src/db/sql-reader.ts) is SQLite: in
// PostgreSQL mode it is the gateway's local replica (src/replica/). One-shot CLI commands
// keep no replica — each would need a replication slot of its own and a full copy — so the
// few read paths they could reach that use it answer with this error instead.
// A GraphQLError with a code, so the error masking passes it through as it is.
import { GraphQLError } from 'graphql';
import type { SqlReader } from '../sql-reader.ts';

export class ReadModelUnavailableError extends GraphQLError {
  constructor() {
    super(
      'this read is served by the local SQLite replica, which only a gateway (`opsgraph serve`) keeps in PostgreSQL mode; ' +
        'ask a gateway (see README "Scale-out")',
      { extensions: { code: 'NO_LOCAL_REPLICA' } },
    );
  }
}

export function unavailableSqlReader(): SqlReader {
  const refuse = () => {
    throw new ReadModelUnavailableError();
  };
  return { all: refuse, arrays: refuse, get: refuse, close: () => {} } as unknown as SqlReader;
}
