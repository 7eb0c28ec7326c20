// fanout-gateways (issue 16, milestone 3): 1,500 graphql-ws subscribers to `activityAdded`
// spread over 3 PostgreSQL-mode gateways (500 each), against the same 1,500 subscribers on
// ONE embedded gateway.
//
// Scale-out side: one PostgreSQL (fsync and synchronous commit on, bench/lib/postgres.ts) and
// three `opsgraph serve` processes with DATABASE_URL=postgresql://…, each with its own replica
// and slot. The load generator commits createUseCase on the FIRST gateway at a steady RATE;
// every gateway learns of each entry from its replication stream and pushes it to its own
// subscribers. Embedded side: one `opsgraph serve` on one SQLite file, the same writes, its
// subscribers fed straight from its commits. Both sides ship defaults (SQLITE_SYNCHRONOUS=FULL).
//
// Every subscriber is its own receiver (fanout.ts's Receivers, one socket each), so a
// duplicate is one subscriber getting an entry twice and a missing delivery is one subscriber
// lacking an entry some subscriber got (plus every subscriber, for a committed entry nobody
// got). Latency is publish→receive from the entry's createdAt (stamped by the writing gateway
// inside its transaction): on the scale-out side it includes the PostgreSQL commit, the
// walsender, the replica's apply and the push — the difference to the embedded side is the
// replication hop. Late deliveries count (up to DRAIN_MS after the last write).
//
// Both sides stay connected for the whole run and are timed A B B A (halves of the duration
// each), so drift in the machine's load hits both alike. Headline: deliveries/s scale-out ÷
// embedded (1.0 = keeps up just as well). All four gateways are pinned to the servers' core,
// the subscribers and the writer run in this process on the other (bench/lib/cpu.ts);
// PostgreSQL's processes are not pinned.
// Runnable alone: `npx tsx bench/cases/fanout-gateways.ts [--duration N]`
// (FANOUT_GATEWAYS_SUBSCRIBERS per gateway, FANOUT_GATEWAYS_RATE, FANOUT_GATEWAYS_SQLITE_SYNCHRONOUS).
import fs from 'node:fs';
import { cpuSeconds } from '../lib/load.ts';
import { type Gateway, makeTempDir, newAdminKey, removeDir, startGateway } from '../lib/gateway.ts';
import { type BenchPostgres, startBenchPostgres } from '../lib/postgres.ts';
import { runIfEntryPoint } from '../lib/standalone.ts';
import type { BenchCase, CaseResult, CaseRow } from '../lib/types.ts';
import { percentile, publish, Receivers, sleep, subscribeGateway, waitUntil } from './fanout.ts';

const GATEWAYS = 3;
const PER_GATEWAY = Number(process.env.FANOUT_GATEWAYS_SUBSCRIBERS ?? 500);
const SUBSCRIBERS = GATEWAYS * PER_GATEWAY;
/** Events per second on both sides: 1,500 subscribers × 20/s = 30,000 deliveries/s. */
const RATE = Number(process.env.FANOUT_GATEWAYS_RATE ?? 20);
const RATIO_TARGET = 0.9;
/** SQLITE_SYNCHRONOUS for every gateway (replicas and the embedded file alike); default: what ships (FULL). */
const SYNCHRONOUS = process.env.FANOUT_GATEWAYS_SQLITE_SYNCHRONOUS;
const sqliteEnv: Record<string, string> = SYNCHRONOUS ? { SQLITE_SYNCHRONOUS: SYNCHRONOUS } : {};
const DRAIN_MS = 10_000;

/** One side: the gateways its subscribers are on, and the one the writes go to. */
interface Side {
  name: string;
  gateways: Gateway[];
  /** receivers[g][i]: subscriber i on gateway g, one socket each. */
  receivers: Receivers[][];
}

function all(side: Side): Receivers[] {
  return side.receivers.flat();
}

async function subscribeSide(side: Side): Promise<void> {
  for (const [g, gw] of side.gateways.entries()) {
    const url = gw.graphqlUrl.replace(/^http/, 'ws');
    const list = side.receivers[g]!;
    const n = SUBSCRIBERS / side.gateways.length;
    // 50 handshakes at a time: a burst of 500 is not what is measured.
    for (let i = 0; i < n; i += 50) {
      const batch = Array.from({ length: Math.min(50, n - i) }, () => new Receivers());
      list.push(...batch);
      await Promise.all(batch.map((r) => subscribeGateway(url, gw.adminKey, 1, r)));
    }
  }
}

