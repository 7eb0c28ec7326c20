// `npm run bench:soak [-- --requests N] [--query node|viewer|use-cases] [--connections N] [--json FILE]`
//
// Memory soak (issue 7: "RSS after 1M requests stays flat"): starts the gateway as the
// benchmark does (bench/lib/gateway.ts: own process on the servers' core, fresh DATA_DIR,
// NODE_ENV=production), sends N requests of one cheap authenticated query with autocannon,
// and samples the server's RSS (/proc/<pid>/status VmRSS) every 5 % of the requests, with its
// V8 heap from the existing /metrics endpoint (prom-client's process defaults) beside it.
// Prints a table and a verdict on the RSS growth from the 10 % mark to the end.
//
// Not part of `npm run bench` (a million requests take 10–20 minutes on a 2-core machine).
// Loopback only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CORES, pinLoadGenerator } from './lib/cpu.ts';
import { table } from './lib/format.ts';
import { type Gateway, removeDir, startGateway } from './lib/gateway.ts';
import { cpuSeconds, loadAverage, runAmount } from './lib/load.ts';
import { seedUseCases } from './lib/seed.ts';
import { NODE_QUERY } from './cases/node-lookup.ts';

const DEFAULT_REQUESTS = 1_000_000;
/** Samples every 5 % of the requests. */
const STEPS = 20;
/** The verdict compares the end with this fraction of the requests (warm-up and caches settle first). */
const BASE_FRACTION = 0.1;
/**
 * "Flat" = RSS at the end less than 10 % above RSS at the 10 % mark. Without a leak, RSS after
 * warm-up only moves with the garbage collector: the V8 heap saws up and down by tens of MB
 * between collections (old-space growth steps, malloc arenas given back or not). The gateway
 * idles at ~400 MB RSS on this machine (tsx loader, two Prisma clients with their Wasm query
 * compilers, ~55 MB of live heap), so 10 % is ~40 MB: more than the GC's swing, less than any
 * leak worth the name — 45 bytes per request over the 900k requests measured here. A smaller
 * leak cannot be told from GC noise in one run. The least-squares slope (bytes per request
 * over the samples from the 10 % mark) and the peak are printed beside it.
 */
const FLAT_THRESHOLD = 0.1;

const QUERIES = {
  node: 'node(id:) of one seeded use case, 7 fields (HTTP, parse/validate, auth, Prisma, one SELECT)',
  viewer: '{ viewer { role } } (HTTP, parse/validate, auth; no SQL)',
  'use-cases': 'useCases(first: 10) { id name state } (a list through Prisma)',
} as const;
type QueryName = keyof typeof QUERIES;

const USAGE = `usage: npm run bench:soak -- [--requests N] [--query ${Object.keys(QUERIES).join('|')}] [--connections N] [--json FILE]

  --requests N     requests to send in all (default ${DEFAULT_REQUESTS.toLocaleString('en-US')})
  --query NAME     ${Object.entries(QUERIES)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n                   ')}
                   (default node)
  --connections N  concurrent keep-alive connections (default 10)
  --json FILE      also write the samples and the verdict as JSON`;

interface Args {
  requests: number;
  query: QueryName;
  connections: number;
  json: string | null;
}

function fail(msg: string): never {
  console.error(msg);
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  const args: Args = { requests: DEFAULT_REQUESTS, query: 'node', connections: 10, json: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : (argv[++i] ?? fail(`${a} needs a value`)));
    const flag = a.split('=')[0];
    if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (flag === '--requests') {
      const n = Number(value().replaceAll(/[_,]/g, ''));
      if (!Number.isInteger(n) || n < STEPS * 100) fail(`--requests wants an integer ≥ ${STEPS * 100}`);
      args.requests = n;
    } else if (flag === '--query') {
      const q = value();
      if (!(q in QUERIES)) fail(`--query must be one of ${Object.keys(QUERIES).join(', ')}, got "${q}"`);
      args.query = q as QueryName;
    } else if (flag === '--connections') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1 || n > 1000) fail('--connections wants an integer from 1 to 1000');
      args.connections = n;
    } else if (flag === '--json') {
      args.json = value();
    } else {
      fail(`unknown argument ${a}\n${USAGE}`);
    }
  }
  return args;
}

