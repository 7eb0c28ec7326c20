// `npm run bench:soak [-- --requests N] [--query node|viewer|use-cases] [--connections N] [--json FILE]`
//
// Memory soak (issue 7: "RSS after 1M requests stays flat"): starts the gateway as the
// benchmark does (bench/lib/gateway.ts: own process on the servers' core, fresh DATA_DIR,
// NODE_ENV=production), sends N requests of one cheap authenticated query with autocannon,
// and samples the server's RSS (/proc/<pid>/status VmRSS) and its V8 heap (the existing
// /metrics endpoint: prom-client's process defaults) every SAMPLE_MS. Prints a row every 5 %
// of the requests — RSS at the mark, lowest and highest RSS and heap over the step, major GCs
// seen — and a verdict on the RSS growth from the 10 % mark to the end (see FLAT_THRESHOLD).
//
// Not part of `npm run bench`: a million requests take ~7 minutes (2,400 req/s of node(id:)
// on this 2-core machine) and more where the gateway is slower. Loopback only.
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
/** A table row every 5 % of the requests. */
const STEPS = 20;
/** RSS and heap samples between the rows (the floors and peaks of each step come from these). */
const SAMPLE_MS = 500;
/** The verdict compares the end with this fraction of the requests (warm-up and caches settle first). */
const BASE_FRACTION = 0.1;
/**
 * "Flat" = RSS at the end less than 10 % above RSS at the 10 % mark, where "RSS at" a mark is
 * the lowest RSS sampled during the 5 % step that ends there (the post-GC floor), not the
 * one sample at the mark. Why: under this load the gateway's V8 heap runs a mark-compact
 * every ~12 s (2,400 req/s on this machine, `--trace-gc`): ~400 MB in use → ~100 MB live,
 * and RSS swings by ~200 MB with it. Single samples every 5 % (~20 s) alias with that cycle
 * (a first 1M run read -14 % "growth" with 440–630 MB at the marks); a leak, though, lifts
 * the floors. The gateway idles at ~400 MB RSS (tsx loader, two Prisma clients with their
 * Wasm query compilers, ~100 MB live heap under load), so 10 % is ~40–45 MB: more than the
 * floors move without a leak, less than any leak worth the name — 50 bytes per request over
 * the 900k requests measured. A smaller leak cannot be told from noise in one run. The
 * least-squares slope of the floors (bytes per request) is printed beside it.
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

/** One 5 % step of the requests: the figures at its end (the mark) and over its samples. */
interface Step {
  /** Requests done at the mark. */
  requests: number;
  /** Seconds since the load started, at the mark. */
  seconds: number;
  rssAtMark: number;
  rssMin: number;
  rssMax: number;
  heapMin: number;
  heapMax: number;
  /** Drops of the V8 heap in use by more than a quarter between two samples: mark-compacts. */
  majorGcs: number;
  serverCpuSec: number | null;
}

const MB = 1024 * 1024;
const mb = (b: number) => (Number.isFinite(b) ? (b / MB).toFixed(1) : '?');

/** Least-squares slope of `y` against requests (bytes per request). */
function slope(steps: Step[], y: (s: Step) => number): number {
  const n = steps.length;
  const mx = steps.reduce((s, p) => s + p.requests, 0) / n;
  const my = steps.reduce((s, p) => s + y(p), 0) / n;
  let num = 0;
  let den = 0;
  for (const p of steps) {
    num += (p.requests - mx) * (y(p) - my);
    den += (p.requests - mx) ** 2;
  }
  return den ? num / den : Number.NaN;
}