/** A warm-up event every subscriber of the side receives: all subscriptions are live. */
async function warmUp(side: Side): Promise<void> {
  await side.gateways[0]!.gql(`mutation { createUseCase(input: {name: "${side.name} warm-up", teamEmail: "bench@example.com"}) { __typename } }`);
  const everyone = all(side);
  await waitUntil(() => everyone.every((r) => r.firstSeen.size > 0), 60_000, `all ${everyone.length} ${side.name} subscribers to see the warm-up event`);
}

/** Waits until no subscriber of the side has had a message for `ms` (the previous phase's late deliveries are in). */
async function quiet(side: Side, ms = 500): Promise<void> {
  const everyone = all(side);
  await waitUntil(() => everyone.every((r) => performance.now() - r.lastMessageAt >= ms), 30_000, `${side.name} subscribers to go quiet`);
}

/** The postmaster and its children (backends, walsenders): PostgreSQL's processes. */
function postgresPids(postmaster: number): number[] {
  const pids = [postmaster];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster) pids.push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** CPU seconds used so far by each of these processes (null: gone). */
function cpuOf(pids: number[]): Array<number | null> {
  return pids.map((pid) => cpuSeconds(pid));
}

/** CPU seconds between two readings, over the processes alive at both (a backend that exited meanwhile is left out). */
function cpuDelta(before: Array<number | null>, after: Array<number | null>): number {
  return before.reduce<number>((s, b, i) => (b === null || after[i] == null ? s : s + (after[i]! - b)), 0);
}

interface Phase {
  /** createUseCase send → answer, ms. */
  writeMs: number[];
  /** CPU seconds in the phase: the side's gateways, PostgreSQL (all its processes), this process (writer and receivers). */
  gatewayCpu: number;
  selfCpu: number;
  postgresCpu: number;
  published: number;
  failed: number;
  driveSec: number;
  /** First write to the end of the drain (what the CPU figures are over). */
  wallSec: number;
  /** Per gateway: latencies and counts. */
  perGateway: Array<{ latencies: number[]; received: number; missing: number; duplicates: number }>;
}

/** `seconds` of createUseCase at RATE on the side's first gateway; counts every subscriber's deliveries. */
async function phase(side: Side, seconds: number, tag: string, postmaster: number): Promise<Phase> {
  await quiet(side);
  const gwPids = side.gateways.map((g) => g.pid);
  const pgPids = postgresPids(postmaster);
  const cpu0 = { gw: cpuOf(gwPids), pg: cpuOf(pgPids), self: cpuSeconds(process.pid) };
  const everyone = all(side);
  for (const r of everyone) {
    r.firstSeen.clear();
    r.latencies = [];
    r.deliveries = 0;
    r.recording = true;
  }
  // The writer's gateway, timing each createUseCase (send → answer; in PostgreSQL mode the
  // answer waits for the gateway's own replica to apply it, read-your-writes).
  const writer = side.gateways[0]!;
  const writeMs: number[] = [];
  const timedWriter: Gateway = {
    ...writer,
    async gql(query, variables) {
      const t0 = performance.now();
      try {
        return await writer.gql(query, variables);
      } finally {
        writeMs.push(performance.now() - t0);
      }
    },
  };
  const started = performance.now();
  const writes = publish(timedWriter, RATE, sleep(seconds * 1000), tag);
  await writes.stopped;
  const driveSec = (performance.now() - started) / 1000;
  await writes.settled;
  const expected = writes.published() * everyone.length;
  const total = () => everyone.reduce((n, r) => n + r.deliveries, 0);
  const drainUntil = performance.now() + DRAIN_MS;
  while (total() < expected && performance.now() < drainUntil) await sleep(20);
  for (const r of everyone) r.recording = false;
  const cpu1 = { gw: cpuOf(gwPids), pg: cpuOf(pgPids), self: cpuSeconds(process.pid) };
  const wallSec = (performance.now() - started) / 1000;

  // The entries of this phase: whatever any subscriber got (each Receivers was cleared above).
  const seen = new Set<string>();
  for (const r of everyone) for (const id of r.firstSeen.keys()) seen.add(id);
  const unseen = Math.max(0, writes.published() - seen.size);
  return {
    writeMs,
    gatewayCpu: cpuDelta(cpu0.gw, cpu1.gw),
    selfCpu: cpuDelta([cpu0.self], [cpu1.self]),
    postgresCpu: cpuDelta(cpu0.pg, cpu1.pg),
    published: writes.published(),
    failed: writes.failed(),
    driveSec,
    wallSec,
    perGateway: side.receivers.map((list) => {
      let received = 0;
      let missing = unseen * list.length;
      let duplicates = 0;
      const latencies: number[] = [];
      for (const r of list) {
        for (const n of r.firstSeen.values()) {
          received += n;
          duplicates += n - 1;
        }
        missing += seen.size - r.firstSeen.size;
        for (const l of r.latencies) latencies.push(l);
      }
      return { latencies, received, missing, duplicates };
    }),
  };
}

