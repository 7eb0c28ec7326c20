// The legacy JSON model registry → the registry tables (seed 002's migration).
//
// (The source layout and its reading: legacy-registry-source.ts.)
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
import { backupBefore } from '../commands/backups/backup-database.ts';
import { type CommandContext, recordActivity } from '../commands/command-context.ts';
import { changeActiveVersion } from '../commands/registry/shared.ts';
import type { AfterCommit, Tx } from '../db/database.ts';
import { type ImportProblem, type LegacyModel, type LegacyVersion, readLegacyRegistry, type Source } from './legacy-registry-source.ts';

export type { ImportProblem, ProblemKind } from './legacy-registry-source.ts';

const execFileAsync = promisify(execFile);

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
  problems.push(...(await lineageMismatches(db, plans)));
  return { models: plans, alreadyImportedModels: importedModels.length, alreadyImportedVersions, problems };
}

type Lineage = NonNullable<LegacyVersion['lineage']>;

/**
 * One lineage row per hash, and the first description of a hash wins (the database's, then
 * the earliest in the source). A version whose metadata describes the same hash differently
 * is still imported and linked to that row, with a warning naming it.
 */
async function lineageMismatches(db: Tx, plans: ModelPlan[]): Promise<ImportProblem[]> {
  const versions = plans.flatMap((p) => p.newVersions).filter((v) => v.lineage);
  const stored = await db.dataLineage.findMany({ where: { dataHash: { in: versions.map((v) => v.lineage!.dataHash) } } });
  const first = new Map<string, Lineage>(stored.map((l) => [l.dataHash, l]));
  const problems: ImportProblem[] = [];
  const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);
  for (const v of versions) {
    const l = v.lineage!;
    const known = first.get(l.dataHash);
    if (!known) {
      first.set(l.dataHash, l);
      continue;
    }
    const differs = (['dataSource', 'dataStartDate', 'dataEndDate', 'numSamples'] as const).filter((k) => l[k] !== null && known[k] !== null && !same(l[k], known[k]));
    if (differs.length) {
      problems.push({ name: v.legacyId, kind: 'lineage_mismatch', detail: `data_hash ${l.dataHash} is already described with a different ${differs.join(', ')}; linked to that description`, skipped: false });
    }
  }
  return problems;
}

// ------------------------------------------------------------------ running

export async function importLegacyRegistry(ctx: CommandContext, dir: string, options: ImportOptions = {}): Promise<ImportReport> {
  const source = await readLegacyRegistry(dir);
  const preview = await planImport(ctx.services.db.reader, source);
  const hasWork = preview.models.length > 0;
  const backupFile = !options.dryRun && hasWork ? await backupDirectory(dir, options) : null;
  // Seed 000: back the database up before a risky bulk write. A failed backup stops the import.
  if (!options.dryRun && hasWork) await backupBefore(ctx, 'registry import');
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
