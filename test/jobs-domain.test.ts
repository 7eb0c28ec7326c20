// Pure job rules: YAML mapping → columns, partial changes, verify's comparison, YAML reading.
import { describe, expect, it } from 'vitest';
import { applyJobChanges, differingKeys, jobFromData } from '../src/domain/job.ts';
import { compareJobs, verifyExitCode } from '../src/domain/job-verify.ts';
import { ValidationError } from '../src/errors.ts';
import { parseJobsYaml, serializeJobsYaml } from '../src/importers/jobs-yaml.ts';

describe('jobFromData', () => {
  it('derives the columns from the seed keys and keeps the mapping as data', () => {
    const raw = { id: 'abc123', job_name: ' My Campaign ', elevenlabs_voice_id: 'v1', brand_name: 'B', extra: { a: [1] } };
    const job = jobFromData(raw);
    expect(job).toMatchObject({ id: 'abc123', jobName: 'My Campaign', voiceId: 'v1', brandName: 'B', language: 'English', enabled: true, product: null });
    expect(JSON.parse(job.data)).toEqual(raw);
  });

  it('accepts numbers where YAML made them (id: 123, product: 2024)', () => {
    expect(jobFromData({ id: 123, job_name: 'x', product: 2024 })).toMatchObject({ id: '123', product: '2024' });
  });

  it.each([
    [null, 'job'],
    [[1], 'job'],
    [{ job_name: 'x' }, 'id'],
    [{ id: '  ', job_name: 'x' }, 'id'],
    [{ id: 'a' }, 'job_name'],
    [{ id: 'a', job_name: 'x', enabled: 'yes' }, 'enabled'],
    [{ id: 'a', job_name: 'x', hook: { nested: true } }, 'hook'],
    [{ id: 'a', job_name: 'x', persona: 'p'.repeat(10_001) }, 'persona'],
    [{ id: 'a', job_name: 'x', blob: 'b'.repeat(300_000) }, 'job'],
  ])('refuses malformed entry %#', (raw, field) => {
    expect(() => jobFromData(raw)).toThrow(ValidationError);
    try {
      jobFromData(raw);
    } catch (err) {
      expect((err as ValidationError).field).toBe(field);
    }
  });
});

describe('applyJobChanges', () => {
  const data = { id: 'a', job_name: 'A', product: 'P', custom: 1 };
  it('sets, clears and merges without touching other keys', () => {
    expect(applyJobChanges(data, { product: null, hook: 'H', extra: { custom: null, more: [1] } })).toEqual({ id: 'a', job_name: 'A', hook: 'H', more: [1] });
    expect(data).toEqual({ id: 'a', job_name: 'A', product: 'P', custom: 1 }); // not mutated
  });
  it('refuses to clear the name, change the id, or set a structured field through extra', () => {
    expect(() => applyJobChanges(data, { jobName: null })).toThrow(/jobName/);
    expect(() => applyJobChanges(data, { extra: { id: 'b' } })).toThrow(/extra\.id/);
    expect(() => applyJobChanges(data, { extra: { job_name: 'b' } })).toThrow(/extra\.job_name/);
  });
});

describe('compareJobs', () => {
  it('lists missing ids on each side and differing keys, deep and order-insensitive', () => {
    const file = new Map([
      ['a', { id: 'a', x: { p: 1, q: [1, 2] } }],
      ['b', { id: 'b', x: 1 }],
      ['c', { id: 'c' }],
    ]);
    const db = new Map([
      ['a', { x: { q: [1, 2], p: 1 }, id: 'a' }],
      ['b', { id: 'b', x: 2, y: null }],
      ['d', { id: 'd' }],
    ]);
    const r = compareJobs(file, db);
    expect(r).toEqual({ missingInDb: ['c'], missingInFile: ['d'], differing: [{ id: 'b', fields: ['x', 'y'] }] });
    expect(verifyExitCode(r, 0)).toBe(14);
    expect(verifyExitCode({ missingInDb: [], missingInFile: [], differing: [] }, 0)).toBe(0);
    expect(differingKeys({ a: undefined }, {})).toEqual([]);
  });
});

describe('parseJobsYaml', () => {
  it('reads a top-level list and a jobs: mapping alike, and reports each bad entry with its line', () => {
    const list = parseJobsYaml('- id: a\n  job_name: A\n- id: a\n  job_name: dup\n- nope\n');
    expect(list.valid.map((j) => j.id)).toEqual(['a']);
    expect(list.rejected).toEqual([
      { index: 1, line: 3, id: 'a', reason: 'id: duplicate id "a" (first used by entry 1)' },
      { index: 2, line: 5, id: undefined, reason: 'job: must be a mapping, got string "nope"' },
    ]);
    expect(parseJobsYaml('jobs:\n  - id: a\n    job_name: A\n').valid).toHaveLength(1);
    expect(parseJobsYaml('jobs:\n').found).toBe(0);
  });

  it('refuses a file that is not YAML or not a jobs list', () => {
    expect(() => parseJobsYaml('jobs: [\n')).toThrow(/not valid YAML at line/);
    expect(() => parseJobsYaml('jobs: 3\n')).toThrow(/expected a list of jobs/);
    expect(() => parseJobsYaml('a: 1\na: 2\n')).toThrow(/not valid YAML/);
  });

  it('keeps dates, octal-looking and yes/no strings as written (core schema) and round-trips', () => {
    const text = 'jobs:\n  - id: "007"\n    job_name: x\n    when: 2026-01-01\n    answer: yes\n    multi: |\n      two\n      lines\n';
    const [job] = parseJobsYaml(text).valid;
    expect(JSON.parse(job!.data)).toEqual({ id: '007', job_name: 'x', when: '2026-01-01', answer: 'yes', multi: 'two\nlines\n' });
    const again = parseJobsYaml(serializeJobsYaml([JSON.parse(job!.data)])).valid[0];
    expect(again!.data).toBe(job!.data);
  });
});
