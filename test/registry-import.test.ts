// The legacy JSON registry import (seed 002's migration) on a generated registry of 200
// versions across 30 models, with broken entries of every kind the importer reports.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../src/commands/command-context.ts';
import { importLegacyRegistry } from '../src/importers/legacy-registry.ts';
import { RegistryModelDocument, RegistryModelsDocument } from './generated/graphql.ts';
import { sqlStatementsOf, startTestServer, type TestServer } from './support/server.ts';

const run = promisify(execFile);

interface Generated {
  dir: string;
  /** legacy model id → what the import must preserve. */
  expected: Map<string, { active: string | null; scores: Map<string, number>; sensorId: string }>;
  brokenVersions: string[];
}

/** Writes a legacy registry: 30 models, 200 listed versions, a few broken on purpose. */
function generateLegacyRegistry(root: string): Generated {
  const dir = path.join(root, 'registry');
  fs.mkdirSync(path.join(dir, 'metadata'), { recursive: true });
  const models: Record<string, unknown> = {};
  const expected: Generated['expected'] = new Map();
  const missing = new Set(['m03_v2', 'm11_v5', 'm27_v1']);
  const unreadable = new Set(['m05_v4', 'm18_v3']);
  const noScore = new Set(['m22_v2']);
  const brokenVersions = [...missing, ...unreadable, ...noScore];
  let listed = 0;
  for (let m = 0; m < 30; m += 1) {
    const modelId = `m${String(m).padStart(2, '0')}`;
    const count = m < 20 ? 7 : 6; // 20·7 + 10·6 = 200
    const versions = Array.from({ length: count }, (_, i) => `${modelId}_v${i + 1}`);
    listed += count;
    // Deliberately not chosen by score: the import must keep what users had, not re-promote.
    let active: string | null = versions[1]!;
    if (modelId === 'm07') active = 'm07_ghost'; // an active version that does not exist
    if (modelId === 'm09') active = null;
    if (modelId === 'm11') active = 'm11_v5'; // active version whose metadata is missing
    const scores = new Map<string, number>();
    for (const [i, versionId] of versions.entries()) {
      if (missing.has(versionId)) continue;
      const file = path.join(dir, 'metadata', `${versionId}.json`);
      if (unreadable.has(versionId)) {
        fs.writeFileSync(file, '{"version_id": "broken", ');
        continue;
      }
      const score = Math.round((0.5 + ((m * 7 + i * 13) % 50) / 100) * 1e6) / 1e6;
      const meta: Record<string, unknown> = {
        version_id: versionId,
        model_id: modelId,
        sensor_id: `sensor_${m}`,
        model_type: m % 2 ? 'telemanom' : 'lstm',
        model_path: `/models/${modelId}/${versionId}`,
        training_config: { epochs: 10 + i },
        training_metrics: { r2_score: 0.9, mape: 5 },
        // Every third version was registered without validation (the seed's fix #6).
        validation_metrics: i % 3 === 0 ? {} : { validation_performed: true, r2_score: 0.8 },
        training_time_seconds: 100 + i,
        performance_score: noScore.has(versionId) ? undefined : score,
        created_at: `2024-0${1 + (i % 9)}-1${i % 10}T10:00:00.${String(i).padStart(6, '0')}`,
      };
      if (i % 2 === 0) Object.assign(meta, { data_hash: `${modelId.slice(1)}ab${i}cd00ef11`, data_source: 'nasa', num_samples: 1000 * (i + 1), data_start_date: '2024-01-01', data_end_date: '2024-02-01' });
      if (versionId === 'm01_v4') meta.data_hash = 'placeholder_hash'; // imported, without lineage
      if (versionId === 'm02_v3') meta.data_hash = '02ab0cd00ef11'; // m02_v1's data, but 3000 samples instead of 1000
      fs.writeFileSync(file, JSON.stringify(meta));
      if (!noScore.has(versionId)) scores.set(versionId, score);
    }
    models[modelId] = { sensor_id: `sensor_${m}`, model_type: m % 2 ? 'telemanom' : 'lstm', active_version: active, created_at: '2024-01-01T00:00:00', updated_at: '2024-06-01T00:00:00', versions };
    expected.set(modelId, { active: active && scores.has(active) ? active : null, scores, sensorId: `sensor_${m}` });
  }
  fs.writeFileSync(path.join(dir, 'metadata', 'orphan_v1.json'), JSON.stringify({ version_id: 'orphan_v1', performance_score: 0.9 }));
  fs.writeFileSync(path.join(dir, 'registry.json'), JSON.stringify({ models }, null, 2));
  expect(listed).toBe(200);
  return { dir, expected, brokenVersions };
}

