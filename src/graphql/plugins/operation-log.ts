// One log line and one histogram sample per executed GraphQL operation, carrying the
// request id that the x-request-id response header (HTTP) or the operation (WebSocket) has.
import type { DefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../context.ts';
import type { Logger } from '../../logger.ts';
import type { Metrics } from '../../metrics.ts';
import { SQL_TALLY } from './sql-counter.ts';

export function useOperationLog(logger: Logger, metrics: Metrics): Plugin<GraphQLContext> {
  return {
    onExecute({ args }) {
      const started = process.hrtime.bigint();
      const operation = args.document.definitions.find((d: DefinitionNode) => d.kind === 'OperationDefinition');
      const type = operation && 'operation' in operation ? operation.operation : 'query';
      const name = args.operationName ?? (operation && 'name' in operation ? operation.name?.value : undefined) ?? 'anonymous';
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result) return;
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const status = result.errors?.length ? 'error' : 'ok';
          const ctx = args.contextValue as unknown as GraphQLContext & Record<symbol, { statements: number } | undefined>;
          const sql = ctx[SQL_TALLY]?.statements ?? 0;
          const operation = metrics.operationNames.label(name === 'anonymous' ? undefined : name);
          metrics.operations.observe({ operation, type, status }, ms / 1000);
          metrics.operationSql.observe({ operation, type }, sql);
          logger.info({ requestId: ctx.requestId, op: name, type, ms: Math.round(ms * 100) / 100, status, sql, actor: ctx.actor?.label }, 'graphql');
        },
      };
    },
  };
}
