// Nested list: 50 use cases × 7 scalar columns, each with its first 10 transitions and first
// 10 activity entries (~3 and ~4 here: ~350 objects per response), through the gateway and
// through the hand-written baseline over the same SQLite file.
import { assertSameData, sortEdgesById } from '../lib/compare.ts';
import { timeBoth, withPair } from '../lib/pair.ts';
import { seedUseCases } from '../lib/seed.ts';
import type { BenchCase, CaseResult } from '../lib/types.ts';

const USE_CASES = 50;

export const NESTED_LIST_QUERY = `query NestedList {
  useCases(first: 50) {
    edges {
      node {
        id name teamEmail state version createdAt updatedAt
        transitions(first: 10) { edges { node { fromState toState notes actor createdAt } } }
        activity(first: 10) { edges { node { activityType description actor createdAt } } }
      }
    }
  }
}`;

type Answer = { useCases: { edges: Array<{ node: { id: string; transitions: { edges: unknown[] }; activity: { edges: unknown[] } } }> } };

const nestedList: BenchCase = {
  name: 'nested-list',
  description: `useCases(first: 50) with transitions(first: 10) and activity(first: 10) each; ${USE_CASES} use cases × 3 transitions × 4 activity entries`,
  async run({ durationSec }): Promise<CaseResult> {
    return withPair(
      async (gw) => {
        await seedUseCases(gw, USE_CASES);
      },
      async (pair) => {
        const body = { query: NESTED_LIST_QUERY, operationName: 'NestedList' };
        const g = await pair.gw.gql<Answer>(NESTED_LIST_QUERY);
        const b = await pair.base.post<{ data: Answer }>('/nested-list', body);
        const norm = (a: Answer) => ({ useCases: { edges: sortEdgesById(a.useCases.edges) } });
        if (g.data.useCases.edges.length !== USE_CASES) throw new Error(`gateway returned ${g.data.useCases.edges.length} use cases, expected ${USE_CASES}`);
        assertSameData('nested-list', norm(g.data), norm(b.data));
        const children = g.data.useCases.edges.reduce((n, e) => n + e.node.transitions.edges.length + e.node.activity.edges.length, 0);
        const sql = g.extensions?.sqlStatements;
        const bytes = { gateway: Buffer.byteLength(JSON.stringify(g)), baseline: Buffer.byteLength(JSON.stringify(b)) };

        const t = await timeBoth(pair, {
          graphqlBody: body,
          baselineRoute: '/nested-list',
          durationSec,
          extra: { gateway: { 'sql/req': sql, 'resp KB': bytes.gateway / 1024 }, baseline: { 'sql/req': 3, 'resp KB': bytes.baseline / 1024 } },
        });
        return {
          name: 'nested-list',
          rows: t.rows,
          ratio: t.ratio,
          target: 0.5,
          notes: [
            ...t.cpuNotes,
            `${USE_CASES} use cases, ${children} child rows per response; answers checked deep-equal before timing`,
            `gateway SQL statements per request: ${sql ?? 'not reported'} (extensions.sqlStatements)`,
          ],
        };
      },
    );
  },
};

export default nestedList;
