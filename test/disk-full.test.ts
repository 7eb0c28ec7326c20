// A full disk under the database: a write gets a typed DiskFullError that says so (it was a
// masked "Unexpected error"), leaves no trace, and the server keeps serving; once space is
// free, writes succeed again. As root the database lives on a real 4 MB tmpfs that a filler
// file has filled to the last byte; otherwise SQLite's max_page_count caps the file at its
// current size, which makes SQLite itself fail the write with SQLITE_FULL the same way.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server.ts';

const mountDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-full-'));
const filler = path.join(mountDir, 'filler');
let onTmpfs = false;
let t: TestServer;

beforeAll(async () => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountDir], { stdio: 'ignore' });
    onTmpfs = true;
  } catch {
    onTmpfs = false; // not root: max_page_count below
  }
  t = await startTestServer({ DATABASE_URL: `file:${path.join(mountDir, 'opsgraph.db')}` });
}, 60_000);

afterAll(async () => {
  await t?.close();
  if (onTmpfs) execFileSync('umount', [mountDir]);
  fs.rmSync(mountDir, { recursive: true, force: true });
});

/** Takes the rest of the space: a real full disk, or the database capped at its size now. */
async function fillTheDisk(): Promise<void> {
  if (onTmpfs) {
    const fd = fs.openSync(filler, 'w');
    const chunk = Buffer.alloc(64 * 1024, 1);
    try {
      for (;;) fs.writeSync(fd, chunk);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
    }
    // The last partial chunk too, down to the byte.
    try {
      for (;;) fs.writeSync(fd, chunk, 0, 512);
    } catch {
      // ENOSPC again
    }
    fs.closeSync(fd);
    return;
  }
  await t.server.services.db.maintenance(async (w) => {
    const [row] = await w.$queryRawUnsafe<Array<{ page_count: bigint }>>('PRAGMA page_count');
    await w.$queryRawUnsafe(`PRAGMA max_page_count = ${row!.page_count}`);
  });
}

async function freeTheDisk(): Promise<void> {
  if (onTmpfs) fs.rmSync(filler);
  else await t.server.services.db.maintenance((w) => w.$queryRawUnsafe('PRAGMA max_page_count = 1073741823'));
}

const CREATE_JOB = /* GraphQL */ `
  mutation ($input: CreateJobInput!) {
    createJob(input: $input) {
      __typename
      ... on CreateJobPayload { job { id } }
      ... on DomainError { code message }
    }
  }
`;
type CreateJob = { createJob: { __typename: string; code?: string; message?: string } };

const jobCount = async () => (await t.client('viewer').request<{ jobStatistics: { totalJobs: number } }>('{ jobStatistics { totalJobs } }')).jobStatistics.totalJobs;

describe('a full disk', () => {
  it('fails the write with DiskFullError, changes nothing, and writes succeed once space is free', async () => {
    const editor = t.client('editor');
    const job = (n: number) => ({ input: { jobName: `disk full ${n}`, product: 'p', extra: { padding: `${n}`.padEnd(200_000, 'x') } } });
    expect((await editor.request<CreateJob>(CREATE_JOB, job(0))).createJob.__typename).toBe('CreateJobPayload');
    await fillTheDisk();

    // Free pages inside the database or the WAL may take a write or two; the disk runs out soon after.
    let failed: CreateJob['createJob'] | undefined;
    let written = 1;
    for (let n = 1; n <= 30 && !failed; n += 1) {
      const result = (await editor.request<CreateJob>(CREATE_JOB, job(n))).createJob;
      if (result.__typename === 'CreateJobPayload') written += 1;
      else failed = result;
    }
    expect(failed).toMatchObject({ __typename: 'DiskFullError', code: 'DISK_FULL' });
    expect(failed!.message).toMatch(/disk .*is full/);
    expect(await jobCount()).toBe(written); // the failed write left nothing behind
    expect((await fetch(t.url.replace('/graphql', '/healthz'))).status).toBe(200);

    await freeTheDisk();
    expect((await editor.request<CreateJob>(CREATE_JOB, job(100))).createJob.__typename).toBe('CreateJobPayload');
    expect(await jobCount()).toBe(written + 1);
  }, 60_000);
});