/** Resident set size of a process in bytes (VmRSS), or NaN without /proc. */
function rssBytes(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** V8 heap in use, from the server's own /metrics (prom-client's default process metrics). */
async function heapUsedBytes(gw: Gateway): Promise<number> {
  try {
    const text = await (await fetch(`${gw.url}/metrics`)).text();
    const m = /^nodejs_heap_size_used_bytes (\S+)$/m.exec(text);
    return m ? Number(m[1]) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

async function body(gw: Gateway, query: QueryName): Promise<unknown> {
  if (query === 'viewer') return { query: '{ viewer { role } }' };
  if (query === 'use-cases') return { query: '{ useCases(first: 10) { edges { node { id name state } } } }' };
  const [seeded] = await seedUseCases(gw, 1);
  return { query: NODE_QUERY, variables: { id: seeded!.id }, operationName: 'Node' };
}

interface Sample {
  requests: number;
  seconds: number;
  rssBytes: number;
  heapUsedBytes: number;
  serverCpuSec: number | null;
}

const MB = 1024 * 1024;

/** Least-squares slope of RSS against requests (bytes per request). */
function slope(samples: Sample[]): number {
  const n = samples.length;
  const mx = samples.reduce((s, p) => s + p.requests, 0) / n;
  const my = samples.reduce((s, p) => s + p.rssBytes, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of samples) {
    num += (p.requests - mx) * (p.rssBytes - my);
    den += (p.requests - mx) ** 2;
  }
  return den ? num / den : Number.NaN;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const placement = pinLoadGenerator();
  console.log(`opsgraph soak — ${new Date().toISOString()}`);
  console.log(`node ${process.version} · ${CORES} cores (${os.cpus()[0]?.model ?? 'unknown'}) · ${placement}; loopback only`);
  console.log(`${args.requests.toLocaleString('en-US')} requests of ${args.query}: ${QUERIES[args.query]}; ${args.connections} connections`);
  console.log(`load average at start: ${loadAverage()}\n`);

  const gw = await startGateway();
  try {
    const payload = await body(gw, args.query);
    await gw.gql((payload as { query: string }).query, (payload as { variables?: Record<string, unknown> }).variables); // answers without errors
    const samples: Sample[] = [];
    const started = performance.now();
    const sample = async (requests: number) => {
      // RSS first and synchronously: the exact moment the count was reached.
      const rss = rssBytes(gw.pid);
      const cpu = cpuSeconds(gw.pid);
      const seconds = (performance.now() - started) / 1000;
      samples.push({ requests, seconds, rssBytes: rss, heapUsedBytes: await heapUsedBytes(gw), serverCpuSec: cpu });
    };
    await sample(0);
    const step = Math.floor(args.requests / STEPS);
    let done = 0;
    let nextMark = step;
    const pending: Promise<void>[] = [];
    let printed = 0;
    const header = ['requests', 'done', 'RSS MB', 'heap MB', 'req/s so far', 'req/s (step)', 'cpu µs/req (step)'];
    const rowOf = (s: Sample, prev: Sample | undefined) => [
      s.requests.toLocaleString('en-US'),
      `${Math.round((s.requests / args.requests) * 100)} %`,
      (s.rssBytes / MB).toFixed(1),
      (s.heapUsedBytes / MB).toFixed(1),
      s.seconds ? Math.round(s.requests / s.seconds).toLocaleString('en-US') : '',
      prev && s.seconds > prev.seconds ? Math.round((s.requests - prev.requests) / (s.seconds - prev.seconds)).toLocaleString('en-US') : '',
      prev && s.serverCpuSec !== null && prev.serverCpuSec !== null && s.requests > prev.requests
        ? Math.round(((s.serverCpuSec - prev.serverCpuSec) * 1e6) / (s.requests - prev.requests)).toLocaleString('en-US')
        : '',
    ];
    // Progress lines while it runs (the full table is printed again at the end, aligned).
    const progress = setInterval(() => {
      while (printed < samples.length) {
        const s = samples[printed]!;
        console.log(`  ${rowOf(s, samples[printed - 1]).map((c, i) => `${header[i]} ${c}`).join(' · ')}`);
        printed += 1;
      }
    }, 1000);
    await runAmount({
      url: gw.graphqlUrl,
      headers: gw.headers,
      body: JSON.stringify(payload),
      amount: args.requests,
      connections: args.connections,
      onResponse: () => {
        done += 1;
        if (done >= nextMark && nextMark <= args.requests) {
          pending.push(sample(nextMark));
          nextMark += step;
        }
      },
    });
    await Promise.all(pending);
    // When N is not a multiple of the step, the last mark falls short of N: sample the end too.
    if (nextMark - step < args.requests) await sample(args.requests);
    clearInterval(progress);
    samples.sort((a, b) => a.requests - b.requests);

    console.log(`\n${table(header, samples.map((s, i) => rowOf(s, samples[i - 1])))}\n`);

    const base = samples.find((s) => s.requests >= args.requests * BASE_FRACTION)!;
    const end = samples.at(-1)!;
    const growth = (end.rssBytes - base.rssBytes) / base.rssBytes;
    const measured = samples.filter((s) => s.requests >= base.requests);
    const bytesPerRequest = slope(measured);
    const peak = Math.max(...measured.map((s) => s.rssBytes));
    const flat = growth < FLAT_THRESHOLD;
    const verdict =
      `RSS ${(base.rssBytes / MB).toFixed(1)} MB at ${base.requests.toLocaleString('en-US')} requests (${BASE_FRACTION * 100} %) → ` +
      `${(end.rssBytes / MB).toFixed(1)} MB at ${end.requests.toLocaleString('en-US')}: ${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} % ` +
      `(threshold < ${FLAT_THRESHOLD * 100} %): ${flat ? 'FLAT' : 'GROWING'}`;
    console.log(`verdict: ${verdict}`);
    console.log(`  peak RSS from the ${BASE_FRACTION * 100} % mark on: ${(peak / MB).toFixed(1)} MB; least-squares slope ${bytesPerRequest.toFixed(1)} bytes/request over the ${measured.length} samples`);
    console.log(`  ${end.requests.toLocaleString('en-US')} requests in ${end.seconds.toFixed(0)} s (${Math.round(end.requests / end.seconds)} req/s); load average now ${loadAverage()}`);

    if (args.json) {
      fs.mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
      const out = {
        date: new Date().toISOString(),
        node: process.version,
        cores: CORES,
        placement,
        options: args,
        samples,
        verdict: { flat, growth, threshold: FLAT_THRESHOLD, baseRequests: base.requests, bytesPerRequest, peakRssBytes: peak, text: verdict },
      };
      fs.writeFileSync(args.json, `${JSON.stringify(out, null, 2)}\n`);
      console.log(`  written to ${path.resolve(args.json)}`);
    }
    if (!flat) process.exitCode = 1;
  } finally {
    await gw.stop();
    removeDir(gw.dataDir);
  }
}

main().then(
  () => setTimeout(() => process.exit(process.exitCode ?? 0), 100).unref(),
  (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
