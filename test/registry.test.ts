// The model registry over HTTP, as clients use it: registration with scoring and automatic
// promotion against every version, history, deletion with force, refusals, concurrency.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DeleteModelVersionDocument,
  PromoteModelVersionDocument,
  RegisterModelVersionDocument,
  type RegisterModelVersionInput,
  RegistryDataLineageDocument,
  RegistryModelDocument,
  RegistryModelsDocument,
  RegistryModelVersionsDocument,
  RegistryStatsDocument,
  UpdateRegistrySettingsDocument,
} from './generated/graphql.ts';
import { multipartRequest } from './support/files.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

/** Validation metrics whose score is exactly `0.6 + 0.4·(1 − mape/100)` with r2 = 1. */
const scored = (mape: number) => ({ validation_performed: true, r2_score: 1, mape });

function input(sensorId: string, patch: Partial<RegisterModelVersionInput> = {}): RegisterModelVersionInput {
  return {
    sensorId,
    modelType: 'telemanom',
    trainingConfig: { epochs: 10 },
    trainingMetrics: { r2_score: 0.5 },
    dataHash: 'a1b2c3d4e5f60718',
    dataSource: 'nasa_turbofan',
    dataStartDate: '2024-01-01T00:00:00.000Z',
    dataEndDate: '2024-03-01T00:00:00.000Z',
    numSamples: 10_000,
    ...patch,
  };
}

async function register(sensorId: string, patch: Partial<RegisterModelVersionInput> = {}, role: 'editor' | 'admin' = 'editor') {
  const { registerModelVersion: r } = await t.client(role).request(RegisterModelVersionDocument, { input: input(sensorId, patch) });
  if (r.__typename !== 'RegisterModelVersionPayload') throw new Error(`registration refused: ${JSON.stringify(r)}`);
  return r;
}

async function modelOf(id: string) {
  const { model } = await t.client('viewer').request(RegistryModelDocument, { id, first: 50 });
  if (!model) throw new Error(`model ${id} not found`);
  return model;
}

