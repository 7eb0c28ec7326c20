// Reads a campaigns.yaml (seed 004) one job at a time, so a 100,000-job file never becomes one
// YAML document in memory (the `yaml` package's Document for a 32 MB file costs ~2 GB).
//
// It splits the file at its top-level list items by indentation — the two forms the legacy
// tool and `jobs export` write: a top-level list, or a mapping whose `jobs:` key holds the
// list — and parses each item on its own with the same options as `parseJobsYaml`. A file in
// any other shape (flow style, `jobs:` not the first key, several documents) is read whole and
// handed to `parseJobsYaml`, within `maxWholeBytes`. Known difference from a whole-document
// parse: an alias in one job that points at an anchor in another job is reported as a rejected
// entry instead of being resolved (anchors inside one job work).
import readline from 'node:readline';
import { Readable } from 'node:stream';
import { parse } from 'yaml';
import { jobFromData, type JobColumns } from '../domain/job.ts';
import { ValidationError } from '../errors.ts';
import { JobsFileError, parseJobsYaml, type RejectedEntry } from './jobs-yaml.ts';

export type JobEntry = { index: number; line: number; job: JobColumns } | { index: number; line?: number; rejected: RejectedEntry };

const BLANK_OR_COMMENT = /^\s*(#.*)?$/;
const LIST_ITEM = /^( *)-( |$)/;
const JOBS_KEY = /^jobs:\s*(#.*)?$/;
const EMPTY_JOBS = /^jobs:\s*(\[\s*\]|~|null)?\s*(#.*)?$/;

/** One job's lines, dedented to the list's indentation, with its 1-based first line. */
interface Chunk {
  line: number;
  text: string;
}

export interface ReadJobEntriesOptions {
  /** Size bound for a file that has to be parsed whole (an unusual shape). */
  maxWholeBytes?: number;
}

/**
 * The entries of a jobs file in order: each valid job with its columns, or the reason it was
 * rejected (malformed, or a duplicate of an earlier id). Throws JobsFileError when the file is
 * not a jobs file at all.
 */
export async function* readJobEntries(source: Readable | AsyncIterable<Buffer | string> | Iterable<Buffer>, options: ReadJobEntriesOptions = {}): AsyncGenerator<JobEntry> {
  const seen = new Map<string, number>();
  let index = 0;
  for await (const item of splitEntries(source, options.maxWholeBytes ?? 256 * 1024 * 1024)) {
    const i = index++;
    if ('entry' in item) {
      yield checked(item.entry.index === i ? item.entry : { ...item.entry, index: i }, seen);
      continue;
    }
    yield checked(entryFromChunk(item, i), seen);
  }
}

function checked(entry: JobEntry, seen: Map<string, number>): JobEntry {
  if (!('job' in entry)) return entry;
  const first = seen.get(entry.job.id);
  if (first !== undefined) {
    return { index: entry.index, line: entry.line, rejected: { index: entry.index, line: entry.line, id: entry.job.id, reason: `id: duplicate id "${entry.job.id}" (first used by entry ${first + 1})` } };
  }
  seen.set(entry.job.id, entry.index);
  return entry;
}

function entryFromChunk(chunk: Chunk, index: number): JobEntry {
  let raw: unknown;
  try {
    // Core schema, unique keys: exactly what parseJobsYaml uses for a whole file.
    const list = parse(chunk.text, { schema: 'core', uniqueKeys: true, prettyErrors: false }) as unknown[];
    raw = Array.isArray(list) ? list[0] : undefined;
  } catch (err) {
    const reason = `not valid YAML: ${(err as Error).message.split('\n')[0]}`;
    return { index, line: chunk.line, rejected: { index, line: chunk.line, reason } };
  }
  const rawId = (raw as { id?: unknown } | null)?.id;
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : undefined;
  try {
    return { index, line: chunk.line, job: jobFromData(raw) };
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    return { index, line: chunk.line, rejected: { index, line: chunk.line, id, reason: err.message } };
  }
}

type Split = Chunk | { entry: JobEntry };

/** Yields the text of each top-level list item, or (unusual shapes) the whole-file parse's entries. */
async function* splitEntries(source: Readable | AsyncIterable<Buffer | string> | Iterable<Buffer>, maxWholeBytes: number): AsyncGenerator<Split> {
  const input = source instanceof Readable ? source : Readable.from(source);
  // One iterator for the whole read: the fallback goes on from where the split stopped.
  const lines = readline.createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  let lineNo = 0;
  let state: 'start' | 'afterJobsKey' | 'list' | 'done' = 'start';
  let topLevelList = false; // the file is a bare list (not `jobs:`): nothing may follow it
  let itemIndent = 0;
  let current: { line: number; lines: string[] } | null = null;
  const head: string[] = []; // what was read before deciding the shape (for the fallback)

  const flush = (): Chunk | null => {
    if (!current) return null;
    const chunk = { line: current.line, text: current.lines.join('\n') };
    current = null;
    return chunk;
  };

  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    const text = next.value;
    lineNo += 1;
    if (state === 'done') continue; // keys after the jobs list are not jobs
    if (state === 'start' || state === 'afterJobsKey') {
      head.push(text);
      if (BLANK_OR_COMMENT.test(text) || (state === 'start' && text === '---')) continue;
      const item = LIST_ITEM.exec(text);
      if (state === 'start' && JOBS_KEY.test(text)) {
        state = 'afterJobsKey';
        continue;
      }
      if (state === 'start' && EMPTY_JOBS.test(text)) {
        state = 'done';
        continue;
      }
      if (item && (state === 'afterJobsKey' || item[1]!.length === 0)) {
        topLevelList = state === 'start';
        state = 'list';
        itemIndent = item[1]!.length;
        current = { line: lineNo, lines: [text.slice(itemIndent)] };
        continue;
      }
      if (state === 'afterJobsKey' && /^\S/.test(text)) {
        state = 'done'; // `jobs:` with nothing under it, then another key
        continue;
      }
      // Any other shape: parse the whole file the ordinary way.
      yield* wholeFile(head, lines, maxWholeBytes);
      return;
    }
    // In the list: a new item at the list's indentation, a continuation deeper, or its end.
    if (BLANK_OR_COMMENT.test(text)) {
      current?.lines.push('');
      continue;
    }
    const indent = text.length - text.trimStart().length;
    const item = LIST_ITEM.exec(text);
    if (item && indent === itemIndent) {
      const done = flush();
      if (done) yield done;
      current = { line: lineNo, lines: [text.slice(itemIndent)] };
    } else if (indent > itemIndent) {
      current?.lines.push(text.slice(itemIndent));
    } else {
      const done = flush();
      if (done) yield done;
      if (topLevelList && text !== '...') throw new JobsFileError(`not valid YAML at line ${lineNo}: expected another "- " list item or the end of the file`);
      state = 'done'; // the next key of the `jobs:` mapping, or the end of the document
    }
  }
  const last = flush();
  if (last) yield last;
  if (state === 'start' && head.some((l) => !BLANK_OR_COMMENT.test(l) && l !== '---')) {
    yield* wholeFile(head, lines, maxWholeBytes);
  }
}

async function* wholeFile(head: string[], rest: AsyncIterator<string>, maxBytes: number): AsyncGenerator<Split> {
  let size = 0;
  const all = [...head];
  for (const l of head) size += Buffer.byteLength(l) + 1;
  for (let next = await rest.next(); !next.done; next = await rest.next()) {
    const l = next.value;
    size += Buffer.byteLength(l) + 1;
    if (size > maxBytes) throw new JobsFileError(`this file's shape needs a whole-file parse, and it is over ${maxBytes} bytes`);
    all.push(l);
  }
  const parsed = parseJobsYaml(all.join('\n'));
  // parseJobsYaml already checked duplicates; report its entries in file order.
  const entries: JobEntry[] = [
    ...parsed.valid.map(({ index, ...job }) => ({ index, line: 0, job: job as JobColumns })),
    ...parsed.rejected.map((r) => ({ index: r.index, line: r.line, rejected: r })),
  ].sort((a, b) => a.index - b.index);
  for (const entry of entries) yield { entry };
}

/** Passes a byte stream through, refusing it (ValidationError on `file`) past `maxBytes`. */
export async function* cappedBytes(stream: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<Buffer> {
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buf.length;
    if (size > maxBytes) throw new ValidationError('file', `is larger than ${maxBytes} bytes`);
    yield buf;
  }
}

/** The whole (capped) stream in one buffer: for a strict import, which reads the entries twice. */
export async function readCapped(stream: AsyncIterable<Buffer | string>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const buf of cappedBytes(stream, maxBytes)) chunks.push(buf);
  return Buffer.concat(chunks);
}
