// The legacy JSON model registry → the registry tables (seed 002's migration).
//
//   DIR/registry.json            { "models": { "<model_id>": { sensor_id, model_type, active_version,
//                                                              created_at, updated_at, versions: [...] } } }
//   DIR/metadata/<version_id>.json  one version's metadata (performance_score, metrics, optional lineage)
//
// Rules: legacy ids are kept (legacyId); scores and active versions are taken as they were
// (no re-scoring, no re-promotion; the active version is recorded as an IMPORTED promotion);
// versions without `validation_performed: true` are imported and marked as such; whatever
// cannot be taken is reported by name and skipped. The import is idempotent: what is
// already there (by legacyId) is left alone, so a second run changes nothing.
//
// The plan is computed by the same code for a dry run (on the read connection) and a real
// run (again, inside the one write transaction, so it is exact at the moment of writing).
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { type CommandContext, recordActivity } from '../commands/command-context.ts';
import { changeActiveVersion } from '../commands/registry/shared.ts';
import type { AfterCommit, Tx } from '../db/database.ts';

const execFileAsync = promisify(execFile);

export type ProblemKind =
  | 'unreadable_json'
  | 'missing_metadata'
  | 'invalid_metadata'
  | 'missing_active_version'
  | 'conflict'
  | 'unlisted_metadata'
  | 'invalid_data_hash';

export interface ImportProblem {
  /** The legacy model id, version id or file name the problem is about. */
  name: string;
  kind: ProblemKind;
  detail: string;
  /** False for warnings: the entry was imported anyway (e.g. without its lineage). */
  skipped: boolean;
}

export interface ImportReport {
  source: string;
  dryRun: boolean;
  /** The .tar.gz written before a real run changed anything; null on a dry run or when nothing was to do. */
  backupFile: string | null;
  sourceCounts: { models: number; versionsListed: number };
  models: { created: number; alreadyImported: number; skipped: number };
  versions: { created: number; alreadyImported: number; skipped: number; withoutValidation: number };
  activeVersionsSet: number;
  /** One line per model this run creates or adds versions to, to check against registry.json. */
  changes: Array<{ legacyId: string; sensorId: string; modelType: string; listed: number; newVersions: number; activeVersion: string | null }>;
  problems: ImportProblem[];
}

export interface ImportOptions {
  dryRun?: boolean;
  /** Where the backup goes; defaults to DIR's parent folder. */
  backupDir?: string;
  /** Clock for the backup's timestamp (tests). */
  now?: () => Date;
}

// ------------------------------------------------------------------ reading the source

interface LegacyVersion {
  legacyId: string;
  /** Position in the model's `versions` list, from 1: the version number it gets. */
  position: number;
  performanceScore: number;
  validationPerformed: boolean;
  trainingConfig: string;
  trainingMetrics: string;
  validationMetrics: string | null;
  trainingTimeSeconds: number | null;
  modelPath: string | null;
  createdAt: Date;
  lineage: { dataHash: string; dataSource: string | null; dataStartDate: Date | null; dataEndDate: Date | null; numSamples: number | null } | null;
}

interface LegacyModel {
  legacyId: string;
  sensorId: string;
  modelType: string;
  createdAt: Date;
  listed: number;
  activeLegacyId: string | null;
  versions: LegacyVersion[];
}

interface Source {
  models: LegacyModel[];
  modelsListed: number;
  versionsListed: number;
  problems: ImportProblem[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Legacy ids become file names; anything that could leave metadata/ is refused. */
const SAFE_ID = /^[A-Za-z0-9._-]{1,200}$/;
const HEX = /^[0-9a-f]{8,128}$/;

/** Python's isoformat() has no zone; the legacy registry wrote UTC, so say so. */
function legacyDate(value: unknown): Date | null {
  if (typeof value !== 'string' || !value) return null;
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(value) || !value.includes('T') ? value : `${value}Z`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? null : date;
}

async function readJson(file: string): Promise<{ ok: true; value: unknown } | { ok: false; kind: 'missing_metadata' | 'unreadable_json'; detail: string }> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, kind: code === 'ENOENT' ? 'missing_metadata' : 'unreadable_json', detail: `${file}: ${code ?? String(err)}` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, kind: 'unreadable_json', detail: `${file}: ${(err as Error).message}` };
  }
}

