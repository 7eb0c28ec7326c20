// Depth, breadth and complexity limits, checked before execution and remembered per document
// and variables. The Pothos complexity plugin computes the same figures (from the fields'
// `complexity` settings and list multipliers) on every request, at the first root field;
// a client app sends the same few documents over and over, so the figures are computed
// once per (document, operation, variables) and then only compared with the limits.
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { type DocumentNode, GraphQLError, type GraphQLSchema, getOperationAST, Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface ComplexityLimits {
  maxComplexity: number;
  maxDepth: number;
  maxBreadth: number;
}

interface Figures {
  complexity: number;
  depth: number;
  breadth: number;
}

/** Variable sets remembered per document: enough for pagination, bounded against abuse. */
const MAX_VARIANTS_PER_DOCUMENT = 64;

function figuresOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): Figures | null {
  const operation = getOperationAST(document, operationName);
  if (!operation) return null; // execution reports the missing or ambiguous operation
  // complexityFromQuery measures a document's first operation: hand it this one and the fragments.
  const only: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)],
  };
  return complexityFromQuery(only, { schema, variables });
}

export function useComplexityLimit(limits: ComplexityLimits): Plugin {
  const cache = new WeakMap<DocumentNode, Map<string, Figures | null>>();

  function check(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined) {
    let byVariables = cache.get(document);
    if (!byVariables) cache.set(document, (byVariables = new Map()));
    const key = `${operationName ?? ''}\u0000${variables ? JSON.stringify(variables) : ''}`;
    let figures = byVariables.get(key);
    if (figures === undefined) {
      figures = figuresOf(schema, document, operationName, variables ?? {});
      if (byVariables.size >= MAX_VARIANTS_PER_DOCUMENT) byVariables.clear();
      byVariables.set(key, figures);
    }
    if (!figures) return;
    const refuse = (what: string, value: number, max: number) => {
      throw new GraphQLError(`Query exceeds maximum ${what} (${what}: ${value}, max: ${max})`, { extensions: { code: 'BAD_USER_INPUT' } });
    };
    if (figures.depth > limits.maxDepth) refuse('depth', figures.depth, limits.maxDepth);
    if (figures.breadth > limits.maxBreadth) refuse('breadth', figures.breadth, limits.maxBreadth);
    if (figures.complexity > limits.maxComplexity) refuse('complexity', figures.complexity, limits.maxComplexity);
  }

  return {
    onExecute({ args }) {
      check(args.schema, args.document, args.operationName, args.variableValues as Record<string, unknown> | undefined);
    },
    onSubscribe({ args }) {
      check(args.schema, args.document, args.operationName, args.variableValues as Record<string, unknown> | undefined);
    },
  };
}
