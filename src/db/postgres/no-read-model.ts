// The read model's prepared-statement connection (src/db/sql-reader.ts) is SQLite: on the
// PostgreSQL write store it will be the gateway's local replica (scale-out milestone 2).
// Until then the read paths that use it answer with this error instead of querying a file
// that no one writes.
// A GraphQLError with a code, so the error masking passes it through to the client as it is.
import { GraphQLError } from 'graphql';
import type { SqlReader } from '../sql-reader.ts';

export class ReadModelUnavailableError extends GraphQLError {
  constructor() {
    super(
      'this read is served by the local SQLite read model, which a gateway on PostgreSQL does not have yet ' +
        '(scale-out milestone 2: the logical-replication replica); see README "Scale-out (milestone 1)"',
      { extensions: { code: 'NOT_YET_ON_POSTGRESQL' } },
    );
  }
}

export function unavailableSqlReader(): SqlReader {
  const refuse = () => {
    throw new ReadModelUnavailableError();
  };
  return { all: refuse, arrays: refuse, get: refuse, close: () => {} } as unknown as SqlReader;
}