export async function readLegacyRegistry(dir: string): Promise<Source> {
  const registryFile = path.join(dir, 'registry.json');
  const registry = await readJson(registryFile);
  // Without the index there is nothing to import: that is an error, not a problem entry.
  if (!registry.ok) throw new Error(`cannot read ${registryFile}: ${registry.detail}`);
  if (!isObject(registry.value) || !isObject(registry.value.models)) throw new Error(`${registryFile} has no "models" object`);

  const problems: ImportProblem[] = [];
  const problem = (name: string, kind: ProblemKind, detail: string, skipped = true) => problems.push({ name, kind, detail, skipped });
  const models: LegacyModel[] = [];
  const listedIds = new Set<string>();
  let versionsListed = 0;

  for (const [modelId, raw] of Object.entries(registry.value.models)) {
    const versionIds = isObject(raw) && Array.isArray(raw.versions) ? raw.versions : [];
    versionsListed += versionIds.length;
    if (!isObject(raw) || typeof raw.sensor_id !== 'string' || !raw.sensor_id || typeof raw.model_type !== 'string' || !raw.model_type) {
      problem(modelId, 'invalid_metadata', 'model entry needs "sensor_id" and "model_type" strings');
      continue;
    }
    const model: LegacyModel = {
      legacyId: modelId,
      sensorId: raw.sensor_id,
      modelType: raw.model_type,
      createdAt: legacyDate(raw.created_at) ?? new Date(),
      listed: versionIds.length,
      activeLegacyId: typeof raw.active_version === 'string' ? raw.active_version : null,
      versions: [],
    };
    for (const [index, versionId] of versionIds.entries()) {
      if (typeof versionId !== 'string' || !SAFE_ID.test(versionId)) {
        problem(`${modelId}[${index}]`, 'invalid_metadata', `version id ${JSON.stringify(versionId)} is not a plain file name`);
        continue;
      }
      listedIds.add(versionId);
      const version = await readVersion(dir, model, versionId, index + 1, problem);
      if (version) model.versions.push(version);
    }
    if (model.activeLegacyId && !model.versions.some((v) => v.legacyId === model.activeLegacyId)) {
      problem(
        model.activeLegacyId,
        'missing_active_version',
        `active version of ${modelId} is not among its importable versions; the model is imported without an active version`,
        false,
      );
      model.activeLegacyId = null;
    }
    models.push(model);
  }

  // Metadata nobody lists is not imported (no model says where it belongs), but a person
  // checking the migration wants to know it exists.
  const files = await fs.readdir(path.join(dir, 'metadata')).catch(() => [] as string[]);
  for (const file of files.sort()) {
    if (file.endsWith('.json') && !listedIds.has(file.slice(0, -5))) {
      problem(file, 'unlisted_metadata', 'no model in registry.json lists this version');
    }
  }
  return { models, modelsListed: Object.keys(registry.value.models).length, versionsListed, problems };
}