describe('registration and automatic promotion', () => {
  it('promotes against ALL versions, keeps history, and hands over to the best remaining on a forced delete', async () => {
    const v1 = await register('pump-1', { validationMetrics: scored(50) }); // 0.80
    expect(v1.promoted).toBe(true);
    expect(v1.version.versionNumber).toBe(1);
    expect(v1.version.performanceScore).toBeCloseTo(0.8, 12);
    expect(v1.version.validationPerformed).toBe(true);

    const v2 = await register('pump-1', { validationMetrics: scored(25) }); // 0.90
    expect(v2.promoted).toBe(true);
    expect(v2.model.activeVersion?.versionNumber).toBe(2);

    const v3 = await register('pump-1', { validationMetrics: scored(37.5) }); // 0.85
    expect(v3.promoted).toBe(false);
    expect(v3.version.isActive).toBe(false);
    expect(v3.model.activeVersion?.versionNumber).toBe(2);

    // A tie keeps the current version.
    const tie = await register('pump-1', { validationMetrics: scored(25) });
    expect(tie.promoted).toBe(false);
    const { deleteModelVersion: dropTie } = await t.client('editor').request(DeleteModelVersionDocument, { input: { id: tie.version.id } });
    expect(dropTie.__typename).toBe('DeleteModelVersionPayload');

    // The active version cannot go without force, and force is the admin's.
    const { deleteModelVersion: refused } = await t.client('editor').request(DeleteModelVersionDocument, { input: { id: v2.version.id } });
    expect(refused).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    await expect(t.client('editor').request(DeleteModelVersionDocument, { input: { id: v2.version.id, force: true } })).rejects.toThrow(/higher role/);

    const { deleteModelVersion: forced } = await t.client('admin').request(DeleteModelVersionDocument, { input: { id: v2.version.id, force: true } });
    if (forced.__typename !== 'DeleteModelVersionPayload') throw new Error(JSON.stringify(forced));
    expect(forced.newActiveVersion?.versionNumber).toBe(3);
    expect(forced.model.activeVersion?.id).toBe(v3.version.id);
    expect(forced.deletedVersionId).toBe(v2.version.id);

    const model = await modelOf(v1.model.id);
    expect(model.versions.totalCount).toBe(2);
    expect(model.versions.edges.map((e) => e.node.versionNumber)).toEqual([3, 1]);
    // Newest first: the hand-over, then v2's win, then v1 becoming the first active version.
    expect(model.promotions.edges.map((e) => e.node)).toMatchObject([
      { reason: 'ACTIVE_DELETED', versionNumber: 3, previousVersionNumber: 2, version: { id: v3.version.id }, previousVersion: null },
      { reason: 'AUTOMATIC', versionNumber: 2, previousVersionNumber: 1, version: null, previousVersion: { id: v1.version.id } },
      { reason: 'AUTOMATIC', versionNumber: 1, previousVersionNumber: null, version: { id: v1.version.id }, previousVersion: null },
    ]);
    // The actor is whoever made the change: the admin's forced delete, the editor's registrations.
    expect(model.promotions.edges.map((e) => e.node.actor)).toEqual([expect.not.stringMatching(/test-editor/), 'key:test-editor', 'key:test-editor']);
    expect(model.promotions.edges[0]?.node.actor).toMatch(/^key:/);
    const types = model.activity.edges.map((e) => e.node.activityType);
    expect(types.filter((x) => x === 'model_version_registered')).toHaveLength(4);
    expect(types.filter((x) => x === 'model_version_deleted')).toHaveLength(2);

    // Version numbers are never reused: 2 and 4 are gone, the next one is 5.
    const v5 = await register('pump-1', { validationMetrics: scored(45) }); // 0.82
    expect(v5.version.versionNumber).toBe(5);

    // Seed 002 fix #3: after a manual promotion of v1 (0.80), v5 (0.82) beat the active
    // version but not v3 (0.85), so it must not have won; a manual promotion is history too.
    const { promoteModelVersion: p } = await t.client('editor').request(PromoteModelVersionDocument, { input: { id: v1.version.id } });
    if (p.__typename !== 'PromoteModelVersionPayload') throw new Error(JSON.stringify(p));
    expect(p.promotion).toMatchObject({ reason: 'MANUAL', versionNumber: 1, previousVersionNumber: 3 });
    const v6 = await register('pump-1', { validationMetrics: scored(42.5) }); // 0.83 > active 0.80, < v3 0.85
    expect(v6.promoted).toBe(false);
    expect(v6.model.activeVersion?.versionNumber).toBe(1);
    const v7 = await register('pump-1', { validationMetrics: scored(30) }); // 0.88 beats all
    expect(v7.promoted).toBe(true);

    // Promoting the active version again changes nothing and writes no event.
    const { promoteModelVersion: again } = await t.client('editor').request(PromoteModelVersionDocument, { input: { id: v7.version.id } });
    expect(again).toMatchObject({ __typename: 'PromoteModelVersionPayload', promotion: null });
    expect((await modelOf(v1.model.id)).promotions.edges.map((e) => e.node.reason)).toEqual([
      'AUTOMATIC',
      'MANUAL',
      'ACTIVE_DELETED',
      'AUTOMATIC',
      'AUTOMATIC',
    ]);
  });

  it('scores training metrics when no validation was performed, with the weights in registrySettings', async () => {
    const a = await register('fan-1', { trainingMetrics: { r2_score: 0.5, mape: 50, anomaly_rate: 0.5 } });
    expect(a.version.validationPerformed).toBe(false);
    expect(a.version.validationMetrics).toBeNull();
    expect(a.version.performanceScore).toBeCloseTo((0.3 + 0.2) * 0.8, 12);

    const { updateRegistrySettings: bad } = await t.client('admin').request(UpdateRegistrySettingsDocument, { input: { anomalyMin: 0.5, anomalyMax: 0.1 } });
    expect(bad).toMatchObject({ __typename: 'ValidationError', field: 'anomalyMin' });
    for (const [field, value] of [['r2Weight', 1.8e19], ['mapeWeight', 1.5], ['anomalyMax', 1.01], ['anomalyMin', -0.01]] as const) {
      const { updateRegistrySettings: huge } = await t.client('admin').request(UpdateRegistrySettingsDocument, { input: { [field]: value } });
      expect(huge).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION_FAILED', field });
    }
    const { registrySettings } = await t.client('viewer').request<{ registrySettings: Record<string, number> }>('{ registrySettings { r2Weight mapeWeight anomalyMin anomalyMax } }');
    expect(registrySettings).toEqual({ r2Weight: 0.6, mapeWeight: 0.4, anomalyMin: 0.02, anomalyMax: 0.08 }); // nothing was stored
    await expect(t.client('editor').request(UpdateRegistrySettingsDocument, { input: { r2Weight: 1 } })).rejects.toThrow(/higher role/);

    const { updateRegistrySettings: ok } = await t.client('admin').request(UpdateRegistrySettingsDocument, { input: { r2Weight: 1, mapeWeight: 0 } });
    expect(ok).toMatchObject({ __typename: 'UpdateRegistrySettingsPayload', settings: { r2Weight: 1, mapeWeight: 0, anomalyMin: 0.02 } });
    const b = await register('fan-1', { trainingMetrics: { r2_score: 0.5, mape: 50 } });
    expect(b.version.performanceScore).toBeCloseTo(0.5, 12);
    // Existing scores are not recomputed.
    const { modelVersions } = await t.client('viewer').request(RegistryModelVersionsDocument, {
      filter: { modelId: a.model.id },
      orderBy: { field: 'VERSION_NUMBER', direction: 'ASC' },
    });
    expect(modelVersions.edges.map((e) => e.node.performanceScore)).toEqual([expect.closeTo(0.4, 12), expect.closeTo(0.5, 12)]);
    await t.client('admin').request(UpdateRegistrySettingsDocument, { input: { r2Weight: 0.6, mapeWeight: 0.4 } });
  });
});

