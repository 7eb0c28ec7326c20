// Scalars shared by the whole graph.
import { GraphQLError, Kind } from 'graphql';
import { builder } from '../builder.ts';

// The read model hands out instants already in this form (src/db/sql-reader.ts isoUtc);
// passing them through saves a Date parse per value on large lists. The shape is checked by
// length and separator positions (no digit or calendar check: only the read model hands out
// instant strings), about half the cost of the regular expression it replaced; a nested list
// serializes ~700 of them.
function isCanonicalInstant(v: string): boolean {
  return (
    v.length === 24 &&
    v.charCodeAt(23) === 90 /* Z */ &&
    v.charCodeAt(10) === 84 /* T */ &&
    v.charCodeAt(4) === 45 &&
    v.charCodeAt(7) === 45 &&
    v.charCodeAt(13) === 58 &&
    v.charCodeAt(16) === 58 &&
    v.charCodeAt(19) === 46 /* . */
  );
}

builder.scalarType('DateTime', {
  description: 'An instant as an ISO-8601 string in UTC, e.g. 2026-01-31T12:00:00.000Z.',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'string' && isCanonicalInstant(value)) return value;
    return new Date(value).toISOString();
  },
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) throw new GraphQLError(`not an ISO-8601 date-time: ${JSON.stringify(value)}`);
    return date;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime literals are strings');
    const date = new Date(ast.value);
    if (Number.isNaN(date.getTime())) throw new GraphQLError(`not an ISO-8601 date-time: "${ast.value}"`);
    return date;
  },
});

function literalToValue(ast: import('graphql').ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map(literalToValue);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literalToValue(f.value)]));
    default:
      throw new GraphQLError('JSON literals cannot contain variables');
  }
}

builder.scalarType('JSON', {
  description: 'Any JSON value.',
  // Stored JSON arrives as text from SQLite; hand clients the parsed value.
  serialize: (value) => (typeof value === 'string' ? JSON.parse(value) : value),
  parseValue: (value) => value,
  parseLiteral: literalToValue,
});

builder.scalarType('BigInt', {
  description: 'A whole number that may exceed 2^31 (file sizes). Serialized as a JSON number while it is a safe integer.',
  serialize: (value) => {
    const n = typeof value === 'bigint' ? value : BigInt(value);
    return n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(n) : n.toString();
  },
  parseValue: (value) => {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
    if (typeof value === 'string' && /^-?\d{1,19}$/.test(value)) return BigInt(value);
    throw new GraphQLError(`not a whole number: ${JSON.stringify(value)}`);
  },
  parseLiteral: (ast) => {
    if (ast.kind === Kind.INT || (ast.kind === Kind.STRING && /^-?\d{1,19}$/.test(ast.value))) return BigInt(ast.value);
    throw new GraphQLError('BigInt literals are integers');
  },
});

export const SortDirection = builder.enumType('SortDirection', { values: ['ASC', 'DESC'] as const });

// Uploads through the GraphQL multipart request spec (Yoga parses it into a WHATWG File).
builder.scalarType('File', {
  description: 'A file sent with the GraphQL multipart request (see docs/clients.md#uploads).',
  serialize: () => {
    throw new Error('File is an input-only scalar');
  },
});
