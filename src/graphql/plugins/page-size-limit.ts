// Refuses `first`/`last` above the page-size cap with a clear error instead of silently
// returning fewer rows than asked (the connection helpers clamp; this makes it visible).
import { GraphQLError, Kind, type ValueNode, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';

function valueOf(node: ValueNode, variables: Record<string, unknown> | undefined): unknown {
  if (node.kind === Kind.VARIABLE) return variables?.[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  return undefined;
}

export function usePageSizeLimit(maxPageSize: number): Plugin {
  return {
    onExecute({ args }) {
      const variables = args.variableValues as Record<string, unknown> | undefined;
      visit(args.document, {
        Argument(node) {
          if (node.name.value !== 'first' && node.name.value !== 'last') return;
          const value = valueOf(node.value, variables);
          if (typeof value === 'number' && (value > maxPageSize || value < 0)) {
            throw new GraphQLError(`"${node.name.value}" must be between 0 and ${maxPageSize} (got ${value})`, {
              extensions: { code: 'BAD_USER_INPUT' },
            });
          }
        },
      });
    },
  };
}
