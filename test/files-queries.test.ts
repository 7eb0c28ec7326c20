// Nested file fields cost a bounded number of SQL statements, however many use cases are
// listed (configFile/datasetFile/resultsFile batch through DataLoader; files and owner fold
// into the Prisma plugin's queries).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateUseCaseDocument, UploadFileDocument } from './generated/graphql.ts';
import { multipartRequest } from './support/files.ts';
import { sqlStatementsOf, startTestServer, type TestServer } from './support/server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ BLOB_STORE: 'memory' });
});
afterAll(() => t?.close());

const QUERY = `query ($team: String!) {
  useCases(first: 50, filter: { teamEmail: $team }) {
    edges { node {
      name
      configFile { filename size owner { __typename ... on UseCase { name } } }
      datasetFile { filename checksumSha256 }
      files(first: 10) { totalCount edges { node { fileType filename owner { __typename } } } }
      evaluationResults { resultsFile { filename } }
    } }
  }
}`;

async function seed(team: string, n: number) {
  for (let i = 0; i < n; i++) {
    const r = await t.client('editor').request(CreateUseCaseDocument, { input: { name: `${team}-${i}`, teamEmail: team } });
    if (r.createUseCase.__typename !== 'CreateUseCasePayload') throw new Error(JSON.stringify(r));
    for (const fileType of ['CONFIG', 'DATASET'] as const) {
      const { body } = await multipartRequest(t.url, t.keys.editor, UploadFileDocument, { input: { ownerId: r.createUseCase.useCase.id, fileType, file: null as never } }, [
        { path: 'variables.input.file', filename: `${fileType.toLowerCase()}-${i}.txt`, body: `${fileType} ${i}` },
      ]);
      if (body.data?.uploadFile.__typename !== 'UploadFilePayload') throw new Error(JSON.stringify(body));
    }
  }
}

describe('file fields in lists', () => {
  it('cost the same number of statements for 2 and for 8 use cases', async () => {
    await seed('two@example.com', 2);
    await seed('eight@example.com', 8);
    type Result = { useCases: { edges: Array<{ node: { configFile: { filename: string } | null; files: { totalCount: number } } }> } };
    const small = await sqlStatementsOf<Result>(t.client('viewer'), QUERY, { team: 'two@example.com' });
    const large = await sqlStatementsOf<Result>(t.client('viewer'), QUERY, { team: 'eight@example.com' });
    expect(large.data.useCases.edges).toHaveLength(8);
    expect(large.data.useCases.edges.every((e) => e.node.configFile && e.node.files.totalCount === 2)).toBe(true);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(12); // 11 today: one or a few per level, none per row
  });
});