describe('refusals', () => {
  it.each([
    ['validationMetrics', { validationMetrics: { r2_score: 0.99 } }],
    ['validationMetrics', { validationMetrics: {} }],
    ['dataHash', { dataHash: null }],
    ['dataHash', { dataHash: 'xyz-not-hex!' }],
    ['numSamples', { numSamples: -10 }],
    ['dataEndDate', { dataStartDate: '2024-05-01T00:00:00Z', dataEndDate: '2024-04-01T00:00:00Z' }],
    ['trainingTimeSeconds', { trainingTimeSeconds: -1 }],
    ['artifactFileId', { artifactFileId: Buffer.from('Model:123').toString('base64url') }],
  ] as const)('refuses a bad %s, naming it, and writes nothing', async (field, patch) => {
    const before = await t.client('viewer').request(RegistryStatsDocument);
    const { registerModelVersion: r } = await t.client('editor').request(RegisterModelVersionDocument, {
      input: input('refused-sensor', { ...patch, dataSource: 'refusal-test' }),
    });
    expect(r).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION_FAILED', field });
    const after = await t.client('viewer').request(RegistryStatsDocument);
    expect(after.registryStats).toEqual(before.registryStats);
    const { models } = await t.client('viewer').request(RegistryModelsDocument, { filter: { sensorId: 'refused-sensor' } });
    expect(models.totalCount).toBe(0);
  });

  it('refuses an artifact file that does not exist (NotFoundError) and unknown versions', async () => {
    const missing = Buffer.from('StoredFile:00000000-0000-0000-0000-000000000000').toString('base64url');
    const { registerModelVersion: r } = await t.client('editor').request(RegisterModelVersionDocument, { input: input('refused-sensor', { artifactFileId: missing }) });
    expect(r).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    const ghost = Buffer.from('ModelVersion:nope').toString('base64url');
    const { promoteModelVersion: p } = await t.client('editor').request(PromoteModelVersionDocument, { input: { id: ghost } });
    expect(p).toMatchObject({ __typename: 'NotFoundError' });
    await expect(t.client('viewer').request(RegisterModelVersionDocument, { input: input('refused-sensor') })).rejects.toThrow(/higher role/);
    await expect(t.client('viewer').request(PromoteModelVersionDocument, { input: { id: ghost } })).rejects.toThrow(/higher role/);
    await expect(t.client('viewer').request(DeleteModelVersionDocument, { input: { id: ghost } })).rejects.toThrow(/higher role/);
  });
});

