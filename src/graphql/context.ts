// The per-request GraphQL context: who is asking, the read connection, services, and the
// DataLoaders of this request (created lazily, one batch per type per request).
import type { Actor, Services } from '../commands/command-context.ts';
import type { Reader } from '../db/database.ts';
import type { SqlReader } from '../db/sql-reader.ts';

export interface GraphQLContext {
  requestId: string;
  /** null when the request carries no valid key and no anonymous role is configured. */
  actor: Actor | null;
  services: Services;
  /** The read-only Prisma client for this request (fixed at request start; restore swaps it between requests). */
  reader: Reader;
  /** A read-only prepared-statement connection to the same database, for the read model's hot paths (src/read-model). */
  sql: SqlReader;
  /** Per-request memo for loaders (see src/graphql/loaders.ts). */
  loaders: Map<string, unknown>;
}

export function requireActor(ctx: GraphQLContext): Actor {
  if (!ctx.actor) throw new Error('unreachable: the auth plugin refuses requests without an actor');
  return ctx.actor;
}
