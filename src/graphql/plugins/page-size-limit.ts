// Refuses `first`/`last` above the page-size cap with a clear error instead of silently
// returning fewer rows than asked (the connection helpers clamp; this makes it visible).
import { type ArgumentNode, type DocumentNode, GraphQLError, Kind, type ValueNode, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';

// The `first`/`last` arguments of a document, found once per parsed document (Yoga reuses
// the parsed document for the same query text), so a request only reads their values.
const pageArguments = new WeakMap<DocumentNode, ArgumentNode[]>();

function pageArgumentsOf(document: DocumentNode): ArgumentNode[] {
  let found = pageArguments.get(document);
  if (!found) {
    const list: ArgumentNode[] = [];
    visit(document, {
      Argument(node) {
        if (node.name.value === 'first' || node.name.value === 'last') list.push(node);
      },
    });
    pageArguments.set(document, (found = list));
  }
  return found;
}

function valueOf(node: ValueNode, variables: Record<string, unknown> | undefined): unknown {
  if (node.kind === Kind.VARIABLE) return variables?.[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  return undefined;
}

export function usePageSizeLimit(maxPageSize: number): Plugin {
  return {
    onExecute({ args }) {
      const variables = args.variableValues as Record<string, unknown> | undefined;
      for (const node of pageArgumentsOf(args.document)) {
        const value = valueOf(node.value, variables);
        if (typeof value === 'number' && (value > maxPageSize || value < 0)) {
          throw new GraphQLError(`"${node.name.value}" must be between 0 and ${maxPageSize} (got ${value})`, {
            extensions: { code: 'BAD_USER_INPUT' },
          });
        }
      }
    },
  };
}