async function readVersion(
  dir: string,
  model: LegacyModel,
  versionId: string,
  position: number,
  problem: (name: string, kind: ProblemKind, detail: string, skipped?: boolean) => void,
): Promise<LegacyVersion | null> {
  const read = await readJson(path.join(dir, 'metadata', `${versionId}.json`));
  if (!read.ok) {
    problem(versionId, read.kind, read.detail);
    return null;
  }
  const m = read.value;
  if (!isObject(m)) {
    problem(versionId, 'invalid_metadata', 'metadata is not a JSON object');
    return null;
  }
  if (m.model_id !== undefined && m.model_id !== model.legacyId) {
    problem(versionId, 'invalid_metadata', `metadata says model_id ${JSON.stringify(m.model_id)}, but ${model.legacyId} lists it`);
    return null;
  }
  // The score is kept, never recomputed; a version without one cannot take part in promotion.
  if (typeof m.performance_score !== 'number' || !Number.isFinite(m.performance_score)) {
    problem(versionId, 'invalid_metadata', 'performance_score is missing or not a number');
    return null;
  }
  const validationMetrics = isObject(m.validation_metrics) ? m.validation_metrics : null;
  return {
    legacyId: versionId,
    position,
    performanceScore: m.performance_score,
    validationPerformed: validationMetrics?.validation_performed === true,
    trainingConfig: JSON.stringify(isObject(m.training_config) ? m.training_config : {}),
    trainingMetrics: JSON.stringify(isObject(m.training_metrics) ? m.training_metrics : {}),
    validationMetrics: validationMetrics ? JSON.stringify(validationMetrics) : null,
    trainingTimeSeconds: typeof m.training_time_seconds === 'number' && m.training_time_seconds >= 0 ? m.training_time_seconds : null,
    modelPath: typeof m.model_path === 'string' ? m.model_path : null,
    createdAt: legacyDate(m.created_at) ?? model.createdAt,
    lineage: legacyLineage(versionId, m, problem),
  };
}

function legacyLineage(versionId: string, m: Record<string, unknown>, problem: (name: string, kind: ProblemKind, detail: string, skipped?: boolean) => void) {
  if (m.data_hash === undefined || m.data_hash === null) return null;
  const hash = typeof m.data_hash === 'string' ? m.data_hash.trim().toLowerCase() : '';
  // The old registry generated placeholders here (seed 002, fix #2); they identify nothing.
  if (!HEX.test(hash)) {
    problem(versionId, 'invalid_data_hash', `data_hash ${JSON.stringify(m.data_hash)} is not a hex digest; imported without lineage`, false);
    return null;
  }
  const samples = m.num_samples;
  return {
    dataHash: hash,
    dataSource: typeof m.data_source === 'string' ? m.data_source : null,
    dataStartDate: legacyDate(m.data_start_date),
    dataEndDate: legacyDate(m.data_end_date),
    numSamples: typeof samples === 'number' && Number.isInteger(samples) && samples >= 0 ? samples : null,
  };
}

// ------------------------------------------------------------------ planning against the database

interface ModelPlan {
  legacy: LegacyModel;
  /** Existing row of this legacy model, if a previous run imported it. */
  existingId: string | null;
  nextVersionNumber: number;
  newVersions: LegacyVersion[];
  /** Set the active version: only for a model this run creates (re-runs never re-promote). */
  activate: LegacyVersion | null;
}

interface Plan {
  models: ModelPlan[];
  alreadyImportedModels: number;
  alreadyImportedVersions: number;
  problems: ImportProblem[];
}

