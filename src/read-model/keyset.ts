// Keyset pages over a table ordered by (column, id): the building block of the read model's
// connections. The cursor names a row by id; the page continues strictly after (or before)
// that row's position, found by a subquery, so cursors stay valid while rows are added.
import type { SqlValue } from '../db/sql-reader.ts';

export type Direction = 'ASC' | 'DESC';

export interface KeysetRequest {
  /** Rows wanted; the query fetches one more to learn whether there are more. */
  size: number;
  /** Id of the row the page starts after (forward) or ends before (backward). */
  cursorId: string | null;
  /** true for `last`/`before`: read the order backwards, then flip the page. */
  backward: boolean;
}

/**
 * The ORDER BY and the cursor condition for `table` ordered by `column`, then id, in `dir`.
 * `column` and `table` are fixed identifiers chosen by the caller, never user text.
 */
export function keysetClauses(table: string, column: string, dir: Direction, req: KeysetRequest, alias = table) {
  // Reading backwards walks the opposite order; the caller reverses the rows afterwards.
  const effective: Direction = req.backward ? (dir === 'ASC' ? 'DESC' : 'ASC') : dir;
  const op = effective === 'ASC' ? '>' : '<';
  const params: SqlValue[] = [];
  let where: string | null = null;
  if (req.cursorId !== null) {
    where = `(${alias}."${column}", ${alias}.id) ${op} (SELECT "${column}", id FROM "${table}" WHERE id = ?)`;
    params.push(req.cursorId);
  }
  const orderBy = `${alias}."${column}" ${effective}, ${alias}.id ${effective}`;
  return { where, params, orderBy };
}

export interface KeysetPage<T> {
  edges: Array<{ readonly cursor: string; readonly node: T }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/**
 * An edge whose cursor is encoded only when a client asks for it: most list queries never
 * read cursors, and a nested list has hundreds of edges.
 */
export class LazyEdge<T> {
  readonly node: T;
  readonly #encode: (node: T) => string;
  constructor(node: T, encode: (node: T) => string) {
    this.node = node;
    this.#encode = encode;
  }
  get cursor(): string {
    return this.#encode(this.node);
  }
}

/** Relay page info whose start and end cursors are encoded on demand, like the edges'. */
export function pageInfo(edges: ReadonlyArray<{ readonly cursor: string }>, hasNextPage: boolean, hasPreviousPage: boolean): KeysetPage<never>['pageInfo'] {
  return {
    hasNextPage,
    hasPreviousPage,
    get startCursor() {
      return edges[0]?.cursor ?? null;
    },
    get endCursor() {
      return edges.at(-1)?.cursor ?? null;
    },
  };
}

/**
 * Rows of a window query (several parents' children, in order) split per parent, in the
 * order of `parentIds`; a parent without rows gets an empty list.
 */
export function groupByParent<T>(parentIds: readonly string[], rows: readonly T[], parentOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const parent = parentOf(row);
    let list = groups.get(parent);
    if (!list) groups.set(parent, (list = []));
    list.push(row);
  }
  return parentIds.map((id) => groups.get(id) ?? []);
}

/** Turns `size + 1` rows read in keyset order into a Relay page. */
export function keysetPage<T extends { id: string }>(rows: T[], req: KeysetRequest, cursorOf: (row: T) => string): KeysetPage<T> {
  const more = rows.length > req.size;
  const nodes = more ? rows.slice(0, req.size) : rows;
  if (req.backward) nodes.reverse();
  const edges = nodes.map((node) => new LazyEdge(node, cursorOf));
  return {
    edges,
    pageInfo: pageInfo(edges, req.backward ? req.cursorId !== null : more, req.backward ? more : req.cursorId !== null),
  };
}
