// Bulk import (issue 14): a campaigns.yaml of IMPORT_JOBS jobs (default 100,000, ~32 MB; 20,000
// when --duration is under 4 s) imported three ways into fresh, migrated databases:
// - `opsgraph jobs import FILE` (the CLI, one process),
// - `importJobs` through a running gateway (GraphQL multipart upload),
// - the baseline (bench/lib/baseline-import.ts): the same streaming parse, prepared INSERTs in
//   one transaction with the same FTS5 triggers.
// Prints rows/s and peak RSS (VmHWM of the process doing the work, sampled every 50 ms). Targets:
// rows/s ratio ≥ 0.5, peak RSS ≤ 300 MB. Runnable alone: `npx tsx bench/cases/import.ts`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serializeJobsYaml } from '../../src/importers/jobs-yaml.ts';
import { makeTempDir, REPO_ROOT, removeDir, startGateway } from '../lib/gateway.ts';
import { runIfEntryPoint } from '../lib/standalone.ts';
import type { BenchCase, CaseResult } from '../lib/types.ts';

const TARGET_RATIO = 0.5;
const RSS_LIMIT_MB = 300;
const BIN = path.join(REPO_ROOT, 'bin', 'opsgraph.js');
/** How long after the import the gateway's RSS is read again (issue 14: one minute). */
const AFTER_MS = Number(process.env.IMPORT_AFTER_MS ?? 60_000);

function jobsYaml(n: number): string {
  const products = ['Zephyr', 'Aurora', 'Nimbus', 'Solace', 'Vertex'];
  const personas = ['student', 'parent', 'athlete', 'retiree', 'founder'];
  return serializeJobsYaml(
    Array.from({ length: n }, (_, i) => ({
      id: `imp-${i.toString(36)}`,
      job_name: `Campaign ${i} for ${products[i % 5]}`,
      product: products[i % 5],
      persona: personas[(i >> 3) % 5],
      setting: i % 2 ? 'kitchen at dawn' : 'city rooftop',
      emotion: ['joy', 'calm', 'awe'][i % 3],
      hook: `Hook number ${i}: what if your morning started with something better than coffee?`,
      elevenlabs_voice_id: `voice-${i % 40}`,
      language: i % 7 ? 'English' : 'Spanish',
      brand_name: `${products[i % 5]} Labs`,
      enabled: i % 10 !== 0,
      schedule: { start: '2026-01-01', slots: [i % 24, (i + 6) % 24] },
    })),
  );
}

/** Peak RSS in MB of `pid` so far (VmHWM), or null once it is gone. */
function peakRssMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Current RSS in MB of `pid` (VmRSS), or null once it is gone. */
function currentRssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's high-water RSS until `done` settles; returns the last reading. */
async function watchPeak<T>(pid: number, done: Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peakMb = 0;
  const timer = setInterval(() => (peakMb = peakRssMb(pid) ?? peakMb), 50);
  try {
    return { result: await done, peakMb };
  } finally {
    clearInterval(timer);
  }
}

