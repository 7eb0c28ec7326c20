// Use cases and their state transitions, read with prepared statements (src/db/sql-reader.ts).
// Rows have the Prisma model's fields, with instants as canonical ISO strings; they are read
// as arrays and built here in their final shape (see SqlReader.arrays).
import { idList, isoUtc, type SqlReader, type SqlValue } from '../db/sql-reader.ts';
import { childPageStatement } from './child-pages.ts';
import { type Direction, groupByParent, type KeysetPage, type KeysetRequest, keysetClauses, keysetPage } from './keyset.ts';

export interface UseCaseRow {
  id: string;
  name: string;
  teamEmail: string;
  description: string | null;
  state: string;
  version: number;
  evaluationSummary: string | null;
  resultsFileId: string | null;
  resultsRecordedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface StateTransitionRow {
  id: string;
  useCaseId: string;
  fromState: string;
  toState: string;
  notes: string | null;
  actor: string;
  createdAt: string;
}

export interface UseCaseFilter {
  state?: string | null;
  /** Compared lower-cased, as commands store it. */
  teamEmail?: string | null;
  /** Case-insensitive (ASCII) substring of the name. */
  search?: string | null;
}

export type UseCaseOrderColumn = 'createdAt' | 'updatedAt' | 'name';

const USE_CASE_COLUMNS =
  'u.id, u.name, u.teamEmail, u.description, u.state, u.version, u.evaluationSummary, u.resultsFileId, u.resultsRecordedAt, u.createdAt, u.updatedAt';

type UseCaseColumns = [
  id: string,
  name: string,
  teamEmail: string,
  description: string | null,
  state: string,
  version: number,
  evaluationSummary: string | null,
  resultsFileId: string | null,
  resultsRecordedAt: string | null,
  createdAt: string,
  updatedAt: string,
];

function useCaseRow(r: UseCaseColumns): UseCaseRow {
  return {
    id: r[0],
    name: r[1],
    teamEmail: r[2],
    description: r[3],
    state: r[4],
    version: r[5],
    evaluationSummary: r[6],
    resultsFileId: r[7],
    resultsRecordedAt: r[8] === null ? null : isoUtc(r[8]),
    createdAt: isoUtc(r[9]),
    updatedAt: isoUtc(r[10]),
  };
}

function filterClauses(filter: UseCaseFilter | null | undefined): { where: string[]; params: SqlValue[] } {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (filter?.state) {
    where.push('u.state = ?');
    params.push(filter.state);
  }
  if (filter?.teamEmail) {
    where.push('u.teamEmail = ?');
    params.push(filter.teamEmail.trim().toLowerCase());
  }
  if (filter?.search) {
    // instr, not LIKE: the text is a bound value with no wildcard syntax to escape.
    where.push('instr(lower(u.name), lower(?)) > 0');
    params.push(filter.search.slice(0, 200));
  }
  return { where, params };
}

/** Text columns a list reads only when its selection shows them (null in the rows otherwise). */
export interface UseCaseWideColumns {
  description: boolean;
  /** The JSON results summary (`evaluationResults`). */
  evaluationSummary: boolean;
}

export function listUseCases(
  sql: SqlReader,
  o: {
    filter?: UseCaseFilter | null;
    column: UseCaseOrderColumn;
    direction: Direction;
    page: KeysetRequest;
    cursorOf: (id: string) => string;
    wide?: UseCaseWideColumns;
  },
): KeysetPage<UseCaseRow> {
  const columns =
    o.wide && !(o.wide.description && o.wide.evaluationSummary)
      ? USE_CASE_COLUMNS.replace('u.description', o.wide.description ? 'u.description' : 'NULL').replace(
          'u.evaluationSummary',
          o.wide.evaluationSummary ? 'u.evaluationSummary' : 'NULL',
        )
      : USE_CASE_COLUMNS;
  const f = filterClauses(o.filter);
  const k = keysetClauses('UseCase', o.column, o.direction, o.page, 'u');
  const where = k.where ? [...f.where, k.where] : f.where;
  const rows = sql.arrays<UseCaseColumns>(
    `SELECT ${columns} FROM "UseCase" u ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${k.orderBy} LIMIT ?`,
    [...f.params, ...k.params, o.page.size + 1],
  );
  return keysetPage(rows.map(useCaseRow), o.page, (r) => o.cursorOf(r.id));
}

export function countUseCases(sql: SqlReader, filter: UseCaseFilter | null | undefined): number {
  const f = filterClauses(filter);
  const row = sql.get<{ n: number }>(`SELECT count(*) AS n FROM "UseCase" u ${f.where.length ? `WHERE ${f.where.join(' AND ')}` : ''}`, f.params);
  return row?.n ?? 0;
}

const TRANSITIONS = { table: 'StateTransition', parentColumn: 'useCaseId', orderColumn: 'createdAt', direction: 'ASC' } as const;

/**
 * The page of transitions (oldest first) of every given use case, in one statement: what
 * `useCases { transitions(first: N) }` needs, without loading every transition to slice.
 */
export function transitionPages(
  sql: SqlReader,
  useCaseIds: readonly string[],
  page: KeysetRequest,
  cursorOf: (id: string) => string,
): Array<KeysetPage<StateTransitionRow>> {
  const s = childPageStatement(TRANSITIONS, 't.id, j.value, t.fromState, t.toState, t.notes, t.actor, t.createdAt', useCaseIds, page);
  const rows = sql
    .arrays<[id: string, useCaseId: string, fromState: string, toState: string, notes: string | null, actor: string, createdAt: string]>(s.sql, s.params)
    .map((r): StateTransitionRow => ({ id: r[0], useCaseId: r[1], fromState: r[2], toState: r[3], notes: r[4], actor: r[5], createdAt: isoUtc(r[6]) }));
  return groupByParent(useCaseIds, rows, (r) => r.useCaseId).map((list) => keysetPage(list, page, (r) => cursorOf(r.id)));
}

/** Which guard-relevant files (AVAILABLE CONFIG / DATASET) each use case has. */
export function guardFiles(sql: SqlReader, useCaseIds: readonly string[]): Array<{ hasConfigFile: boolean; hasDatasetFile: boolean }> {
  const rows = sql.all<{ useCaseId: string; fileType: string }>(
    `SELECT DISTINCT useCaseId, fileType FROM "StoredFile"
      WHERE useCaseId IN (SELECT value FROM json_each(?)) AND status = 'AVAILABLE' AND fileType IN ('CONFIG', 'DATASET')`,
    [idList(useCaseIds)],
  );
  const found = new Set(rows.map((r) => `${r.useCaseId}:${r.fileType}`));
  return useCaseIds.map((id) => ({ hasConfigFile: found.has(`${id}:CONFIG`), hasDatasetFile: found.has(`${id}:DATASET`) }));
}

/** Use cases by id (null where there is none), in the order asked. */
export function useCasesByIds(sql: SqlReader, ids: readonly string[]): Array<UseCaseRow | null> {
  if (ids.length === 1) {
    // node(id:), useCase(id:): a plain primary-key lookup, no JSON list to parse.
    const row = sql.arrays<UseCaseColumns>(`SELECT ${USE_CASE_COLUMNS} FROM "UseCase" u WHERE u.id = ?`, [ids[0]!])[0];
    return [row ? useCaseRow(row) : null];
  }
  const rows = sql.arrays<UseCaseColumns>(`SELECT ${USE_CASE_COLUMNS} FROM "UseCase" u WHERE u.id IN (SELECT value FROM json_each(?))`, [idList(ids)]);
  const byId = new Map(rows.map((r) => [r[0], useCaseRow(r)]));
  return ids.map((id) => byId.get(id) ?? null);
}
