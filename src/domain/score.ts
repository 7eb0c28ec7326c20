// The registry's performance score (DESIGN.md, "Model registry"). Pure, so every clause has
// a unit test (test/score.test.ts) and the import can leave legacy scores alone.
//
//   score = r2Weight·clamp(r2_score, 0, 1) + mapeWeight·clamp(1 − mape/100, 0, 1)
//   score ×= 0.8 when anomaly_rate is given and lies outside [anomalyMin, anomalyMax]
//
// A missing metric contributes 0 (a missing MAPE must not count as a perfect 0 % error).

export interface ScoreWeights {
  r2Weight: number;
  mapeWeight: number;
  anomalyMin: number;
  anomalyMax: number;
}

export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = { r2Weight: 0.6, mapeWeight: 0.4, anomalyMin: 0.02, anomalyMax: 0.08 };

/** Multiplier applied when the anomaly rate is outside the expected band. */
export const ANOMALY_PENALTY = 0.8;

export type Metrics = Record<string, unknown>;

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** A metric counts only when it is a finite number; anything else (null, "0.9", NaN) is missing. */
function metric(metrics: Metrics | null | undefined, name: string): number | null {
  const value = metrics?.[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function performanceScore(metrics: Metrics | null | undefined, w: ScoreWeights = DEFAULT_SCORE_WEIGHTS): number {
  const r2 = metric(metrics, 'r2_score');
  const mape = metric(metrics, 'mape');
  const anomalyRate = metric(metrics, 'anomaly_rate');
  let score = 0;
  if (r2 !== null) score += w.r2Weight * clamp(r2, 0, 1);
  if (mape !== null) score += w.mapeWeight * clamp(1 - mape / 100, 0, 1);
  if (anomalyRate !== null && (anomalyRate < w.anomalyMin || anomalyRate > w.anomalyMax)) score *= ANOMALY_PENALTY;
  return score;
}

/**
 * The metrics a version is scored on: its validation metrics when validation was performed
 * (held-out data is the honest measure), else its training metrics.
 */
export function scoringMetrics(trainingMetrics: Metrics, validationMetrics: Metrics | null, validationPerformed: boolean): Metrics {
  return validationPerformed && validationMetrics ? validationMetrics : trainingMetrics;
}
