// What a client sees when something fails. Expected client errors (bad IDs, bad cursors,
// auth) pass through with a code; anything unexpected is logged with the request id and
// replaced by a message that names that id, so an operator can find it in the log.
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { storeUnavailability } from '../../db/postgres/unavailable.ts';
import { StoreUnavailableError } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import { currentRequestId } from '../../request-context.ts';

// Checked by name as well as by class: under some loaders (vitest) two copies of graphql-js
// or Pothos are in the process, and instanceof fails across copies.
function isGraphQLError(e: unknown): e is GraphQLError {
  return e instanceof GraphQLError || (e instanceof Error && e.name === 'GraphQLError');
}

function isPothosValidationError(e: unknown): e is Error {
  return e instanceof PothosValidationError || (e instanceof Error && e.name === 'PothosValidationError');
}

export function maskError(logger: Logger) {
  return (error: unknown, _message: string, isDev?: boolean): Error => {
    void isDev;
    const graphqlError = isGraphQLError(error) ? error : null;
    const original = graphqlError?.originalError ?? (graphqlError ? null : error);
    // Pothos validation errors (bad global IDs, cursors, page arguments) are GraphQLErrors
    // without a code: give them one before the pass-through below.
    if (isPothosValidationError(original)) {
      return new GraphQLError(original.message, {
        nodes: graphqlError?.nodes,
        path: graphqlError?.path,
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    // Errors we raised on purpose (auth, limits, bad input) carry a code: keep them, with their path.
    if (!original || isGraphQLError(original)) return error as Error;
    // PostgreSQL down or restarting: not a bug but an outage a client can wait out, so it
    // gets a code and `retryable` rather than the masked INTERNAL_SERVER_ERROR below. It
    // cannot be one of the mutations' typed errors: the failure comes from the write store's
    // connection, under the command, not from a rule the command checks.
    const unavailable = storeUnavailability(original);
    if (unavailable) {
      const typed = new StoreUnavailableError(unavailable === 'unknown', { cause: original });
      logger.warn({ err: original, path: graphqlError?.path?.join('.'), requestId: currentRequestId() }, 'the write store is unavailable');
      return new GraphQLError(typed.message, {
        nodes: graphqlError?.nodes,
        path: graphqlError?.path,
        extensions: { code: typed.code, retryable: typed.retryable, maybeApplied: typed.maybeApplied },
      });
    }
    const requestId = currentRequestId() ?? 'unknown';
    logger.error({ err: original, path: graphqlError?.path?.join('.'), requestId }, 'unexpected error');
    return new GraphQLError(`Unexpected error; request id ${requestId} (the server log has the details)`, {
      nodes: graphqlError?.nodes,
      path: graphqlError?.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    });
  };
}
