// The artifact registry (seed 001) over a real server: create with and without a file,
// `artifacts(queries)` (OR-ed, "*" for any name, types, pagination), delete removes the
// object, activity entries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArtifactActivityDocument, ArtifactsDocument, CreateArtifactDocument, DeleteArtifactDocument } from './generated/graphql.ts';
import { multipartRequest, sha256 } from './support/files.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ BLOB_STORE: 'fs' });
});
afterAll(() => t?.close());

async function create(name: string, type: string, url?: string) {
  const r = await t.client('editor').request(CreateArtifactDocument, { input: { name, type, url, metadata: { by: 'test' } } });
  if (r.createArtifact.__typename !== 'CreateArtifactPayload') throw new Error(JSON.stringify(r));
  return r.createArtifact.artifact;
}

describe('artifacts', () => {
  it('creates artifacts and finds them with OR-ed queries, "*" and types', async () => {
    await create('bert', 'model', 'https://huggingface.co/bert');
    await create('bert', 'dataset');
    await create('squad', 'dataset');
    await create('gpt', 'code');
    const names = async (queries: Array<{ name: string; types?: string[] }>) => {
      const r = await t.client('viewer').request(ArtifactsDocument, { queries, first: 50 });
      return r.artifacts.edges.map((e) => `${e.node.name}/${e.node.type}`).sort();
    };
    expect(await names([{ name: 'bert' }])).toEqual(['bert/dataset', 'bert/model']);
    expect(await names([{ name: 'bert', types: ['model'] }])).toEqual(['bert/model']);
    expect(await names([{ name: '*', types: ['dataset'] }])).toEqual(['bert/dataset', 'squad/dataset']);
    expect(await names([{ name: 'gpt' }, { name: 'squad' }])).toEqual(['gpt/code', 'squad/dataset']);
    expect(await names([{ name: 'nope' }])).toEqual([]);
    expect((await names([{ name: '*' }])).length).toBeGreaterThanOrEqual(4);
  });

  it('paginates', async () => {
    for (let i = 0; i < 5; i++) await create(`page-${i}`, 'paged');
    const seen: string[] = [];
    let after: string | null | undefined;
    for (;;) {
      const r = await t.client('viewer').request(ArtifactsDocument, { queries: [{ name: '*', types: ['paged'] }], first: 2, after });
      expect(r.artifacts.totalCount).toBe(5);
      seen.push(...r.artifacts.edges.map((e) => e.node.name));
      if (!r.artifacts.pageInfo.hasNextPage) break;
      after = r.artifacts.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual(['page-0', 'page-1', 'page-2', 'page-3', 'page-4']);
  });

  it('creates one with a file (multipart) and deleteArtifact removes the object', async () => {
    const bytes = 'weights'.repeat(1000);
    const { body } = await multipartRequest(t.url, t.keys.editor, CreateArtifactDocument, { input: { name: 'with-file', type: 'model', file: null as never } }, [
      { path: 'variables.input.file', filename: 'model.bin', body: bytes },
    ]);
    const payload = body.data?.createArtifact;
    if (payload?.__typename !== 'CreateArtifactPayload') throw new Error(JSON.stringify(body));
    const file = payload.artifact.file!;
    expect(file).toMatchObject({ filename: 'model.bin', size: bytes.length, checksumSha256: sha256(bytes), status: 'AVAILABLE' });
    expect(file.key).toMatch(/^artifacts\/[0-9a-f-]{36}\/artifact\//);
    expect(await (await fetch(file.downloadUrl!)).text()).toBe(bytes);

    const del = await t.client('editor').request(DeleteArtifactDocument, { input: { id: payload.artifact.id } });
    expect(del.deleteArtifact).toMatchObject({ __typename: 'DeleteArtifactPayload', deletedArtifactId: payload.artifact.id, name: 'with-file' });
    expect(await t.server.services.blobs.head(file.key)).toBeNull();
    const row = await t.server.services.db.reader.storedFile.findUnique({ where: { key: file.key } });
    expect(row?.status).toBe('DELETED');
    const gone = await t.client('viewer').request(ArtifactsDocument, { queries: [{ name: 'with-file' }] });
    expect(gone.artifacts.edges).toEqual([]);
    const again = await t.client('editor').request(DeleteArtifactDocument, { input: { id: payload.artifact.id } });
    expect(again.deleteArtifact.__typename).toBe('NotFoundError');
    // The activity entries outlive the artifact.
    const entries = await t.server.services.db.reader.activityLogEntry.findMany({ where: { subjectType: 'Artifact', description: { contains: 'with-file' } } });
    expect(entries.map((e) => e.activityType).sort()).toEqual(['artifact_created', 'artifact_deleted']);
  });

  it('records activity, refuses bad input and viewers', async () => {
    const a = await create('audited', 'model');
    const act = await t.client('viewer').request(ArtifactActivityDocument, { id: a.id });
    expect(act.node && 'activity' in act.node ? act.node.activity.edges.map((e) => e.node.activityType) : []).toEqual(['artifact_created']);
    const bad = await t.client('editor').request(CreateArtifactDocument, { input: { name: '  ', type: 'model' } });
    expect(bad.createArtifact).toMatchObject({ __typename: 'ValidationError', field: 'name' });
    const star = await t.client('editor').request(CreateArtifactDocument, { input: { name: '*', type: 'model' } });
    expect(star.createArtifact).toMatchObject({ __typename: 'ValidationError', field: 'name' });
    await expect(t.client('viewer').request(CreateArtifactDocument, { input: { name: 'x', type: 'y' } })).rejects.toThrow(/higher role/);
  });
});
