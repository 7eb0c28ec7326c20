// Reading the legacy JSON registry (seed 002) into plain records, collecting what cannot be
// read as named problems instead of failing. No database here; legacy-registry.ts plans and
// writes the import.
//
//   DIR/registry.json               { "models": { "<model_id>": { sensor_id, model_type, active_version,
//                                                                 created_at, updated_at, versions: [...] } } }
//   DIR/metadata/<version_id>.json  one version's metadata (performance_score, metrics, optional lineage)
import fs from 'node:fs/promises';
import path from 'node:path';

export type ProblemKind =
  | 'unreadable_json'
  | 'missing_metadata'
  | 'invalid_metadata'
  | 'missing_active_version'
  | 'conflict'
  | 'unlisted_metadata'
  | 'invalid_data_hash'
  | 'lineage_mismatch';

export interface ImportProblem {
  /** The legacy model id, version id or file name the problem is about. */
  name: string;
  kind: ProblemKind;
  detail: string;
  /** False for warnings: the entry was imported anyway (e.g. without its lineage). */
  skipped: boolean;
}

export interface LegacyVersion {
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

export interface LegacyModel {
  legacyId: string;
  sensorId: string;
  modelType: string;
  createdAt: Date;
  listed: number;
  activeLegacyId: string | null;
  versions: LegacyVersion[];
}

export interface Source {
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