const growth = (from: number, to: number) => (to - from) / from;
const pct = (g: number) => `${g >= 0 ? '+' : ''}${(g * 100).toFixed(1)} %`;

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

    const started = performance.now();
    const fresh = (): Omit<Step, 'requests' | 'seconds' | 'rssAtMark' | 'serverCpuSec'> => ({
      rssMin: Number.POSITIVE_INFINITY,
      rssMax: 0,
      heapMin: Number.POSITIVE_INFINITY,
      heapMax: 0,
      majorGcs: 0,
    });
    let bucket = fresh();
    const addRss = (rss: number) => {
      bucket.rssMin = Math.min(bucket.rssMin, rss);
      bucket.rssMax = Math.max(bucket.rssMax, rss);
    };
    let lastHeap = Number.NaN;
    let heapPending = false;
    const sampleHeap = () => {
      if (heapPending) return;
      heapPending = true;
      void heapUsedBytes(gw).then((heap) => {
        heapPending = false;
        if (!Number.isFinite(heap)) return;
        if (heap < lastHeap * 0.75) bucket.majorGcs += 1;
        lastHeap = heap;
        bucket.heapMin = Math.min(bucket.heapMin, heap);
        bucket.heapMax = Math.max(bucket.heapMax, heap);
      });
    };
    const steps: Step[] = [];
    const closeStep = (requests: number) => {
      const rss = rssBytes(gw.pid);
      addRss(rss);
      steps.push({ requests, seconds: (performance.now() - started) / 1000, rssAtMark: rss, serverCpuSec: cpuSeconds(gw.pid), ...bucket });
      bucket = fresh();
      addRss(rss);
    };
    // Between the marks, RSS and heap every SAMPLE_MS: one sample per mark would land at a
    // random point of the GC's cycle (see FLAT_THRESHOLD).
    const sampler = setInterval(() => {
      addRss(rssBytes(gw.pid));
      sampleHeap();
    }, SAMPLE_MS);
    sampleHeap();
    closeStep(0);

    const step = Math.floor(args.requests / STEPS);
    let done = 0;
    let nextMark = step;
    let printed = 0;
    const header = ['requests', 'done', 'RSS MB', 'RSS min–max', 'heap min–max', 'major GCs', 'req/s so far', 'req/s (step)', 'cpu µs/req (step)'];
    const rowOf = (s: Step, prev: Step | undefined) => [
      s.requests.toLocaleString('en-US'),
      `${Math.round((s.requests / args.requests) * 100)} %`,
      mb(s.rssAtMark),
      prev ? `${mb(s.rssMin)}–${mb(s.rssMax)}` : '',
      prev && Number.isFinite(s.heapMin) ? `${mb(s.heapMin)}–${mb(s.heapMax)}` : '',
      prev ? String(s.majorGcs) : '',
      s.seconds ? Math.round(s.requests / s.seconds).toLocaleString('en-US') : '',
      prev && s.seconds > prev.seconds ? Math.round((s.requests - prev.requests) / (s.seconds - prev.seconds)).toLocaleString('en-US') : '',
      prev && s.serverCpuSec !== null && prev.serverCpuSec !== null && s.requests > prev.requests
        ? Math.round(((s.serverCpuSec - prev.serverCpuSec) * 1e6) / (s.requests - prev.requests)).toLocaleString('en-US')
        : '',
    ];
    // Progress lines while it runs (the full table is printed again at the end, aligned).
    const progress = setInterval(() => {
      while (printed < steps.length) {
        console.log(`  ${rowOf(steps[printed]!, steps[printed - 1]).map((c, i) => `${header[i]} ${c}`).join(' · ')}`);
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
          closeStep(nextMark);
          nextMark += step;
        }
      },
    });
    // When N is not a multiple of the step, the last mark falls short of N: close the rest too.
    if (steps.at(-1)!.requests < args.requests) closeStep(args.requests);
    clearInterval(sampler);
    clearInterval(progress);

    console.log(`\n${table(header, steps.map((s, i) => rowOf(s, steps[i - 1])))}\n`);

    const base = steps.find((s) => s.requests >= args.requests * BASE_FRACTION)!;
    const end = steps.at(-1)!;
    const measured = steps.filter((s) => s.requests >= base.requests);
    const floorGrowth = growth(base.rssMin, end.rssMin);
    const flat = floorGrowth < FLAT_THRESHOLD;
    const verdict =
      `RSS floor ${mb(base.rssMin)} MB in the step to ${base.requests.toLocaleString('en-US')} requests (${BASE_FRACTION * 100} %) → ` +
      `${mb(end.rssMin)} MB in the last step to ${end.requests.toLocaleString('en-US')}: ${pct(floorGrowth)} (threshold < ${FLAT_THRESHOLD * 100} %): ${flat ? 'FLAT' : 'GROWING'}`;
    console.log(`verdict: ${verdict}`);
    console.log(`  RSS at the marks themselves (one sample each, wherever the GC cycle was): ${mb(base.rssAtMark)} → ${mb(end.rssAtMark)} MB (${pct(growth(base.rssAtMark, end.rssAtMark))})`);
    console.log(`  RSS peaks of the same steps: ${mb(base.rssMax)} → ${mb(end.rssMax)} MB (${pct(growth(base.rssMax, end.rssMax))}); highest from the ${BASE_FRACTION * 100} % mark on: ${mb(Math.max(...measured.map((s) => s.rssMax)))} MB`);
    const bytesPerRequest = slope(measured, (s) => s.rssMin);
    const heapSlope = measured.every((s) => Number.isFinite(s.heapMin)) ? slope(measured, (s) => s.heapMin) : Number.NaN;
    console.log(`  least-squares slope over the ${measured.length} steps from the ${BASE_FRACTION * 100} % mark: RSS floor ${bytesPerRequest.toFixed(1)} bytes/request, heap floor ${heapSlope.toFixed(1)} bytes/request`);
    if (base.majorGcs === 0 || end.majorGcs === 0) {
      console.log('  caution: no major GC seen in the 10 % step or in the last one: their floors may not be post-GC figures; send more requests so that a step spans a GC cycle');
    }
    console.log(`  ${end.requests.toLocaleString('en-US')} requests in ${end.seconds.toFixed(0)} s (${Math.round(end.requests / end.seconds)} req/s); load average now ${loadAverage()}`);

    if (args.json) {
      fs.mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
      const out = {
        date: new Date().toISOString(),
        node: process.version,
        cores: CORES,
        placement,
        options: args,
        sampleMs: SAMPLE_MS,
        steps,
        verdict: { flat, floorGrowth, threshold: FLAT_THRESHOLD, baseRequests: base.requests, bytesPerRequest, heapBytesPerRequest: heapSlope, text: verdict },
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
