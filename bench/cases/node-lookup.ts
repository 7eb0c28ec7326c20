// Single-node lookup: `node(id:)` of one use case, the smallest useful request — it shows
// the fixed per-request cost of the gateway (HTTP, parse/validate, context, Prisma) against
// a handler that does one prepared SELECT.
import { assertSameData } from '../lib/compare.ts';
import { timeBoth, withPair } from '../lib/pair.ts';
import { seedUseCases } from '../lib/seed.ts';
import type { BenchCase, CaseResult } from '../lib/types.ts';

export const NODE_QUERY = `query Node($id: ID!) {
  node(id: $id) {
    id
    ... on UseCase { name teamEmail state version createdAt updatedAt }
  }
}`;

const nodeLookup: BenchCase = {
  name: 'node-lookup',
  description: 'node(id:) of one use case (7 scalar fields) among 50',
  async run({ durationSec }): Promise<CaseResult> {
    let target = '';
    return withPair(
      async (gw) => {
        const seeded = await seedUseCases(gw, 50);
        target = seeded[24]!.id;
      },
      async (pair) => {
        const body = { query: NODE_QUERY, variables: { id: target }, operationName: 'Node' };
        const g = await pair.gw.gql<{ node: { id: string } | null }>(NODE_QUERY, { id: target });
        const b = await pair.base.post<{ data: unknown }>('/node', body);
        if (g.data.node?.id !== target) throw new Error(`gateway did not find ${target}: ${JSON.stringify(g.data)}`);
        assertSameData('node-lookup', g.data, b.data);
        const sql = g.extensions?.sqlStatements;
        const t = await timeBoth(pair, {
          graphqlBody: body,
          baselineRoute: '/node',
          durationSec,
          extra: { gateway: { 'sql/req': sql }, baseline: { 'sql/req': 1 } },
        });
        return {
          name: 'node-lookup',
          rows: t.rows,
          ratio: t.ratio,
          notes: [
            ...t.cpuNotes,
            `answers checked deep-equal before timing; gateway SQL statements per request: ${sql ?? 'not reported'}`,
          ],
        };
      },
    );
  },
};

export default nodeLookup;
