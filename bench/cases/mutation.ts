// A write: `createUseCase` through the gateway (validation, one serialized transaction with
// the use case row and its activity entry, publish after commit) against a baseline doing
// the same two INSERTs in one BEGIN IMMEDIATE transaction on a writer connection with the
// gateway's pragmas (WAL, synchronous as configured — FULL by default).
import Database from 'better-sqlite3';
import { assertSameData } from '../lib/compare.ts';
import { timeBoth, withPair } from '../lib/pair.ts';
import type { BenchCase, CaseResult } from '../lib/types.ts';

export const CREATE_MUTATION = `mutation Create($input: CreateUseCaseInput!) {
  createUseCase(input: $input) {
    __typename
    ... on CreateUseCasePayload { useCase { id name teamEmail state version } }
  }
}`;

type Payload = { createUseCase: { __typename: string; useCase?: { id: string } } };

function counts(file: string): { useCases: number; activity: number } {
  const db = new Database(file, { readonly: true });
  try {
    const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return { useCases: one('SELECT count(*) AS n FROM UseCase'), activity: one('SELECT count(*) AS n FROM ActivityLogEntry') };
  } finally {
    db.close();
  }
}

function lastActivity(file: string): Record<string, unknown> {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare('SELECT subjectType, activityType, description, details, actor FROM ActivityLogEntry ORDER BY seq DESC LIMIT 1')
      .get() as Record<string, unknown>;
  } finally {
    db.close();
  }
}

const mutation: BenchCase = {
  name: 'mutation',
  description: 'createUseCase: one transaction with the use case row and its activity entry',
  async run({ durationSec }): Promise<CaseResult> {
    return withPair(
      async () => {},
      async (pair) => {
        const input = { name: 'Bench write', teamEmail: 'bench@example.com', description: 'written by bench/cases/mutation.ts' };
        const body = { query: CREATE_MUTATION, variables: { input }, operationName: 'Create' };
        const file = pair.gw.databaseFile;

        // Same answer (ids differ by nature) and the same rows written by each side.
        const before = counts(file);
        const g = await pair.gw.gql<Payload>(CREATE_MUTATION, { input });
        const gActivity = lastActivity(file);
        const b = await pair.base.post<{ data: Payload }>('/create-use-case', body);
        const bActivity = lastActivity(file);
        const after = counts(file);
        const strip = (p: Payload) => ({ ...p.createUseCase, useCase: { ...p.createUseCase.useCase, id: '<id>' } });
        if (g.data.createUseCase.__typename !== 'CreateUseCasePayload') throw new Error(`gateway refused the write: ${JSON.stringify(g.data)}`);
        assertSameData('mutation answer', strip(g.data), strip(b.data));
        assertSameData('mutation activity row', gActivity, bActivity);
        if (after.useCases - before.useCases !== 2 || after.activity - before.activity !== 2) {
          throw new Error(`expected 1 use case + 1 activity row per side, got ${JSON.stringify({ before, after })}`);
        }
        const sql = g.extensions?.sqlStatements;

        const t = await timeBoth(pair, {
          graphqlBody: body,
          baselineRoute: '/create-use-case',
          durationSec,
          extra: { gateway: { 'sql/req': sql }, baseline: { 'sql/req': 4 } },
        });
        const written = counts(file);
        const expected = after.useCases + t.gateway.requests + t.baseline.requests;
        return {
          name: 'mutation',
          rows: t.rows,
          ratio: t.ratio,
          notes: [
            ...t.cpuNotes,
            'answers and activity rows checked equal before timing (ids and timestamps aside)',
            `gateway SQL statements per request: ${sql ?? 'not reported'} (baseline: BEGIN IMMEDIATE, 2 INSERT, COMMIT)`,
            `SQLite synchronous=FULL, WAL, on ${file.startsWith('/tmp') ? '/tmp' : 'the data dir'}; ${written.useCases.toLocaleString('en-US')} use cases in the file afterwards` +
              ` (${(written.useCases - expected).toLocaleString('en-US')} beyond the counted responses, i.e. warm-up writes)`,
          ],
        };
      },
    );
  },
};

export default mutation;
