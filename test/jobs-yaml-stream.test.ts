// The streaming jobs reader against the whole-document parser: the same jobs, the same
// rejections with the same lines, for every shape the legacy tool and `jobs export` write;
// the odd shapes fall back to the whole-document parse.
import { describe, expect, it } from 'vitest';
import { parseJobsYaml } from '../src/importers/jobs-yaml.ts';
import { type JobEntry, readJobEntries } from '../src/importers/jobs-yaml-stream.ts';

async function entries(text: string, chunkSize = 7): Promise<JobEntry[]> {
  // Small chunks: item boundaries fall inside chunks and lines.
  const chunks = Array.from({ length: Math.ceil(text.length / chunkSize) }, (_, i) => Buffer.from(text.slice(i * chunkSize, (i + 1) * chunkSize)));
  const out: JobEntry[] = [];
  for await (const e of readJobEntries(chunks)) out.push(e);
  return out;
}

/** What parseJobsYaml makes of the same text, in the streaming reader's terms. */
function expected(text: string) {
  const parsed = parseJobsYaml(text);
  return {
    found: parsed.found,
    valid: parsed.valid.map(({ index, ...job }) => ({ index, job })),
    rejected: parsed.rejected.map((r) => ({ index: r.index, id: r.id, reason: r.reason })),
  };
}

async function compare(text: string) {
  const got = await entries(text);
  const want = expected(text);
  expect(got.length).toBe(want.found);
  expect(got.filter((e) => 'job' in e).map((e) => ({ index: e.index, job: (e as { job: unknown }).job }))).toEqual(want.valid);
  expect(got.flatMap((e) => ('rejected' in e ? [{ index: e.index, id: e.rejected.id, reason: e.rejected.reason }] : []))).toEqual(want.rejected);
  return got;
}

const SHAPES: Record<string, string> = {
  'a bare list': '- id: a\n  job_name: A\n- id: b\n  job_name: B\n  hook: "two\n    lines"\n',
  '`jobs:` indented by two': '# campaigns\njobs:\n  - id: a\n    job_name: A\n    tags: [x, y]\n\n  # a comment between jobs\n  - id: b\n    job_name: B\n    notes: |\n      line one\n\n      line three\n',
  '`jobs:` not indented': 'jobs:\n- id: a\n  job_name: A\n- id: b\n  job_name: B\n',
  'keys after the list': 'jobs:\n  - id: a\n    job_name: A\nversion: 2\n',
  'a document marker': '---\n- id: a\n  job_name: A\n',
  'malformed and duplicate entries': 'jobs:\n  - id: a\n    job_name: A\n  - id: b\n    enabled: maybe\n  - id: a\n    job_name: again\n  - just a string\n',
  'flow style (whole-file fallback)': 'jobs: [{id: a, job_name: A}, {id: b, job_name: B}]\n',
  'another key first (whole-file fallback)': 'version: 2\njobs:\n  - id: a\n    job_name: A\n',
  'an empty `jobs:`': 'jobs:\n',
  'an empty file': '',
};

describe('readJobEntries', () => {
  for (const [name, text] of Object.entries(SHAPES)) {
    it(`reads ${name} as parseJobsYaml does`, async () => {
      await compare(text);
    });
  }

  it('gives each rejected entry the line it starts on', async () => {
    const got = await compare(SHAPES['malformed and duplicate entries']!);
    expect(got.flatMap((e) => ('rejected' in e ? [e.rejected.line] : []))).toEqual([4, 6, 8]);
    expect(expected(SHAPES['malformed and duplicate entries']!).rejected.map((r) => r.index)).toEqual([1, 2, 3]);
  });

  it('resolves an alias to an anchor in the same job (the whole-document parse did not)', async () => {
    const [e] = await entries('- id: a\n  job_name: &n A\n  brand_name: *n\n');
    expect(e).toMatchObject({ job: { jobName: 'A', brandName: 'A' } });
  });

  it('reports an alias to another job as that entry rejected, not the file', async () => {
    const got = await entries('- id: a\n  job_name: &n A\n- id: b\n  job_name: *n\n');
    expect('job' in got[0]!).toBe(true);
    expect(got[1]).toMatchObject({ index: 1, rejected: { line: 3, reason: expect.stringMatching(/alias/i) } });
  });

  it('refuses what is not a jobs file, as parseJobsYaml does', async () => {
    await expect(entries('jobs: [\n')).rejects.toThrow(/not valid YAML/);
    await expect(entries('just a string\n')).rejects.toThrow(/expected a list of jobs/);
    expect(await entries('just: a mapping\n')).toEqual([]); // as parseJobsYaml: no `jobs` key, no jobs
    await expect(entries('- id: a\n  job_name: A\nstray: key\n')).rejects.toThrow(/line 3/);
  });

  it('streams: 20,000 jobs come out one by one with their lines', async () => {
    const text = `jobs:\n${Array.from({ length: 20_000 }, (_, i) => `  - id: j${i}\n    job_name: Job ${i}\n`).join('')}`;
    let n = 0;
    for await (const e of readJobEntries([Buffer.from(text)])) {
      expect(e).toMatchObject({ index: n, line: 2 + 2 * n, job: { id: `j${n}` } });
      n += 1;
    }
    expect(n).toBe(20_000);
  });
});
