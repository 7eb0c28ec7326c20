// The contract between bench/run.ts and the case modules in bench/cases/.
// A case module's default export is a BenchCase.

export interface CaseRow {
  /** e.g. "gateway (GraphQL)" or "baseline (node:http + better-sqlite3)". */
  label: string;
  reqPerSec?: number;
  deliveriesPerSec?: number;
  /** Latency percentiles; absent on rows that are not latency samples (e.g. start-up times). */
  p50Ms?: number;
  p99Ms?: number;
  [k: string]: unknown;
}

export interface CaseResult {
  name: string;
  rows: CaseRow[];
  /** gateway / baseline, on the case's headline metric (req/s or deliveries/s). */
  ratio: number;
  /** The ratio the project aims for (issue 7), when there is one. */
  target?: number;
  /**
   * Printed instead of the "ratio gateway/baseline" line, for cases whose target is an
   * absolute figure rather than a ratio (e.g. cold start: under 2 s).
   */
  headline?: string;
  notes?: string[];
}

export interface CaseOptions {
  /** Seconds per timed load phase. */
  durationSec: number;
}

export interface BenchCase {
  name: string;
  description: string;
  run(opts: CaseOptions): Promise<CaseResult>;
}
