// The Pothos SchemaBuilder and its plugins. Order matters: scope-auth wraps everything else.
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type { Role } from '../config.ts';
import { roleAtLeast } from '../domain/roles.ts';
import type PrismaTypes from '../generated/pothos-types.ts';
import { getDatamodel } from '../generated/pothos-types.ts';
import { PrismaClient } from '../generated/prisma/client.ts';
import type { GraphQLContext } from './context.ts';
import { decodeId, encodeId } from './global-id.ts';

/** Limits are read at schema-build time; the server builds its schema once per config. */
export interface SchemaLimits {
  defaultPageSize: number;
  maxPageSize: number;
  maxDepth: number;
  maxComplexity: number;
  maxBreadth: number;
}

export const schemaLimits: SchemaLimits = {
  defaultPageSize: 20,
  maxPageSize: 100,
  maxDepth: 12,
  maxComplexity: 5000,
  maxBreadth: 500,
};

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  PrismaTypes: PrismaTypes;
  AuthScopes: Record<Role, boolean>;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
  Scalars: {
    ID: { Input: string; Output: string | number | bigint };
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
    BigInt: { Input: bigint; Output: bigint | number };
    File: { Input: File; Output: never };
  };
}>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin, DataloaderPlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (ctx) => ({
      viewer: roleAtLeast(ctx.actor?.role, 'viewer'),
      editor: roleAtLeast(ctx.actor?.role, 'editor'),
      admin: roleAtLeast(ctx.actor?.role, 'admin'),
    }),
    authorizeOnSubscribe: true,
    unauthorizedError: (_parent, ctx, info) =>
      ctx.actor
        ? new GraphQLError(`${info.parentType.name}.${info.fieldName} needs a higher role than "${ctx.actor.role}"`, {
            extensions: { code: 'FORBIDDEN', http: { status: 200 } },
          })
        : new GraphQLError('authentication required: send "Authorization: Bearer <api key>"', {
            extensions: { code: 'UNAUTHENTICATED' },
          }),
  },
  errors: { defaultTypes: [] },
  prisma: {
    // Every query goes to the request's read-only connection; writes go through commands.
    client: (ctx) => ctx.reader,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
    get defaultConnectionSize() {
      return schemaLimits.defaultPageSize;
    },
    get maxConnectionSize() {
      return schemaLimits.maxPageSize;
    },
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    encodeGlobalID: encodeId,
    decodeGlobalID: decodeId,
    nodesOnConnection: false,
    // Query.node / Query.nodes are defined in src/graphql/types/node.ts (each id checked on its own).
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
  complexity: {
    // The limits are enforced before execution by src/graphql/plugins/complexity-limit.ts,
    // which caches the figures per document; the plugin only contributes each field's
    // complexity settings (and `limit` stays here for reference and tooling).
    disabled: true,
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: () => ({
      complexity: schemaLimits.maxComplexity,
      depth: schemaLimits.maxDepth,
      breadth: schemaLimits.maxBreadth,
    }),
  },
});

// Keep the type alive for tooling that wants the raw client type.
export type { PrismaClient };