let t: TestServer;
let root: string;
let gen: Generated;
let ctx: CommandContext;

beforeAll(async () => {
  t = await startTestServer();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-legacy-'));
  gen = generateLegacyRegistry(root);
  ctx = { services: t.server.services, actor: { label: 'cli:test', role: 'admin' } };
});
afterAll(async () => {
  await t?.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

async function tableCounts() {
  const r = t.server.services.db.reader;
  const [models, versions, lineage, promotions, activity] = await Promise.all([
    r.model.count(),
    r.modelVersion.count(),
    r.dataLineage.count(),
    r.promotionEvent.count(),
    r.activityLogEntry.count(),
  ]);
  return { models, versions, lineage, promotions, activity };
}
const backups = () => fs.readdirSync(root).filter((f) => f.endsWith('.tar.gz'));

describe('legacy registry import', () => {
  it('dry run reports counts and problems and writes nothing', async () => {
    const before = await tableCounts();
    const report = await importLegacyRegistry(ctx, gen.dir, { dryRun: true });
    expect(await tableCounts()).toEqual(before);
    expect(backups()).toEqual([]);
    expect(report.sourceCounts).toEqual({ models: 30, versionsListed: 200 });
    expect(report.versions).toMatchObject({ created: 194, skipped: 6, alreadyImported: 0 });
    expect(report.models).toEqual({ created: 30, alreadyImported: 0, skipped: 0 });
  });

  it('imports the good entries, reports the broken ones by name, keeps scores and active versions', async () => {
    const report = await importLegacyRegistry(ctx, gen.dir, { now: () => new Date('2026-01-02T03:04:05Z') });
    expect(report.backupFile).toBe(path.join(root, 'registry_backup_20260102T030405Z.tar.gz'));
    const listing = (await run('tar', ['-tzf', report.backupFile!])).stdout;
    expect(listing).toContain('registry/registry.json');
    expect(listing).toContain('registry/metadata/m00_v1.json');

    expect(report.models).toEqual({ created: 30, alreadyImported: 0, skipped: 0 });
    expect(report.versions).toEqual({ created: 194, alreadyImported: 0, skipped: 6, withoutValidation: expect.any(Number) });
    const skipped = report.problems.filter((p) => p.skipped);
    expect(skipped.map((p) => [p.name, p.kind]).sort()).toEqual(
      [
        ['m03_v2', 'missing_metadata'],
        ['m11_v5', 'missing_metadata'],
        ['m27_v1', 'missing_metadata'],
        ['m05_v4', 'unreadable_json'],
        ['m18_v3', 'unreadable_json'],
        ['m22_v2', 'invalid_metadata'],
        ['orphan_v1.json', 'unlisted_metadata'],
      ].sort(),
    );
    const warnings = report.problems.filter((p) => !p.skipped).map((p) => [p.name, p.kind]);
    expect(warnings).toEqual(expect.arrayContaining([['m07_ghost', 'missing_active_version'], ['m11_v5', 'missing_active_version'], ['m01_v4', 'invalid_data_hash'], ['m02_v3', 'lineage_mismatch']]));
    // m07 (ghost), m09 (none), m11 (missing file); m03 and m22 lost their active version v2 to broken metadata.
    const withActive = [...gen.expected.values()].filter((m) => m.active).length;
    expect(withActive).toBe(25);
    expect(report.activeVersionsSet).toBe(withActive);

    const counts = await tableCounts();
    expect(counts).toMatchObject({ models: 30, versions: 194, promotions: withActive });

    // Every good model, through the API: active version and every score as they were.
    const { models } = await t.client('viewer').request(RegistryModelsDocument, { first: 100 });
    expect(models.totalCount).toBe(30);
    for (const { node } of models.edges) {
      const want = gen.expected.get(node.legacyId!)!;
      expect(node.sensorId).toBe(want.sensorId);
      expect(node.activeVersion?.legacyId ?? null).toBe(want.active);
      const { model } = await t.client('viewer').request(RegistryModelDocument, { id: node.id, first: 10 });
      const got = new Map(model!.versions.edges.map((e) => [e.node.legacyId!, e.node.performanceScore]));
      expect(got).toEqual(want.scores);
      if (want.active) expect(model!.promotions.edges.map((e) => e.node.reason)).toEqual(['IMPORTED']);
    }

    // Version numbers follow the legacy order, with the broken entry's number left unused.
    const m03 = models.edges.find((e) => e.node.legacyId === 'm03')!.node;
    const { model: m03full } = await t.client('viewer').request(RegistryModelDocument, { id: m03.id, first: 10 });
    expect(m03full!.versions.edges.map((e) => [e.node.versionNumber, e.node.legacyId])).toEqual(
      [7, 6, 5, 4, 3, 1].map((n) => [n, `m03_v${n}`]),
    );
    // Without validation_performed: imported and marked, not refused.
    const v1 = m03full!.versions.edges.find((e) => e.node.legacyId === 'm03_v1')!.node;
    expect(v1.validationPerformed).toBe(false);
    expect(m03full!.versions.edges.find((e) => e.node.legacyId === 'm03_v3')!.node.validationPerformed).toBe(true);
  });

  it('nested lists cost one query per level, however many models there are', async () => {
    const query = `query ($first: Int) { models(first: $first) { edges { node {
      activeVersion { versionNumber lineage { dataHash } }
      versions(first: 10) { totalCount edges { node { versionNumber isActive lineage { dataHash numSamples } } } }
      promotions(first: 5) { edges { node { reason version { versionNumber } } } }
    } } } }`;
    const few = await sqlStatementsOf(t.client('viewer'), query, { first: 3 });
    const all = await sqlStatementsOf(t.client('viewer'), query, { first: 30 });
    expect(all.statements).toBe(few.statements);
    expect(all.statements).toBeLessThan(15);
  });

  it('a second run changes nothing (and writes no second backup)', async () => {
    const before = await tableCounts();
    const report = await importLegacyRegistry(ctx, gen.dir);
    expect(await tableCounts()).toEqual(before);
    expect(backups()).toHaveLength(1);
    expect(report.backupFile).toBeNull();
    expect(report.models).toEqual({ created: 0, alreadyImported: 30, skipped: 0 });
    expect(report.versions).toMatchObject({ created: 0, alreadyImported: 194, skipped: 6 });
  });

  it('after a broken entry is fixed, a re-run imports just that one, numbered after the rest', async () => {
    const file = path.join(gen.dir, 'metadata', 'm22_v2.json');
    const meta = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, JSON.stringify({ ...meta, performance_score: 0.99 }));
    const report = await importLegacyRegistry(ctx, gen.dir, { backupDir: path.join(root, 'later') });
    expect(report.versions).toMatchObject({ created: 1, alreadyImported: 194 });
    expect(report.backupFile).toMatch(/later\/registry_backup_.*\.tar\.gz$/);
    const row = await t.server.services.db.reader.modelVersion.findUniqueOrThrow({ where: { legacyId: 'm22_v2' }, include: { model: true } });
    expect(row.versionNumber).toBe(7); // m22 listed 6 versions: 1..6 are taken
    expect(row.model.activeVersionId).not.toBe(row.id); // a re-run never re-promotes
  });

  it('the CLI prints a summary a person can check against the source', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-cli-'));
    try {
      const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
      const dry = await run('npx', ['tsx', 'src/cli.ts', 'registry', 'import', gen.dir, '--dry-run'], { env }).catch((e) => e);
      expect(dry.stdout).toContain('DRY RUN');
      expect(dry.stdout).toMatch(/source: +30 models, 200 versions listed/);
      expect(dry.stdout).toContain('SKIPPED m27_v1: missing_metadata');
      expect(dry.stdout).toContain('m03 (sensor_3/telemanom): 6 of 7 listed versions');
      expect(dry.code).toBe(3); // skipped entries make the exit status non-zero
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
