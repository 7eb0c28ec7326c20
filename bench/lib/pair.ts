// The usual shape of a case: a gateway and a baseline over the same SQLite file, the same
// operation sent to both, timed with the same load.
import { type Baseline, startBaseline } from './baseline.ts';
import { type Gateway, removeDir, startGateway } from './gateway.ts';
import { type LoadOptions, type LoadResult, mergeLoads, runLoad } from './load.ts';
import type { CaseRow } from './types.ts';

export const GATEWAY_LABEL = 'gateway (opsgraph serve)';
export const BASELINE_LABEL = 'baseline (node:http + better-sqlite3)';

export interface Pair {
  gw: Gateway;
  base: Baseline;
}

/** Starts a gateway on a fresh DATA_DIR, lets `seed` fill it, starts the baseline on the same file, runs `fn`, stops both. */
export async function withPair<T>(seed: (gw: Gateway) => Promise<void>, fn: (pair: Pair) => Promise<T>): Promise<T> {
  const gw = await startGateway();
  let base: Baseline | undefined;
  try {
    await seed(gw);
    base = await startBaseline({ databaseFile: gw.databaseFile, adminKey: gw.adminKey });
    return await fn({ gw, base });
  } finally {
    await base?.stop();
    await gw.stop();
    removeDir(gw.dataDir);
  }
}

export interface SideBySide {
  gateway: LoadResult;
  baseline: LoadResult;
  rows: CaseRow[];
  ratio: number;
  /** baseline CPU µs/req ÷ gateway CPU µs/req, when measurable. */
  cpuRatio: number | null;
  /** One line for the case's notes about the CPU ratio (empty when not measurable). */
  cpuNotes: string[];
}

export function loadRow(label: string, r: LoadResult, extra?: Record<string, unknown>): CaseRow {
  return {
    label,
    reqPerSec: r.reqPerSec,
    p50Ms: r.p50Ms,
    p99Ms: r.p99Ms,
    meanMs: r.meanMs,
    requests: r.requests,
    ...(r.cpuUsPerReq !== undefined ? { 'cpu µs/req': r.cpuUsPerReq } : {}),
    ...extra,
  };
}

/**
 * The same comparison by server CPU cost: baseline CPU per request ÷ gateway CPU per request.
 * Less sensitive than req/s to other work on the machine; null without /proc.
 */
export function cpuRatio(gateway: LoadResult, baseline: LoadResult): number | null {
  return gateway.cpuUsPerReq && baseline.cpuUsPerReq ? baseline.cpuUsPerReq / gateway.cpuUsPerReq : null;
}

export function cpuRatioNote(gateway: LoadResult, baseline: LoadResult): string[] {
  const r = cpuRatio(gateway, baseline);
  return r === null
    ? []
    : [`by server CPU per request: baseline/gateway = ${r.toFixed(2)} (${Math.round(baseline.cpuUsPerReq!)} vs ${Math.round(gateway.cpuUsPerReq!)} µs)`];
}

/**
 * Times gateway (A) and baseline (B) in the order A B B A, each phase half the duration, so
 * a drift in the machine's background load during the run hits both sides alike; each side
 * gets `durationSec` in all, plus one discarded warm-up. Returns rows and the req/s ratio.
 */
export async function timeBoth(
  pair: Pair,
  o: {
    graphqlBody: unknown;
    baselineRoute: string;
    baselineBody?: unknown;
    durationSec: number;
    connections?: number;
    extra?: { gateway?: Record<string, unknown>; baseline?: Record<string, unknown> };
  },
): Promise<SideBySide> {
  const targets: Record<'A' | 'B', LoadOptions> = {
    A: {
      url: pair.gw.graphqlUrl,
      headers: pair.gw.headers,
      body: JSON.stringify(o.graphqlBody),
      durationSec: o.durationSec / 2,
      connections: o.connections,
      serverPid: pair.gw.pid,
    },
    B: {
      url: pair.base.url + o.baselineRoute,
      headers: pair.base.headers,
      body: JSON.stringify(o.baselineBody ?? o.graphqlBody),
      durationSec: o.durationSec / 2,
      connections: o.connections,
      serverPid: pair.base.pid,
    },
  };
  const parts: Record<'A' | 'B', LoadResult[]> = { A: [], B: [] };
  for (const side of ['A', 'B', 'B', 'A'] as const) {
    const first = parts[side].length === 0;
    parts[side].push(await runLoad({ ...targets[side], warmupSec: first ? undefined : 0 }));
  }
  const gateway = mergeLoads(parts.A);
  const baseline = mergeLoads(parts.B);
  return {
    gateway,
    baseline,
    rows: [loadRow(GATEWAY_LABEL, gateway, o.extra?.gateway), loadRow(BASELINE_LABEL, baseline, o.extra?.baseline)],
    ratio: gateway.reqPerSec / baseline.reqPerSec,
    cpuRatio: cpuRatio(gateway, baseline),
    cpuNotes: cpuRatioNote(gateway, baseline),
  };
}