async function planImport(db: Tx, source: Source): Promise<Plan> {
  const problems: ImportProblem[] = [...source.problems];
  const legacyModelIds = source.models.map((m) => m.legacyId);
  const legacyVersionIds = source.models.flatMap((m) => m.versions.map((v) => v.legacyId));
  const [importedModels, importedVersions, sameKeyModels] = await Promise.all([
    db.model.findMany({ where: { legacyId: { in: legacyModelIds } }, select: { id: true, legacyId: true, nextVersionNumber: true } }),
    db.modelVersion.findMany({ where: { legacyId: { in: legacyVersionIds } }, select: { legacyId: true, model: { select: { legacyId: true } } } }),
    db.model.findMany({
      where: { OR: source.models.map((m) => ({ sensorId: m.sensorId, modelType: m.modelType })) },
      select: { legacyId: true, sensorId: true, modelType: true },
    }),
  ]);
  const modelByLegacy = new Map(importedModels.map((m) => [m.legacyId, m]));
  const versionOwner = new Map(importedVersions.map((v) => [v.legacyId, v.model.legacyId]));
  const ownerOfKey = new Map(sameKeyModels.map((m) => [`${m.sensorId}\u0000${m.modelType}`, m.legacyId]));

  const plans: ModelPlan[] = [];
  let alreadyImportedVersions = 0;
  for (const legacy of source.models) {
    const existing = modelByLegacy.get(legacy.legacyId);
    const key = `${legacy.sensorId}\u0000${legacy.modelType}`;
    const keyOwner = ownerOfKey.get(key);
    if (!existing) ownerOfKey.set(key, legacy.legacyId); // two legacy entries for one sensor/type: the first wins
    if (!existing && keyOwner !== undefined) {
      // Merging into a model registered here would interleave two version histories.
      problems.push({
        name: legacy.legacyId,
        kind: 'conflict',
        detail: `a model for ${legacy.sensorId}/${legacy.modelType} already exists${keyOwner ? ` (legacy ${keyOwner})` : ''}`,
        skipped: true,
      });
      continue;
    }
    const newVersions: LegacyVersion[] = [];
    for (const v of legacy.versions) {
      const owner = versionOwner.get(v.legacyId);
      if (owner === undefined) newVersions.push(v);
      else if (owner === legacy.legacyId) alreadyImportedVersions += 1;
      else problems.push({ name: v.legacyId, kind: 'conflict', detail: `already imported under model ${owner}`, skipped: true });
    }
    const activate = existing ? null : (newVersions.find((v) => v.legacyId === legacy.activeLegacyId) ?? null);
    if (existing && !newVersions.length) continue;
    plans.push({
      legacy,
      existingId: existing?.id ?? null,
      // Version numbers are positions in the legacy list (gaps where entries were broken);
      // versions that appear in a later run are numbered after everything handed out.
      nextVersionNumber: existing?.nextVersionNumber ?? legacy.listed + 1,
      newVersions,
      activate,
    });
  }
  return { models: plans, alreadyImportedModels: importedModels.length, alreadyImportedVersions, problems };
}

// ------------------------------------------------------------------ running

export async function importLegacyRegistry(ctx: CommandContext, dir: string, options: ImportOptions = {}): Promise<ImportReport> {
  const source = await readLegacyRegistry(dir);
  const preview = await planImport(ctx.services.db.reader, source);
  const hasWork = preview.models.length > 0;
  const backupFile = !options.dryRun && hasWork ? await backupDirectory(dir, options) : null;
  const plan = options.dryRun || !hasWork ? preview : await ctx.services.db.write((tx, afterCommit) => applyPlan(tx, afterCommit, ctx, source), { timeoutMs: 10 * 60_000 });
  return report(dir, Boolean(options.dryRun), backupFile, source, plan);
}