describe('concurrency', () => {
  it('20 registrations at once get versions 1..20, and the best score is active', async () => {
    const mapes = Array.from({ length: 20 }, (_, i) => ((i * 7) % 20) * 2.5); // a permutation of 0..47.5
    const results = await Promise.all(mapes.map((mape) => register('burst-1', { validationMetrics: scored(mape) })));
    expect(results.map((r) => r.version.versionNumber).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const best = results.reduce((a, b) => (b.version.performanceScore > a.version.performanceScore ? b : a));
    const model = await modelOf(results[0]!.model.id);
    expect(model.activeVersion?.id).toBe(best.version.id);
    expect(model.activeVersion?.performanceScore).toBeCloseTo(1, 12); // mape 0
    // Each automatic promotion was a strict improvement over everything before it.
    const promoted = model.promotions.edges.map((e) => e.node).reverse();
    expect(promoted.length).toBe(results.filter((r) => r.promoted).length);
    expect(promoted.every((e) => e.reason === 'AUTOMATIC')).toBe(true);
  });
});

describe('queries', () => {
  it('filters and orders versions, follows lineage, and counts', async () => {
    const hash = 'ffee0011ffee0011';
    const a = await register('lineage-1', { dataHash: hash, validationMetrics: scored(10), modelType: 'lstm' });
    const b = await register('lineage-2', { dataHash: hash.toUpperCase(), modelType: 'lstm', numSamples: 10_000 });
    expect(b.version.lineage?.dataHash).toBe(hash);

    const { dataLineage } = await t.client('viewer').request(RegistryDataLineageDocument, { dataHash: hash });
    expect(dataLineage?.modelVersions.totalCount).toBe(2);
    expect(dataLineage?.modelVersions.edges.map((e) => e.node.model.sensorId).sort()).toEqual(['lineage-1', 'lineage-2']);

    // The same hash cannot describe different data.
    const { registerModelVersion: conflict } = await t.client('editor').request(RegisterModelVersionDocument, {
      input: input('lineage-3', { dataHash: hash, numSamples: 5 }),
    });
    expect(conflict).toMatchObject({ __typename: 'ConflictError' });

    const { modelVersions } = await t.client('viewer').request(RegistryModelVersionsDocument, {
      filter: { dataHash: hash, minScore: 0.5 },
      orderBy: { field: 'SCORE', direction: 'DESC' },
    });
    expect(modelVersions.edges.map((e) => e.node.id)).toEqual([a.version.id]);

    const window = async (createdAfter?: string, createdBefore?: string) =>
      (await t.client('viewer').request(RegistryModelVersionsDocument, { filter: { dataHash: hash, createdAfter, createdBefore } })).modelVersions.totalCount;
    expect(await window('2000-01-01T00:00:00Z', '2999-01-01T00:00:00Z')).toBe(2);
    expect(await window('2999-01-01T00:00:00Z')).toBe(0);
    expect(await window(undefined, '2000-01-01T00:00:00Z')).toBe(0);

    const { models } = await t.client('viewer').request(RegistryModelsDocument, { filter: { modelType: 'lstm' } });
    expect(models.totalCount).toBe(2);

    const { registryStats } = await t.client('viewer').request(RegistryStatsDocument);
    const lstm = registryStats.byModelType.find((x) => x.modelType === 'lstm');
    expect(lstm).toMatchObject({ models: 2, versions: 2, activeVersions: 2 });
    expect(registryStats.totalModels).toBe(registryStats.byModelType.reduce((n, x) => n + x.models, 0));
  });
});

describe('artifacts', () => {
  it('removes the stored object only with deleteArtifacts, after marking its row DELETED', async () => {
    const { db, blobs } = t.server.services;
    const put = async (key: string) => {
      await blobs.put(key, Readable.from([Buffer.from('weights')]));
      return db.write((tx) =>
        tx.storedFile.create({
          data: { ownerType: 'ModelVersion', fileType: 'MODEL_ARTIFACT', filename: 'model.bin', contentType: 'application/octet-stream', size: 7n, bucket: blobs.bucket, key, status: 'AVAILABLE', createdBy: 'test' },
        }),
      );
    };
    const kept = await put('models/test/kept.bin');
    const dropped = await put('models/test/dropped.bin');
    const fileId = (id: string) => Buffer.from(`StoredFile:${id}`).toString('base64url');

    const a = await register('artifact-1', { artifactFileId: fileId(kept.id), validationMetrics: scored(10) });
    const b = await register('artifact-1', { artifactFileId: fileId(dropped.id) });
    const c = await register('artifact-1', { artifactFileId: fileId(kept.id) });

    // Shared artifact: refused with deleteArtifacts, nothing changes.
    const { deleteModelVersion: shared } = await t.client('editor').request(DeleteModelVersionDocument, { input: { id: c.version.id, deleteArtifacts: true } });
    expect(shared).toMatchObject({ __typename: 'ConflictError' });

    const { deleteModelVersion: d1 } = await t.client('editor').request(DeleteModelVersionDocument, { input: { id: b.version.id, deleteArtifacts: true } });
    expect(d1).toMatchObject({ __typename: 'DeleteModelVersionPayload', artifactDeleted: true });
    expect(await blobs.head(dropped.key)).toBeNull();
    expect((await db.reader.storedFile.findUniqueOrThrow({ where: { id: dropped.id } })).status).toBe('DELETED');

    const { deleteModelVersion: d2 } = await t.client('editor').request(DeleteModelVersionDocument, { input: { id: c.version.id } });
    expect(d2).toMatchObject({ __typename: 'DeleteModelVersionPayload', artifactDeleted: false });
    expect(await blobs.head(kept.key)).not.toBeNull();
    expect(a.version.isActive).toBe(true);

    // A deleted file cannot become an artifact.
    const { registerModelVersion: r } = await t.client('editor').request(RegisterModelVersionDocument, { input: input('artifact-1', { artifactFileId: fileId(dropped.id) }) });
    expect(r).toMatchObject({ __typename: 'ValidationError', field: 'artifactFileId' });
  });

  it('takes an uploaded artifact in the same request; a refused registration leaves no object behind', async () => {
    const { blobs } = t.server.services;
    const objects = async () => (await blobs.list('model-versions/', { limit: 1000 })).objects.length;
    const before = await objects();
    const send = (patch: Partial<RegisterModelVersionInput>) =>
      multipartRequest(t.url, t.keys.editor, RegisterModelVersionDocument, { input: input('upload-1', { ...patch, artifact: null }) }, [
        { path: 'variables.input.artifact', filename: 'model.h5', body: Buffer.from('weights-v1') },
      ]);

    const ok = await send({ validationMetrics: scored(10) });
    const payload = ok.body.data?.registerModelVersion;
    if (payload?.__typename !== 'RegisterModelVersionPayload') throw new Error(JSON.stringify(ok.body));
    expect(payload.version.artifactFile).toMatchObject({ status: 'AVAILABLE' });
    expect((await blobs.head(payload.version.artifactFile!.key))?.size).toBe(10);
    expect(await objects()).toBe(before + 1);

    // Refused inside the transaction (the hash already describes other data): object removed.
    const refused = await send({ dataHash: 'a1b2c3d4e5f60718', numSamples: 1 });
    expect(refused.body.data?.registerModelVersion).toMatchObject({ __typename: 'ConflictError' });
    expect(await objects()).toBe(before + 1);

    const { deleteModelVersion: d } = await t.client('admin').request(DeleteModelVersionDocument, {
      input: { id: payload.version.id, force: true, deleteArtifacts: true },
    });
    expect(d).toMatchObject({ __typename: 'DeleteModelVersionPayload', artifactDeleted: true, newActiveVersion: null, model: { activeVersion: null } });
    expect(await blobs.head(payload.version.artifactFile!.key)).toBeNull();
  });
});