interface SideResult {
  writeMs: number[];
  selfCpu: number;
  wallSec: number;
  gatewayCpu: number;
  postgresCpu: number;
  published: number;
  failed: number;
  driveSec: number;
  gateways: Array<{ latencies: number[]; received: number; missing: number; duplicates: number }>;
}

function merge(phases: Phase[]): SideResult {
  const gateways = phases[0]!.perGateway.map((_, g) => {
    const latencies: number[] = [];
    let received = 0;
    let missing = 0;
    let duplicates = 0;
    for (const p of phases) {
      const x = p.perGateway[g]!;
      for (const l of x.latencies) latencies.push(l);
      received += x.received;
      missing += x.missing;
      duplicates += x.duplicates;
    }
    latencies.sort((a, b) => a - b);
    return { latencies, received, missing, duplicates };
  });
  return {
    writeMs: phases.flatMap((p) => p.writeMs).sort((x, y) => x - y),
    wallSec: phases.reduce((n, p) => n + p.wallSec, 0),
    gatewayCpu: phases.reduce((n, p) => n + p.gatewayCpu, 0),
    selfCpu: phases.reduce((n, p) => n + p.selfCpu, 0),
    postgresCpu: phases.reduce((n, p) => n + p.postgresCpu, 0),
    published: phases.reduce((n, p) => n + p.published, 0),
    failed: phases.reduce((n, p) => n + p.failed, 0),
    driveSec: phases.reduce((s, p) => s + p.driveSec, 0),
    gateways,
  };
}

function row(label: string, x: { latencies: number[]; received: number; missing: number; duplicates: number }, driveSec: number, extra: Record<string, unknown> = {}): CaseRow {
  return {
    label,
    deliveriesPerSec: Math.round(x.received / driveSec),
    p50Ms: percentile(x.latencies, 50),
    p99Ms: percentile(x.latencies, 99),
    received: x.received,
    missing: x.missing,
    duplicates: x.duplicates,
    ...extra,
  };
}

function overall(r: SideResult) {
  const latencies = r.gateways.flatMap((g) => g.latencies).sort((a, b) => a - b);
  return {
    latencies,
    received: r.gateways.reduce((n, g) => n + g.received, 0),
    missing: r.gateways.reduce((n, g) => n + g.missing, 0),
    duplicates: r.gateways.reduce((n, g) => n + g.duplicates, 0),
  };
}

/** The replica's commit→apply histogram (opsgraph_replica_apply_delay_seconds) as read from /metrics. */
interface ApplyDelay {
  count: number;
  sum: number;
  /** Cumulative counts by upper bound in seconds. */
  buckets: Array<[number, number]>;
}

async function applyDelay(gw: Gateway): Promise<ApplyDelay> {
  const res = await fetch(`${gw.url}/metrics`, { headers: gw.headers });
  const text = await res.text();
  const num = (re: RegExp) => Number(text.match(re)?.[1] ?? Number.NaN);
  const buckets: Array<[number, number]> = [];
  for (const m of text.matchAll(/^opsgraph_replica_apply_delay_seconds_bucket\{le="([^"]+)"\} (\S+)$/gm)) {
    buckets.push([m[1] === '+Inf' ? Number.POSITIVE_INFINITY : Number(m[1]), Number(m[2])]);
  }
  return { count: num(/^opsgraph_replica_apply_delay_seconds_count (\S+)$/m), sum: num(/^opsgraph_replica_apply_delay_seconds_sum (\S+)$/m), buckets };
}

