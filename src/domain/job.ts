// Campaign jobs (seed 004). A job is one mapping in the legacy campaigns.yaml, with snake_case
// keys. The database keeps that complete mapping in `data` and copies the fields people filter
// and search on into columns. `data` is the source of truth for export; the columns are always
// derived from it (never the other way round), so they cannot drift apart.
//
// Pure: validation and mapping only, shared by the YAML importer and the GraphQL commands.
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { ValidationError } from '../errors.ts';

/** Column name → the key the legacy YAML used for it. */
export const JOB_FIELD_KEYS = {
  jobName: 'job_name',
  product: 'product',
  persona: 'persona',
  setting: 'setting',
  emotion: 'emotion',
  hook: 'hook',
  voiceId: 'elevenlabs_voice_id',
  language: 'language',
  brandName: 'brand_name',
  enabled: 'enabled',
} as const;

export type JobTextField = Exclude<keyof typeof JOB_FIELD_KEYS, 'enabled' | 'jobName' | 'language'>;
export const OPTIONAL_TEXT_FIELDS: JobTextField[] = ['product', 'persona', 'setting', 'emotion', 'hook', 'voiceId', 'brandName'];

export const DEFAULT_LANGUAGE = 'English';
export const MAX_ID_CHARS = 200;
export const MAX_NAME_CHARS = 500;
export const MAX_TEXT_CHARS = 10_000;
export const MAX_DATA_BYTES = 256 * 1024;

/** What goes into the Job row (besides seq and timestamps). */
export interface JobColumns {
  id: string;
  jobName: string;
  product: string | null;
  persona: string | null;
  setting: string | null;
  emotion: string | null;
  hook: string | null;
  voiceId: string | null;
  language: string;
  brandName: string | null;
  enabled: boolean;
  /** The complete job as JSON text (snake_case keys, unknown keys kept). */
  data: string;
}

export type JobData = Record<string, unknown>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A new id in the seed's style (short lowercase hex), for jobs created without one. */
export function newJobId(): string {
  return randomBytes(6).toString('hex');
}

function text(field: string, value: unknown, max: number): string | null {
  if (value === null || value === undefined) return null;
  // YAML turns `product: 2024` into a number; a number is still a fine product name.
  if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
  if (typeof value !== 'string') throw new ValidationError(field, `must be text, got ${describe(value)}`);
  if (value.length > max) throw new ValidationError(field, `must be at most ${max} characters (got ${value.length})`);
  return value;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value).slice(0, 40)}`;
}

/**
 * Validates one job mapping and derives its columns. Throws ValidationError naming the
 * snake_case key at fault. The returned `data` is the mapping itself, unchanged.
 */
export function jobFromData(raw: unknown): JobColumns {
  if (!isPlainObject(raw)) throw new ValidationError('job', `must be a mapping, got ${describe(raw)}`);
  const id = text('id', raw.id, MAX_ID_CHARS)?.trim();
  if (!id) throw new ValidationError('id', 'is required');
  const jobName = text('job_name', raw.job_name, MAX_NAME_CHARS)?.trim();
  if (!jobName) throw new ValidationError('job_name', 'is required');
  const enabled = raw.enabled ?? true;
  if (typeof enabled !== 'boolean') throw new ValidationError('enabled', `must be true or false, got ${describe(enabled)}`);
  const language = text('language', raw.language, 100)?.trim() || DEFAULT_LANGUAGE;

  const optional = Object.fromEntries(
    OPTIONAL_TEXT_FIELDS.map((field) => [field, text(JOB_FIELD_KEYS[field], raw[JOB_FIELD_KEYS[field]], MAX_TEXT_CHARS)]),
  ) as Record<JobTextField, string | null>;
  const data = JSON.stringify(raw);
  if (Buffer.byteLength(data) > MAX_DATA_BYTES) throw new ValidationError('job', `must serialize to at most ${MAX_DATA_BYTES} bytes`);
  return { id, jobName, language, enabled, ...optional, data };
}

/** Changes to a job in column terms (GraphQL's updateJob); `null` clears an optional field. */
export type JobChanges = Partial<{
  [K in keyof typeof JOB_FIELD_KEYS]: K extends 'enabled' ? boolean | null : string | null;
}> & { extra?: JobData | null };

/**
 * Applies changes to a job's data mapping: known fields under their YAML keys, then `extra`
 * keys merged at the top level (a key set to null is removed). Returns a new mapping.
 */
export function applyJobChanges(data: JobData, changes: JobChanges): JobData {
  const next: JobData = { ...data };
  for (const [field, key] of Object.entries(JOB_FIELD_KEYS)) {
    const value = changes[field as keyof typeof JOB_FIELD_KEYS];
    if (value === undefined) continue;
    if (value === null) {
      if (field === 'jobName') throw new ValidationError('jobName', 'must not be empty');
      delete next[key]; // language falls back to English, enabled to true
    } else {
      next[key] = value;
    }
  }
  if (changes.extra) {
    for (const [key, value] of Object.entries(changes.extra)) {
      if (key === 'id') throw new ValidationError('extra.id', 'the id cannot be changed');
      if (Object.values(JOB_FIELD_KEYS).includes(key as never)) {
        throw new ValidationError(`extra.${key}`, 'is a structured field: set it by its own input field');
      }
      if (value === null) delete next[key];
      else next[key] = value;
    }
  }
  return next;
}

/** Keys whose values differ between two job mappings (deep comparison), sorted. */
export function differingKeys(a: JobData, b: JobData): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !isDeepStrictEqual(a[k], b[k])).sort();
}

export function parseJobData(text: string): JobData {
  const value: unknown = JSON.parse(text);
  return isPlainObject(value) ? value : { value };
}
