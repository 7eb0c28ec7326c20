// A Relay connection over a Prisma relation for lists of parents: a window query picks each
// parent's page (src/read-model/child-pages.ts), then Prisma loads just those rows with what
// the GraphQL selection needs (the plugin's queryFromInfo), so relations and `select` fields
// resolve from that one query as they would under t.relatedConnection.
import { queryFromInfo } from '@pothos/plugin-prisma';
import type { GraphQLResolveInfo } from 'graphql';
import { type ChildList, childCounts, childPageIds } from '../read-model/child-pages.ts';
import { type KeysetPage, keysetPage } from '../read-model/keyset.ts';
import type { GraphQLContext } from './context.ts';
import { loaderFor } from './loaders.ts';
import { encodeIdCursor, keysetRequest } from './page.ts';

export interface WindowedConnection<Row> extends KeysetPage<Row> {
  totalCount(): Promise<number>;
}

/** `models.edges.node.versions` for any list index: names one field occurrence in a request. */
function responseKey(path: GraphQLResolveInfo['path']): string {
  const keys: string[] = [];
  for (let p: GraphQLResolveInfo['path'] | undefined = path; p; p = p.prev) if (typeof p.key === 'string') keys.push(p.key);
  return keys.reverse().join('.');
}

/**
 * The resolver of such a connection field: `list` says which children and in what order,
 * `findMany` loads rows by id with the planned query (`select`/`include`) spread in.
 */
export function windowedConnection<Row extends { id: string }>(o: {
  list: ChildList;
  /** The GraphQL type of the children (for the plugin's selection planning). */
  typeName: string;
  findMany: (ctx: GraphQLContext, query: object, ids: string[]) => Promise<Row[]>;
}) {
  const { list } = o;
  return async (
    parent: { id: string },
    args: { first?: number | null; last?: number | null; after?: string | null; before?: string | null },
    ctx: GraphQLContext,
    info: GraphQLResolveInfo,
  ): Promise<WindowedConnection<Row>> => {
    const page = keysetRequest(args);
    // One batch per field occurrence (aliases may select different fields) and page shape.
    const key = `window:${list.table}:${responseKey(info.path)}:${page.size}:${page.backward}:${page.cursorId}`;
    const found = await loaderFor<string, KeysetPage<Row>>(ctx, key, async (parentIds) => {
      const idPages = childPageIds(ctx.sql, list, parentIds, page);
      const rows = await o.findMany(ctx, queryFromInfo({ context: ctx, info, typeName: o.typeName, path: ['edges', 'node'] }), idPages.flat());
      const byId = new Map(rows.map((r) => [r.id, r]));
      // A row deleted between the two statements is left out of its page.
      return idPages.map((ids) => keysetPage(ids.flatMap((id) => byId.get(id) ?? []), page, (r) => encodeIdCursor(r.id)));
    }).load(parent.id);
    const totalCount = () =>
      loaderFor<string, number>(ctx, `windowCount:${list.table}:${list.parentColumn}`, (ids) => Promise.resolve(childCounts(ctx.sql, list, ids))).load(
        parent.id,
      );
    return { ...found, totalCount };
  };
}