/** "mean X ms, median ≤ Y ms" over the transactions applied between two scrapes. */
function describeDelay(before: ApplyDelay, after: ApplyDelay): string {
  const n = after.count - before.count;
  if (!(n > 0)) return 'no transactions applied';
  const mean = ((after.sum - before.sum) / n) * 1000;
  const half = after.buckets.find(([le], i) => after.buckets[i]![1] - (before.buckets[i]?.[1] ?? 0) >= n / 2);
  const median = half ? (Number.isFinite(half[0]) ? `≤ ${half[0] * 1000} ms` : '> the last bucket') : 'unknown';
  return `${n} transactions, mean ${mean.toFixed(1)} ms, median ${median}`;
}

const fanoutGateways: BenchCase = {
  name: 'fanout-gateways',
  description: `${SUBSCRIBERS.toLocaleString('en-US')} graphql-ws subscribers over ${GATEWAYS} PostgreSQL-mode gateways, ${RATE} events/s written on one, vs the same subscribers on one embedded gateway`,
  async run({ durationSec }): Promise<CaseResult> {
    let pgdb: BenchPostgres | undefined;
    const started: Gateway[] = [];
    // Made here, not by startGateway, so they are removed even when a gateway fails to start.
    const dirs = Array.from({ length: GATEWAYS + 1 }, () => makeTempDir());
    const scaled: Side = { name: 'scale-out', gateways: [], receivers: [] };
    const embedded: Side = { name: 'embedded', gateways: [], receivers: [] };
    try {
      pgdb = await startBenchPostgres('opsgraph_bench_fanout');
      const url = pgdb.url;
      // One bootstrap key for all three (see StartGatewayOptions.adminKey).
      const adminKey = newAdminKey();
      // The first one creates the publication; then the other two start side by side.
      const first = await startGateway({ dataDir: dirs[0], adminKey, env: { ...sqliteEnv, DATABASE_URL: url, REPLICA_ID: 'bench_fanout_0' } });
      started.push(first);
      const rest = await Promise.allSettled(
        Array.from({ length: GATEWAYS - 1 }, (_, i) => startGateway({ dataDir: dirs[i + 1], adminKey, env: { ...sqliteEnv, DATABASE_URL: url, REPLICA_ID: `bench_fanout_${i + 1}` } })),
      );
      for (const r of rest) if (r.status === 'fulfilled') started.push(r.value);
      for (const r of rest) if (r.status === 'rejected') throw r.reason;
      scaled.gateways = [...started];
      const one = await startGateway({ dataDir: dirs[GATEWAYS], env: sqliteEnv });
      started.push(one);
      embedded.gateways = [one];
      scaled.receivers = scaled.gateways.map(() => []);
      embedded.receivers = [[]];

      await subscribeSide(scaled);
      await subscribeSide(embedded);
      await warmUp(scaled);
      await warmUp(embedded);

      const delayBefore = await Promise.all(scaled.gateways.map(applyDelay));
      const half = durationSec / 2;
      const phases: Record<'A' | 'B', Phase[]> = { A: [], B: [] };
      for (const side of ['A', 'B', 'B', 'A'] as const) {
        const s = side === 'A' ? scaled : embedded;
        phases[side].push(await phase(s, half, `${s.name} ${phases[side].length + 1}`, pgdb.server.pid));
      }
      const delayAfter = await Promise.all(scaled.gateways.map(applyDelay));
      const closed = [...all(scaled), ...all(embedded)].reduce((n, r) => n + r.unexpectedCloses, 0);
      const a = merge(phases.A);
      const b = merge(phases.B);
      const ao = overall(a);
      const bo = overall(b);
      const perEvent = (cpu: number, r: SideResult) => (r.published ? ((cpu * 1000) / r.published).toFixed(2) : 'n/a');
      const eventsPerSec = (r: SideResult) => Math.round((r.published / r.driveSec) * 10) / 10;
      const rows: CaseRow[] = [
        row(`scale-out: ${GATEWAYS} PostgreSQL-mode gateways × ${PER_GATEWAY}, all`, ao, a.driveSec, { 'events/s': eventsPerSec(a) }),
        ...a.gateways.map((g, i) => row(`  gateway ${i + 1}${i === 0 ? ' (takes the writes)' : ''}, ${PER_GATEWAY} subscribers`, g, a.driveSec)),
        row(`embedded: one gateway × ${SUBSCRIBERS.toLocaleString('en-US')}`, bo, b.driveSec, { 'events/s': eventsPerSec(b) }),
      ];
      const ratio = ao.received / a.driveSec / (bo.received / b.driveSec);
      const clean = ao.missing + ao.duplicates + bo.missing + bo.duplicates === 0 && closed === 0;
      const hop = (p: number) => percentile(ao.latencies, p) - percentile(bo.latencies, p);
      return {
        name: 'fanout-gateways',
        rows,
        ratio,
        target: RATIO_TARGET,
        notes: [
          `ratio is scale-out/embedded by deliveries/s; ${RATE} events/s offered on both sides for ${durationSec} s each (A B B A halves), ` +
            `${SUBSCRIBERS} subscribers → ${(SUBSCRIBERS * RATE).toLocaleString('en-US')} deliveries/s if all keep up`,
          `replication hop (scale-out minus embedded publish→receive): p50 +${hop(50)} ms, p99 +${hop(99)} ms`,
          `scale-out: ${a.published} events × ${SUBSCRIBERS} = ${a.published * SUBSCRIBERS} expected, ${ao.received} received, ${ao.missing} missing, ${ao.duplicates} duplicated; ` +
            `embedded: ${b.published} × ${SUBSCRIBERS} = ${b.published * SUBSCRIBERS} expected, ${bo.received} received, ${bo.missing} missing, ${bo.duplicates} duplicated; ` +
            `${closed} subscriber connections closed by a server (target 0 missing, 0 duplicated): ${clean ? 'met' : 'NOT met'}`,
          `createUseCase send → answer on the writer: scale-out p50 ${percentile(a.writeMs, 50).toFixed(1)} / p99 ${percentile(a.writeMs, 99).toFixed(1)} ms, ` +
            `embedded p50 ${percentile(b.writeMs, 50).toFixed(1)} / p99 ${percentile(b.writeMs, 99).toFixed(1)} ms`,
          `PostgreSQL commit → replica commit (opsgraph_replica_apply_delay_seconds, timed phases): ` +
            scaled.gateways.map((_, i) => `gateway ${i + 1}: ${describeDelay(delayBefore[i]!, delayAfter[i]!)}`).join('; '),
          `server CPU per event (gateways; PostgreSQL's processes): scale-out ${perEvent(a.gatewayCpu, a)} ms; ${perEvent(a.postgresCpu, a)} ms — ` +
            `embedded ${perEvent(b.gatewayCpu, b)} ms; ${perEvent(b.postgresCpu, b)} ms. The gateways share one core: ` +
            `${Math.round((a.gatewayCpu / a.wallSec) * 100)} % of it busy (scale-out) vs ${Math.round((b.gatewayCpu / b.wallSec) * 100)} % (embedded), from first write to last delivery; ` +
            `the load generator (receivers and writer, one process on the other core) ${Math.round((a.selfCpu / a.wallSec) * 100)} % vs ${Math.round((b.selfCpu / b.wallSec) * 100)} % of its core ` +
            `(near 100 %: its own event loop delays the receive stamps and the writes' answers on both sides alike)`,
          `writes go to gateway 1; latency from the entry's createdAt (inside the write transaction), late deliveries included (up to ${DRAIN_MS / 1000} s); ` +
            `PostgreSQL ${pgdb.server.port} with fsync and synchronous_commit on, its processes unpinned; SQLITE_SYNCHRONOUS=${SYNCHRONOUS ?? 'FULL (default)'} on every gateway`,
          ...(a.failed + b.failed ? [`${a.failed + b.failed} createUseCase writes failed`] : []),
        ],
      };
    } finally {
      for (const r of [...all(scaled), ...all(embedded)]) r.close();
      await Promise.allSettled(started.map((g) => g.stop()));
      for (const d of dirs) removeDir(d);
      await pgdb?.server.stop();
    }
  },
};

export default fanoutGateways;
await runIfEntryPoint(import.meta.url, fanoutGateways);