function runNode(args: string[], env: Record<string, string>): { pid: number; done: Promise<string> } {
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  const done = new Promise<string>((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited ${code}: ${out.slice(-2000)}`)))));
  return { pid: child.pid!, done };
}

async function migratedDir(): Promise<string> {
  const dir = makeTempDir('opsgraph-import-');
  await runNode([BIN, 'migrate'], { DATA_DIR: dir }).done;
  return dir;
}

export const importCase: BenchCase = {
  name: 'import',
  description: 'campaigns.yaml bulk import: CLI and importJobs vs prepared INSERTs with the same FTS triggers',
  async run(opts): Promise<CaseResult> {
    const n = Number(process.env.IMPORT_JOBS ?? (opts.durationSec < 4 ? 20_000 : 100_000));
    const work = makeTempDir('opsgraph-import-yaml-');
    const file = path.join(work, 'campaigns.yaml');
    fs.writeFileSync(file, jobsYaml(n));
    const mb = fs.statSync(file).size / 1024 / 1024;
    const dirs: string[] = [work];
    try {
      // Baseline.
      const baseDir = await migratedDir();
      dirs.push(baseDir);
      const base = runNode(['--import', 'tsx', 'bench/lib/baseline-import.ts'], { DB_FILE: path.join(baseDir, 'opsgraph.db'), YAML_FILE: file });
      const baseRun = await watchPeak(base.pid, base.done);
      const baseline = JSON.parse(baseRun.result.trim().split('\n').at(-1)!) as { rows: number; ms: number };

      // The CLI.
      const cliDir = await migratedDir();
      dirs.push(cliDir);
      const t0 = performance.now();
      const cli = runNode([BIN, 'jobs', 'import', file, '--no-backup'], { DATA_DIR: cliDir });
      const cliRun = await watchPeak(cli.pid, cli.done);
      const cliMs = performance.now() - t0;

      // importJobs through a gateway.
      const gwDir = await migratedDir();
      dirs.push(gwDir);
      const gateway = await startGateway({ dataDir: gwDir });
      let gwMs = 0;
      let gwPeak = 0;
      let gwIdle = 0;
      let gwAfter = 0;
      try {
        gwIdle = currentRssMb(gateway.pid) ?? 0;
        const form = new FormData();
        form.set('operations', JSON.stringify({ query: 'mutation($f: File!) { importJobs(input: { file: $f }) { __typename ... on ImportJobsPayload { found imported } } }', variables: { f: null } }));
        form.set('map', JSON.stringify({ 0: ['variables.f'] }));
        form.set('0', new Blob([fs.readFileSync(file)], { type: 'application/yaml' }), 'campaigns.yaml');
        const t1 = performance.now();
        const upload = fetch(gateway.graphqlUrl, { method: 'POST', body: form, headers: { authorization: `Bearer ${gateway.adminKey}` } }).then((r) => r.json());
        const { result, peakMb } = await watchPeak(gateway.pid, upload);
        gwMs = performance.now() - t1;
        gwPeak = peakMb;
        const payload = (result as { data?: { importJobs?: { imported?: number } } }).data?.importJobs;
        if (payload?.imported !== n) throw new Error(`importJobs answered ${JSON.stringify(result).slice(0, 500)}`);
        // Is the burst's memory returned? RSS (not the high-water mark) a while after the import.
        await new Promise((r) => setTimeout(r, AFTER_MS));
        gwAfter = currentRssMb(gateway.pid) ?? 0;
      } finally {
        await gateway.stop();
      }

      const rate = (ms: number) => Math.round(n / (ms / 1000));
      const rows = [
        { label: 'opsgraph jobs import (CLI)', 'rows/s': rate(cliMs), 'peak RSS MB': Math.round(cliRun.peakMb), seconds: (cliMs / 1000).toFixed(2) },
        { label: 'importJobs (gateway, multipart)', 'rows/s': rate(gwMs), 'peak RSS MB': Math.round(gwPeak), seconds: (gwMs / 1000).toFixed(2) },
        { label: 'baseline (prepared INSERTs, one transaction)', 'rows/s': rate(baseline.ms), 'peak RSS MB': Math.round(baseRun.peakMb), seconds: (baseline.ms / 1000).toFixed(2) },
      ];
      const ratio = baseline.ms / cliMs;
      return {
        name: 'import',
        rows,
        ratio,
        target: TARGET_RATIO,
        notes: [
          `${n.toLocaleString('en')} jobs, ${mb.toFixed(1)} MB of YAML; the CLI's time includes starting Node and its database backup before writing`,
          `importJobs over GraphQL / baseline = ${(baseline.ms / gwMs).toFixed(2)} (the upload's transfer included)`,
          `peak RSS target ≤ ${RSS_LIMIT_MB} MB: CLI ${cliRun.peakMb <= RSS_LIMIT_MB ? 'met' : 'NOT met'}, gateway ${gwPeak <= RSS_LIMIT_MB ? 'met' : 'NOT met'} (gateway at idle before the upload: ${Math.round(gwIdle)} MB, so the import added ${Math.round(gwPeak - gwIdle)} MB at its peak)`,
          `gateway RSS ${Math.round(AFTER_MS / 1000)} s after the import: ${Math.round(gwAfter)} MB vs ${Math.round(gwIdle)} MB idle before it (${(((gwAfter - gwIdle) / gwIdle) * 100).toFixed(0)} %; target within 20 %: ${gwAfter <= gwIdle * 1.2 ? 'met' : 'NOT met'})`,
        ],
      };
    } finally {
      for (const d of dirs) removeDir(d);
    }
  },
};

export default importCase;
await runIfEntryPoint(import.meta.url, importCase);
