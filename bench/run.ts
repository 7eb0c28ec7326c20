// `npm run bench [-- [CASE ...] [--duration N] [--json [FILE]]]`
//
// Runs every case module in bench/cases/ (or only the named ones), one after another, and
// prints each case's table of gateway and baseline figures with the ratio. Servers under
// test run in child processes pinned to core 0, the load generator (this process) on core 1
// where the machine has two cores (see bench/lib/cpu.ts). Loopback only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CORES, pinLoadGenerator } from './lib/cpu.ts';
import { formatCase } from './lib/format.ts';
import { loadAverage } from './lib/load.ts';
import type { BenchCase, CaseResult } from './lib/types.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CASES_DIR = path.join(HERE, 'cases');
const DEFAULT_JSON = path.join(HERE, 'results', 'latest.json');
const DEFAULT_DURATION = 8;

const USAGE = `usage: npm run bench -- [CASE ...] [--duration SECONDS] [--json [FILE]]

  CASE           run only these cases (default: all in bench/cases/)
  --duration N   seconds of timed load per side (gateway, baseline) and case (default ${DEFAULT_DURATION}),
                 run as A B B A halves after a short warm-up
  --json [FILE]  also write all results as JSON (default ${path.relative(process.cwd(), DEFAULT_JSON)})
  --nice N       run the benchmark (servers included) at this nice value, e.g. -10 (needs
                 privileges below 0) so other work on the machine disturbs it less
  --list         list the cases and exit`;

interface Args {
  cases: string[];
  durationSec: number;
  json: string | null;
  list: boolean;
  nice: number | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { cases: [], durationSec: DEFAULT_DURATION, json: null, list: false, nice: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (a === '--list') {
      args.list = true;
    } else if (a === '--duration' || a.startsWith('--duration=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0 || n > 600) fail(`--duration wants seconds between 0 and 600, got "${v}"`);
      args.durationSec = n;
    } else if (a === '--nice' || a.startsWith('--nice=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      const n = Number(v);
      if (!Number.isInteger(n) || n < -20 || n > 19) fail(`--nice wants an integer from -20 to 19, got "${v}"`);
      args.nice = n;
    } else if (a === '--json' || a.startsWith('--json=')) {
      if (a.includes('=')) args.json = a.slice(a.indexOf('=') + 1);
      else {
        const next = argv[i + 1];
        // The file is optional: take the next word only when it looks like a path.
        if (next && !next.startsWith('-') && (next.endsWith('.json') || next.includes('/'))) args.json = argv[++i]!;
        else args.json = DEFAULT_JSON;
      }
    } else if (a.startsWith('-')) {
      fail(`unknown option ${a}\n${USAGE}`);
    } else {
      args.cases.push(a);
    }
  }
  return args;
}

function fail(msg: string): never {
  console.error(msg);
  process.exit(2);
}

async function loadCases(): Promise<BenchCase[]> {
  const files = fs
    .readdirSync(CASES_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort();
  const cases: BenchCase[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(CASES_DIR, f)).href)) as { default?: BenchCase };
    const c = mod.default;
    if (!c || typeof c.run !== 'function' || typeof c.name !== 'string') {
      throw new Error(`bench/cases/${f}: default export must be { name, description, run(opts) }`);
    }
    cases.push(c);
  }
  return cases;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const all = await loadCases();
  if (args.list) {
    for (const c of all) console.log(`${c.name.padEnd(14)} ${c.description}`);
    return;
  }
  const unknown = args.cases.filter((n) => !all.some((c) => c.name === n));
  if (unknown.length) fail(`unknown case(s): ${unknown.join(', ')}; known: ${all.map((c) => c.name).join(', ')}`);
  const selected = args.cases.length ? all.filter((c) => args.cases.includes(c.name)) : all;

  let placement = pinLoadGenerator();
  if (args.nice !== null) {
    // Child processes (the servers) inherit the nice value of the thread that spawns them.
    try {
      os.setPriority(args.nice);
      placement += `; nice ${args.nice}`;
    } catch (err) {
      placement += `; could not set nice ${args.nice} (${(err as Error).message})`;
    }
  }
  const machine = {
    date: new Date().toISOString(),
    node: process.version,
    cores: CORES,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    placement,
    durationSec: args.durationSec,
  };
  console.log(`opsgraph bench — ${machine.date}`);
  console.log(`node ${machine.node} · ${machine.cores} cores (${machine.cpu}) · ${machine.memGiB} GiB · ${machine.platform}`);
  console.log(`${placement}; ${args.durationSec} s per side and case (A B B A halves), loopback only`);
  console.log(`load average at start: ${loadAverage()} (work outside the benchmark skews absolute figures; ratios less so)`);

  const results: CaseResult[] = [];
  const failures: Array<{ name: string; error: string }> = [];
  for (const c of selected) {
    console.log(`\n== ${c.name}: ${c.description}`);
    const started = Date.now();
    const loadBefore = loadAverage();
    try {
      const r = await c.run({ durationSec: args.durationSec });
      r.notes = [...(r.notes ?? []), `machine load average ${loadBefore} before, ${loadAverage()} after`];
      results.push(r);
      console.log(formatCase(r));
    } catch (err) {
      const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
      failures.push({ name: c.name, error });
      console.error(`FAILED ${c.name}: ${error}`);
    }
    console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }

  if (args.json) {
    fs.mkdirSync(path.dirname(args.json), { recursive: true });
    fs.writeFileSync(args.json, `${JSON.stringify({ machine, results, failures }, null, 2)}\n`);
    console.log(`\nresults written to ${path.resolve(args.json)}`);
  }
  if (failures.length) {
    console.error(`\n${failures.length} case(s) failed: ${failures.map((f) => f.name).join(', ')}`);
    process.exitCode = 1;
  }
}

main().then(
  () => {
    // Autocannon's and fetch's keep-alive sockets must not hold the process open.
    setTimeout(() => process.exit(process.exitCode ?? 0), 100).unref();
  },
  (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
