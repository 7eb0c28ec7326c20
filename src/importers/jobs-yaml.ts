// The legacy campaigns.yaml (seed 004) ↔ job mappings. Reading accepts a top-level list of
// jobs or a mapping with a `jobs:` list; each entry is checked on its own, so one malformed
// job is reported with its position and reason instead of failing (or vanishing from) the
// whole file. Writing produces the `jobs:` form, which reads back to the same mappings.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, stringify } from 'yaml';
import { type JobColumns, type JobData, jobFromData } from '../domain/job.ts';
import { ValidationError } from '../errors.ts';

export interface RejectedEntry {
  /** 0-based position in the file's job list. */
  index: number;
  /** 1-based line where the entry starts, when known. */
  line?: number;
  id?: string;
  reason: string;
}

export interface ParsedJobsFile {
  /** Entries in the list, valid or not. */
  found: number;
  valid: Array<JobColumns & { index: number }>;
  rejected: RejectedEntry[];
}

/** The file is not a jobs file at all (bad YAML, or neither a list nor `jobs:`). */
export class JobsFileError extends ValidationError {
  constructor(message: string) {
    super('file', message);
  }
}

export function parseJobsYaml(text: string): ParsedJobsFile {
  const lines = new LineCounter();
  // Core schema: timestamps and other YAML 1.1 conveniences stay plain strings, so every
  // value maps to JSON and back unchanged.
  const doc = parseDocument(text, { lineCounter: lines, schema: 'core', uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const at = ` at line ${lines.linePos(e.pos[0]).line}`;
    throw new JobsFileError(`not valid YAML${at}: ${e.message.split('\n')[0]}`);
  }
  const root: unknown = doc.contents;
  const list: unknown = isMap(root) ? root.get('jobs', true) : root;
  // `jobs:` with nothing under it, or an empty file: no jobs, not an error.
  if (list === null || list === undefined || (isScalar(list) && list.value === null)) return { found: 0, valid: [], rejected: [] };
  if (!isSeq(list)) throw new JobsFileError('expected a list of jobs, or a mapping with a "jobs" list');

  const valid: ParsedJobsFile['valid'] = [];
  const rejected: RejectedEntry[] = [];
  const firstIndexOfId = new Map<string, number>();
  const values = list.toJSON() as unknown[];
  values.forEach((raw, index) => {
    const node = list.items[index] as unknown as { range?: [number, number, number] } | undefined;
    const line = node?.range ? lines.linePos(node.range[0]).line : undefined;
    const rawId = (raw as { id?: unknown } | null)?.id;
    const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : undefined;
    try {
      const job = jobFromData(raw);
      const first = firstIndexOfId.get(job.id);
      if (first !== undefined) throw new ValidationError('id', `duplicate id "${job.id}" (first used by entry ${first + 1})`);
      firstIndexOfId.set(job.id, index);
      valid.push({ ...job, index });
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      rejected.push({ index, line, id, reason: err.message });
    }
  });
  return { found: values.length, valid, rejected };
}

/** Writes job mappings as `jobs:` YAML; parseJobsYaml(serializeJobsYaml(x)) gives x back. */
export function serializeJobsYaml(jobs: JobData[]): string {
  // lineWidth 0: never fold long strings, which would change nothing but make diffs noisy.
  return stringify({ jobs }, { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });
}
