// The load generator: autocannon as a library, on loopback, bounded in time. A short
// warm-up (JIT, caches, prepared statements) runs first and is discarded. Every response
// time is kept so phases can be merged (see `mergeLoads`) and percentiles computed over all
// of them.
import fs from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';

const CLK_TCK = 100; // USER_HZ on Linux

/**
 * CPU seconds (user + system, all threads) a process has used so far, from /proc; null where
 * there is no /proc. Unlike req/s, CPU time per request hardly depends on how much of the
 * core the server got, so it stays meaningful when other work shares the machine.
 */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return null;
  }
}

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  durationSec: number;
  /** Concurrent keep-alive connections (default 10). */
  connections?: number;
  /** Seconds of discarded warm-up (default: a fifth of the duration, 1–3 s; 0 for none). */
  warmupSec?: number;
  /** Server process to charge CPU time to during the timed phase. */
  serverPid?: number;
}

export interface LoadResult {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  requests: number;
  seconds: number;
  /** Response times in ms, one per request. */
  latencies: Float64Array;
  /** CPU seconds the server used during the timed phase (when `serverPid` was given and /proc exists). */
  serverCpuSec?: number;
  /** Server CPU microseconds per request. */
  cpuUsPerReq?: number;
}

/** What every load shares: keep-alive connections (10 by default), no pipelining, 10 s timeout. */
function requestOptions(o: { url: string; method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; connections?: number }) {
  return { url: o.url, method: o.method ?? 'POST', headers: o.headers, body: o.body, connections: o.connections ?? 10, pipelining: 1, timeout: 10 };
}

function fire(o: LoadOptions, duration: number, onResponse?: (ms: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { ...requestOptions(o), duration },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    if (onResponse) instance.on('response', (_client, _status, _bytes, responseTime) => onResponse(responseTime));
  });
}

export interface AmountOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Requests to send in all (autocannon stops after this many responses). */
  amount: number;
  connections?: number;
  /** Called on every response (keep it cheap: it runs in the load generator's loop). */
  onResponse?: (status: number) => void;
}

/**
 * A fixed number of requests rather than a duration (the soak test counts requests).
 * Keeps no per-request data, so a million requests cost the load generator no memory.
 * Throws like `runLoad` when any request errored, timed out or answered non-2xx.
 */
export function runAmount(o: AmountOptions): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { ...requestOptions(o), amount: o.amount },
      (err, r) => {
        if (err) return reject(err);
        if (r.errors || r.non2xx || r.timeouts) {
          return reject(new Error(`load on ${o.url} had ${r.errors} errors, ${r.non2xx} non-2xx answers, ${r.timeouts} timeouts`));
        }
        resolve(r);
      },
    );
    if (o.onResponse) {
      const cb = o.onResponse;
      instance.on('response', (_client, status) => cb(status));
    }
  });
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function summarize(latencies: Float64Array, seconds: number): LoadResult {
  const sorted = Float64Array.from(latencies).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    reqPerSec: sorted.length / seconds,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    meanMs: sorted.length ? sum / sorted.length : Number.NaN,
    requests: sorted.length,
    seconds,
    latencies: sorted,
  };
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const warmup = o.warmupSec ?? Math.min(3, Math.max(1, Math.round(o.durationSec / 5)));
  if (warmup > 0) await fire(o, warmup);
  const times: number[] = [];
  const cpuBefore = o.serverPid ? cpuSeconds(o.serverPid) : null;
  const r = await fire(o, o.durationSec, (ms) => times.push(ms));
  const cpuAfter = o.serverPid ? cpuSeconds(o.serverPid) : null;
  if (r.errors || r.non2xx || r.timeouts) {
    throw new Error(`load on ${o.url} had ${r.errors} errors, ${r.non2xx} non-2xx answers, ${r.timeouts} timeouts`);
  }
  const result = summarize(Float64Array.from(times), r.duration);
  if (cpuBefore !== null && cpuAfter !== null) withCpu(result, cpuAfter - cpuBefore);
  return result;
}

function withCpu(r: LoadResult, cpuSec: number): LoadResult {
  r.serverCpuSec = cpuSec;
  r.cpuUsPerReq = r.requests ? (cpuSec * 1e6) / r.requests : Number.NaN;
  return r;
}

/** One result over several phases against the same target. */
export function mergeLoads(parts: LoadResult[]): LoadResult {
  const all = new Float64Array(parts.reduce((n, p) => n + p.latencies.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p.latencies, at);
    at += p.latencies.length;
  }
  const merged = summarize(all, parts.reduce((s, p) => s + p.seconds, 0));
  if (parts.every((p) => p.serverCpuSec !== undefined)) withCpu(merged, parts.reduce((s, p) => s + p.serverCpuSec!, 0));
  return merged;
}

/** 1-minute load average of the machine (other work running beside the benchmark skews it). */
export function loadAverage(): number {
  return Math.round(os.loadavg()[0]! * 100) / 100;
}
