// `opsgraph jobs import|export|verify` — moving campaigns.yaml (seed 004) in and out. The
// writes go through the same commands as GraphQL, as the CLI user, so they appear in the
// activity log like any other change.
//
// The commands, the YAML parser and the progress bar load inside the actions so
// `opsgraph --help` stays fast; job-verify is light and its exit codes are in the help text.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { parseJobData } from '../domain/job.ts';
import { compareJobs, VERIFY_EXIT, verifyExitCode } from '../domain/job-verify.ts';
import { ValidationError } from '../errors.ts';
import { withCliContext } from './cli-context.ts';

/** Files of at least this size get a progress bar (about 300 jobs). */
const PROGRESS_THRESHOLD_BYTES = 100 * 1024;

const withCommandContext = withCliContext;

/**
 * `campaigns.yaml` → `campaigns.yaml.20261121T021500.123Z.bak` in `dir` (default: beside it).
 * Never overwrites: two imports of one file in the same millisecond get `….bak`, `…-2.bak`.
 */
export function backupFile(file: string, dir?: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '');
  const base = path.join(dir ?? path.dirname(file), `${path.basename(file)}.${stamp}`);
  fs.mkdirSync(path.dirname(base), { recursive: true });
  for (let n = 1; ; n++) {
    const target = n === 1 ? `${base}.bak` : `${base}-${n}.bak`;
    try {
      fs.copyFileSync(file, target, fs.constants.COPYFILE_EXCL);
      return target;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 100) throw err;
    }
  }
}

async function readJobsFile(file: string) {
  const { parseJobsYaml } = await import('../importers/jobs-yaml.ts');
  try {
    return parseJobsYaml(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    if (err instanceof ValidationError || (err as NodeJS.ErrnoException).code) {
      throw new Error(`${file}: ${(err as Error).message}`);
    }
    throw err;
  }
}

export function registerJobCommands(program: Command): void {
  const jobs = program.command('jobs').description('Campaign jobs: move campaigns.yaml in and out of the database.');

  jobs
    .command('import')
    .description(
      'Upsert the jobs of a campaigns.yaml (a list, or `jobs:`) by id, keeping unknown keys in `data`. ' +
        'The file is copied to a timestamped backup first. Malformed entries are reported and skipped ' +
        '(exit status 2), or abort everything with --strict (exit status 1).',
    )
    .argument('<file>', 'campaigns.yaml')
    .option('--strict', 'import nothing if any entry is malformed')
    .option('--backup-dir <dir>', 'where the backup copy goes (default: beside the file)')
    .option('--no-backup', 'skip the backup copy')
    .action(async (file: string, opts: { strict?: boolean; backupDir?: string; backup: boolean }) => {
      if (opts.backup) console.error(`backup: ${backupFile(file, opts.backupDir)}`);
      const { importJobs } = await import('../commands/jobs/import-jobs.ts');
      const { readJobEntries } = await import('../importers/jobs-yaml-stream.ts');
      const { default: cliProgress } = await import('cli-progress');
      const size = fs.statSync(file).size;
      // The file streams through (once, or twice with --strict); progress is by bytes read.
      let bytesRead = 0;
      const entries = () => {
        bytesRead = 0;
        const stream = fs.createReadStream(file);
        stream.on('data', (chunk) => (bytesRead += chunk.length));
        return readJobEntries(stream);
      };
      const bar =
        size >= PROGRESS_THRESHOLD_BYTES
          ? new cliProgress.SingleBar({ format: 'importing [{bar}] {percentage}% | {jobs} jobs read', stream: process.stderr }, cliProgress.Presets.shades_classic)
          : null;
      bar?.start(size, 0, { jobs: 0 });
      try {
        const report = await withCommandContext((ctx) =>
          importJobs(ctx, { entries, strict: opts.strict, source: path.resolve(file), onProgress: (jobs) => bar?.update(bytesRead, { jobs }) }),
        ).catch((err: unknown) => {
          if (err instanceof ValidationError || (err as NodeJS.ErrnoException).code) throw new Error(`${file}: ${(err as Error).message}`);
          throw err;
        });
        bar?.update(size);
        bar?.stop();
        console.log(`found ${report.found}, imported ${report.imported}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected.length}`);
        for (const r of report.rejected) {
          console.log(`  rejected entry ${r.index + 1}${r.line ? ` (line ${r.line})` : ''}${r.id ? ` id "${r.id}"` : ''}: ${r.reason}`);
        }
        if (report.rejected.length) process.exitCode = 2;
      } finally {
        bar?.stop();
      }
    });

  jobs
    .command('export')
    .description('Write every job to a campaigns.yaml (`jobs:` form). An existing file is backed up first.')
    .argument('<file>', 'campaigns.yaml to write')
    .option('--backup-dir <dir>', 'where the backup of an existing file goes (default: beside it)')
    .action(async (file: string, opts: { backupDir?: string }) => {
      const { exportJobs } = await import('../commands/jobs/export-jobs.ts');
      const { yaml, count } = await withCommandContext((ctx) => exportJobs(ctx, { destination: path.resolve(file) }));
      if (fs.existsSync(file)) console.error(`backup: ${backupFile(file, opts.backupDir)}`);
      // Write beside the target and rename: a crash never leaves half a file behind.
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, yaml);
      fs.renameSync(tmp, file);
      console.log(`exported ${count} jobs to ${file}`);
    });

  jobs
    .command('verify')
    .description(
      'Compare a campaigns.yaml with the database. Exit status is the sum of: ' +
        `${VERIFY_EXIT.missingInDb} jobs missing in the database, ${VERIFY_EXIT.missingInFile} jobs missing in the file, ` +
        `${VERIFY_EXIT.differing} jobs that differ, ${VERIFY_EXIT.rejected} malformed entries in the file; 0 when they agree.`,
    )
    .argument('<file>', 'campaigns.yaml')
    .option('--limit <n>', 'list at most this many ids per kind of difference', '50')
    .action(async (file: string, opts: { limit: string }) => {
      const parsed = await readJobsFile(file);
      const rows = await withCommandContext((ctx) => ctx.services.db.reader.job.findMany({ select: { id: true, data: true } }));
      const result = compareJobs(
        new Map(parsed.valid.map((j) => [j.id, parseJobData(j.data)])),
        new Map(rows.map((r) => [r.id, parseJobData(r.data)])),
      );
      const limit = Math.max(0, Number(opts.limit) || 0);
      const list = (title: string, items: string[]) => {
        console.log(`${title}: ${items.length}`);
        for (const item of items.slice(0, limit)) console.log(`  ${item}`);
        if (items.length > limit) console.log(`  … and ${items.length - limit} more`);
      };
      console.log(`file: ${parsed.found} entries (${parsed.rejected.length} malformed); database: ${rows.length} jobs`);
      list('missing in database', result.missingInDb);
      list('missing in file', result.missingInFile);
      list('differing', result.differing.map((d) => `${d.id}: ${d.fields.join(', ')}`));
      list('malformed in file', parsed.rejected.map((r) => `entry ${r.index + 1}${r.line ? ` (line ${r.line})` : ''}: ${r.reason}`));
      process.exitCode = verifyExitCode(result, parsed.rejected.length);
      console.log(process.exitCode === 0 ? 'OK: the file and the database agree' : `DIFFERENT (exit status ${process.exitCode})`);
    });
}
