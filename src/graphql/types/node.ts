// Query.node and Query.nodes, in place of the Relay plugin's own: there, ids are decoded as
// arguments, so one malformed id in `nodes(ids:)` failed the whole field (and the non-null
// list with it), and an id naming a type that is not a Node reached the plugin's type
// lookup ("Bogus has not been implemented", an internal error with no code). Here each id is
// checked on its own: a bad one answers null at its position with a BAD_USER_INPUT error
// that names it, and the good ones still load through the plugin (one batch per type).
import { resolveNodes } from '@pothos/plugin-relay';
import { type GraphQLResolveInfo, GraphQLError, isObjectType } from 'graphql';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { decodeId } from '../global-id.ts';

const NodeRef = builder.nodeInterfaceRef();

function quoted(id: string): string {
  return JSON.stringify(id.length > 80 ? `${id.slice(0, 80)}…` : id);
}

/** The decoded id, or the client error that says why it names no node. */
function parseNodeId(globalId: string, info: GraphQLResolveInfo): { typename: string; id: string } | GraphQLError {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeId(globalId);
  } catch (err) {
    if (err instanceof GraphQLError) return err;
    throw err;
  }
  const type = info.schema.getType(decoded.typename);
  if (!isObjectType(type) || !type.getInterfaces().some((i) => i.name === NodeRef.name)) {
    return new GraphQLError(`ID ${quoted(globalId)} names type "${decoded.typename}", which is not a Node type`, {
      extensions: { code: 'BAD_USER_INPUT', id: globalId.slice(0, 512) },
    });
  }
  return decoded;
}

/** One entry per id: the node, null (no such row), or an Error (graphql-js reports it at that position). */
async function loadNodes(ids: readonly string[], ctx: GraphQLContext, info: GraphQLResolveInfo): Promise<unknown[]> {
  const parsed = ids.map((id) => parseNodeId(id, info));
  const found = await resolveNodes(builder, ctx, info, parsed.map((p) => (p instanceof GraphQLError ? null : p)));
  return parsed.map((p, i) => (p instanceof GraphQLError ? p : found[i]));
}

builder.queryField('node', (t) =>
  t.field({
    type: NodeRef,
    nullable: true,
    description: 'The object with this global id, or null when there is none. A malformed id, or one of a type that is not a Node, is a BAD_USER_INPUT error.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx, info) => {
      const [node] = await loadNodes([String(args.id)], ctx, info);
      if (node instanceof Error) throw node;
      return node as never;
    },
  }),
);

builder.queryField('nodes', (t) =>
  t.field({
    type: [NodeRef],
    nullable: { list: false, items: true },
    description:
      'The objects with these global ids, in the same order. An id with no object answers null; a malformed id, or one of a type ' +
      'that is not a Node, answers null with a BAD_USER_INPUT error at its position (the other ids still load).',
    args: { ids: t.arg.idList({ required: true }) },
    resolve: (_root, args, ctx, info) => loadNodes(args.ids.map(String), ctx, info) as never,
  }),
);