async function applyPlan(tx: Tx, afterCommit: AfterCommit, ctx: CommandContext, source: Source): Promise<Plan> {
  const plan = await planImport(tx, source);
  for (const p of plan.models) {
    const model = p.existingId
      ? await tx.model.findUniqueOrThrow({ where: { id: p.existingId } })
      : await tx.model.create({
          data: { legacyId: p.legacy.legacyId, sensorId: p.legacy.sensorId, modelType: p.legacy.modelType, createdAt: p.legacy.createdAt, nextVersionNumber: p.nextVersionNumber },
        });
    let next = model.nextVersionNumber;
    const created = new Map<string, { id: string; versionNumber: number }>();
    for (const v of p.newVersions) {
      const lineageId = v.lineage ? await lineageFor(tx, v.lineage) : null;
      const versionNumber = p.existingId ? next++ : v.position;
      const row = await tx.modelVersion.create({
        data: {
          legacyId: v.legacyId,
          modelId: model.id,
          versionNumber,
          performanceScore: v.performanceScore,
          validationPerformed: v.validationPerformed,
          trainingConfig: v.trainingConfig,
          trainingMetrics: v.trainingMetrics,
          validationMetrics: v.validationMetrics,
          trainingTimeSeconds: v.trainingTimeSeconds,
          modelPath: v.modelPath,
          lineageId,
          createdBy: ctx.actor.label,
          createdAt: v.createdAt,
        },
        select: { id: true, versionNumber: true },
      });
      created.set(v.legacyId, row);
    }
    if (p.existingId) await tx.model.update({ where: { id: model.id }, data: { nextVersionNumber: next } });
    const active = p.activate ? created.get(p.activate.legacyId) : undefined;
    if (active) await changeActiveVersion(tx, { modelId: model.id, from: null, to: active, reason: 'IMPORTED', actor: ctx.actor.label });
    await recordActivity(tx, afterCommit, ctx, {
      subjectType: 'Model',
      subjectId: model.id,
      activityType: 'model_imported',
      description: `${p.newVersions.length} version(s) of legacy model ${p.legacy.legacyId} imported${active ? `; v${active.versionNumber} active` : ''}`,
      details: { legacyId: p.legacy.legacyId, versions: p.newVersions.map((v) => v.legacyId), activeVersionId: active?.id ?? null },
    });
  }
  return plan;
}

/** Legacy lineage is taken as found: an existing row for the hash wins (first import wins). */
async function lineageFor(tx: Tx, l: NonNullable<LegacyVersion['lineage']>): Promise<string> {
  const found = await tx.dataLineage.findUnique({ where: { dataHash: l.dataHash }, select: { id: true } });
  return found ? found.id : (await tx.dataLineage.create({ data: l, select: { id: true } })).id;
}

/** DIR as <parent>/<name>_backup_<UTC timestamp>.tar.gz, written before anything changes. */
export async function backupDirectory(dir: string, options: Pick<ImportOptions, 'backupDir' | 'now'> = {}): Promise<string> {
  const abs = path.resolve(dir);
  const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const outDir = path.resolve(options.backupDir ?? path.dirname(abs));
  await fs.mkdir(outDir, { recursive: true });
  const file = path.join(outDir, `${path.basename(abs)}_backup_${stamp}.tar.gz`);
  await execFileAsync('tar', ['-czf', file, '-C', path.dirname(abs), path.basename(abs)]);
  const { size } = await fs.stat(file);
  if (size === 0) throw new Error(`backup ${file} is empty; nothing was imported`);
  return file;
}

function report(dir: string, dryRun: boolean, backupFile: string | null, source: Source, plan: Plan): ImportReport {
  const newModels = plan.models.filter((p) => !p.existingId).length;
  const newVersions = plan.models.flatMap((p) => p.newVersions);
  const skippedVersions = source.versionsListed - plan.alreadyImportedVersions - newVersions.length;
  return {
    source: path.resolve(dir),
    dryRun,
    backupFile,
    sourceCounts: { models: source.modelsListed, versionsListed: source.versionsListed },
    models: { created: newModels, alreadyImported: plan.alreadyImportedModels, skipped: source.modelsListed - newModels - plan.alreadyImportedModels },
    versions: {
      created: newVersions.length,
      alreadyImported: plan.alreadyImportedVersions,
      skipped: skippedVersions,
      withoutValidation: newVersions.filter((v) => !v.validationPerformed).length,
    },
    activeVersionsSet: plan.models.filter((p) => p.activate).length,
    changes: plan.models.map((p) => ({
      legacyId: p.legacy.legacyId,
      sensorId: p.legacy.sensorId,
      modelType: p.legacy.modelType,
      listed: p.legacy.listed,
      newVersions: p.newVersions.length,
      activeVersion: p.activate?.legacyId ?? null,
    })),
    problems: plan.problems,
  };
}
