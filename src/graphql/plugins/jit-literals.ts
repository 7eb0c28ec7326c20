// graphql-jit compiles a document's literal arguments into the generated code with
// JSON.stringify (graphql-jit's compileArguments), so a scalar whose parseLiteral returns
// what JSON cannot write — a BigInt literal such as `size: 10` — fails every time with "Do not
// know how to serialize a BigInt"; variables are unaffected (they are read at run time).
// Such documents run on graphql-js instead. Decided once per parsed document.
import { type DocumentNode, type GraphQLSchema, getNamedType, isScalarType, Kind, TypeInfo, visit, visitWithTypeInfo } from 'graphql';

const verdicts = new WeakMap<DocumentNode, boolean>();

/** Whether JSON.stringify reproduces a parsed literal value exactly. */
function embeddable(value: unknown): boolean {
  if (typeof value === 'bigint') return false;
  if (Array.isArray(value)) return value.every(embeddable);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    // `"__proto__": …` in an object literal of generated code sets the prototype instead.
    return Object.entries(value).every(([key, item]) => key !== '__proto__' && embeddable(item));
  }
  return true;
}

export function jitCanEmbedLiterals(schema: GraphQLSchema, document: DocumentNode): boolean {
  let verdict = verdicts.get(document);
  if (verdict !== undefined) return verdict;
  verdict = true;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      enter(node) {
        if (!verdict) return false;
        if (node.kind === Kind.VARIABLE || !node.kind.endsWith('Value')) return undefined;
        const type = typeInfo.getInputType();
        const named = type && getNamedType(type);
        if (!named || !isScalarType(named)) return undefined;
        try {
          if (!embeddable(named.parseLiteral(node as never, undefined))) verdict = false;
        } catch {
          /* an invalid literal: validation has reported it */
        }
        return false;
      },
    }),
  );
  verdicts.set(document, verdict);
  return verdict;
}
