// Counts the SQL statements each operation runs (see src/db/sql-counter.ts) and, when
// OPSGRAPH_DEBUG_SQL=1, reports them in the response: `extensions.sqlStatements`.
import type { Plugin } from 'graphql-yoga';
import { withSqlCounter } from '../../db/sql-counter.ts';

export const SQL_TALLY = Symbol('sqlTally');

export function useSqlCounter(expose: boolean): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn, args }) {
      let statements = 0;
      setExecuteFn((execArgs) => {
        const { result, tally } = withSqlCounter(() => executeFn(execArgs));
        // The tally object keeps counting while the promise settles; read it at the end.
        (args.contextValue as unknown as Record<symbol, unknown>)[SQL_TALLY] = tally;
        return result;
      });
      return {
        onExecuteDone({ result, setResult }) {
          const tally = (args.contextValue as unknown as Record<symbol, { statements: number } | undefined>)[SQL_TALLY];
          statements = tally?.statements ?? 0;
          if (!expose || !result || Symbol.asyncIterator in result) return;
          setResult({ ...result, extensions: { ...result.extensions, sqlStatements: statements } });
        },
      };
    },
  };
}
