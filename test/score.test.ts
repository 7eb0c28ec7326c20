// Every clause of the score formula (DESIGN.md, "Model registry").
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_WEIGHTS, performanceScore, scoringMetrics } from '../src/domain/score.ts';

const w = DEFAULT_SCORE_WEIGHTS;

describe('performanceScore', () => {
  it('weights r2 and (1 − mape/100) with the defaults 0.6 / 0.4', () => {
    expect(performanceScore({ r2_score: 0.9, mape: 10 })).toBeCloseTo(0.6 * 0.9 + 0.4 * 0.9, 12);
    expect(performanceScore({ r2_score: 0.5, mape: 25 })).toBeCloseTo(0.3 + 0.3, 12);
  });

  it('clamps r2 into [0, 1]', () => {
    expect(performanceScore({ r2_score: 1.7 })).toBeCloseTo(0.6, 12);
    expect(performanceScore({ r2_score: -3 })).toBe(0);
  });

  it('clamps the MAPE term into [0, 1]', () => {
    expect(performanceScore({ mape: 250 })).toBe(0); // 1 − 2.5 < 0
    expect(performanceScore({ mape: -20 })).toBeCloseTo(0.4, 12); // 1 + 0.2 > 1
    expect(performanceScore({ mape: 0 })).toBeCloseTo(0.4, 12);
  });

  it('counts a missing metric as 0 (a missing MAPE is not a perfect one)', () => {
    expect(performanceScore({})).toBe(0);
    expect(performanceScore(null)).toBe(0);
    expect(performanceScore({ r2_score: 0.8 })).toBeCloseTo(0.48, 12);
    expect(performanceScore({ mape: 20 })).toBeCloseTo(0.32, 12);
  });

  it('treats non-numbers (strings, null, NaN, Infinity) as missing', () => {
    expect(performanceScore({ r2_score: '0.9', mape: null })).toBe(0);
    expect(performanceScore({ r2_score: Number.NaN, mape: Number.POSITIVE_INFINITY })).toBe(0);
    expect(performanceScore({ r2_score: 0.5, anomaly_rate: 'high' })).toBeCloseTo(0.3, 12);
  });

  it('multiplies by 0.8 when anomaly_rate is outside [anomalyMin, anomalyMax]', () => {
    const base = performanceScore({ r2_score: 0.9, mape: 10 });
    expect(performanceScore({ r2_score: 0.9, mape: 10, anomaly_rate: 0.01 })).toBeCloseTo(base * 0.8, 12);
    expect(performanceScore({ r2_score: 0.9, mape: 10, anomaly_rate: 0.2 })).toBeCloseTo(base * 0.8, 12);
  });

  it('does not penalise a rate inside the band, bounds included, or a missing rate', () => {
    const base = performanceScore({ r2_score: 0.9, mape: 10 });
    for (const rate of [0.02, 0.05, 0.08]) expect(performanceScore({ r2_score: 0.9, mape: 10, anomaly_rate: rate })).toBeCloseTo(base, 12);
  });

  it('uses the weights and band it is given', () => {
    const custom = { r2Weight: 1, mapeWeight: 0, anomalyMin: 0.1, anomalyMax: 0.2 };
    expect(performanceScore({ r2_score: 0.7, mape: 0 }, custom)).toBeCloseTo(0.7, 12);
    expect(performanceScore({ r2_score: 0.7, anomaly_rate: 0.05 }, custom)).toBeCloseTo(0.56, 12);
    expect(performanceScore({ r2_score: 0.7, anomaly_rate: 0.05 }, w)).toBeCloseTo(0.42, 12);
  });
});

describe('scoringMetrics', () => {
  const training = { r2_score: 0.99 };
  const validation = { validation_performed: true, r2_score: 0.7 };
  it('scores validation metrics when validation was performed', () => {
    expect(scoringMetrics(training, validation, true)).toBe(validation);
  });
  it('falls back to training metrics otherwise', () => {
    expect(scoringMetrics(training, null, false)).toBe(training);
    expect(scoringMetrics(training, validation, false)).toBe(training);
  });
});
