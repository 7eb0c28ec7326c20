// CPU profile of the gateway under one case's load: where the gateway's time per request
// goes. Starts `opsgraph serve` with `--cpu-prof`, seeds like the case, loads it for
// --duration seconds, stops it (the profile is written on exit) and prints the functions with
// the most self time and the packages with the most self time. Open the .cpuprofile in
// Chrome DevTools (Performance → Load profile) for the full tree.
//
//   npx tsx bench/profile.ts nested-list --duration 10
//   npx tsx bench/profile.ts node-lookup --top 40
//   npx tsx bench/profile.ts mutation
//   npx tsx bench/profile.ts search
//   npx tsx bench/profile.ts --query '{ __typename }' --no-profile   # CPU per request only
//   npx tsx bench/profile.ts mutation --env DATABASE_URL=postgresql://…   # on the PostgreSQL write store
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CREATE_MUTATION } from './cases/mutation.ts';
import { NESTED_LIST_QUERY } from './cases/nested-list.ts';
import { SEARCH_QUERY, seedJobs } from './cases/search.ts';
import { pinLoadGenerator } from './lib/cpu.ts';
import { makeTempDir, removeDir, startGateway } from './lib/gateway.ts';
import { runLoad } from './lib/load.ts';
import { seedUseCases } from './lib/seed.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    duration: { type: 'string', default: '10' },
    top: { type: 'string', default: '30' },
    out: { type: 'string' },
    query: { type: 'string' },
    'no-profile': { type: 'boolean', default: false },
    /** Extra environment for the gateway, e.g. --env DATABASE_URL=postgresql://… (repeatable). */
    env: { type: 'string', multiple: true, default: [] },
  },
});
const which = positionals[0] ?? 'nested-list';
const NODE_QUERY = `query One($id: ID!) { node(id: $id) { id ... on UseCase { name teamEmail state version createdAt updatedAt } } }`;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

function summarize(file: string, top: number): void {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[] };
  const total = prof.samples.length;
  const byFn = new Map<string, number>();
  const byPkg = new Map<string, number>();
  for (const n of prof.nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits) continue;
    const url = n.callFrame.url;
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    const pkg = m?.[1] ? m[1] : url.includes('/src/') ? 'opsgraph src' : url ? path.basename(url) : `(${n.callFrame.functionName || 'native'})`;
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^.*\/src\//, 'src/')}:${n.callFrame.lineNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + hits);
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + hits);
  }
  const print = (title: string, m: Map<string, number>, n: number) => {
    console.log(`\n${title}`);
    for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
  };
  print('self time by package', byPkg, 20);
  print('self time by function', byFn, top);
}

pinLoadGenerator();
const profDir = makeTempDir('opsgraph-prof-');
const dataDir = makeTempDir();
if (which === 'search') await seedJobs(path.join(dataDir, 'opsgraph.db')); // 100k jobs, as the case
const env = Object.fromEntries((values.env ?? []).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
const gw = await startGateway({ dataDir, env, nodeFlags: values['no-profile'] ? [] : ['--cpu-prof', `--cpu-prof-dir=${profDir}`] });
try {
  const seeded = await seedUseCases(gw, 50);
  const body = values.query
    ? JSON.stringify({ query: values.query })
    : which === 'search'
      ? JSON.stringify({ query: SEARCH_QUERY, variables: { q: 'aurora' } })
      : which === 'mutation'
      ? JSON.stringify({ query: CREATE_MUTATION, variables: { input: { name: 'Profiled', teamEmail: 'profile@example.com' } } })
      : which === 'node-lookup'
      ? JSON.stringify({ query: NODE_QUERY, variables: { id: seeded[0]!.id } })
      : JSON.stringify({ query: NESTED_LIST_QUERY });
  const r = await runLoad({ url: gw.graphqlUrl, method: 'POST', headers: gw.headers, body, durationSec: Number(values.duration), serverPid: gw.pid });
  console.log(`${values.query ?? which}: ${r.reqPerSec.toFixed(1)} req/s, ${r.cpuUsPerReq?.toFixed(0)} µs CPU/request`);
} finally {
  await gw.stop();
  removeDir(dataDir);
}
if (values['no-profile']) process.exit(0);
const files = fs.readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile'));
const biggest = files.map((f) => path.join(profDir, f)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
if (!biggest) throw new Error(`no profile written in ${profDir}`);
const out = values.out ?? biggest;
if (values.out) fs.copyFileSync(biggest, out);
console.log(`profile: ${out}`);
summarize(out, Number(values.top));
