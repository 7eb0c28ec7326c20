// The promotion rules and the registration input rules, as pure functions.
import { describe, expect, it } from 'vitest';
import { bestVersion, shouldAutoPromote } from '../src/domain/promotion.ts';
import { validateRegistration, validateSettings } from '../src/domain/registry-validation.ts';
import { DEFAULT_SCORE_WEIGHTS } from '../src/domain/score.ts';
import { ValidationError } from '../src/errors.ts';

const s = (performanceScore: number) => ({ performanceScore });

describe('shouldAutoPromote', () => {
  it('promotes the first version of a model', () => {
    expect(shouldAutoPromote(0, [])).toBe(true);
  });
  it('promotes only a score above every existing version, not just the active one (seed 002 fix #3)', () => {
    // v2 (0.9) was demoted by hand to v1 (0.8); a 0.85 beats the active one but not v2.
    expect(shouldAutoPromote(0.85, [s(0.8), s(0.9)])).toBe(false);
    expect(shouldAutoPromote(0.95, [s(0.8), s(0.9)])).toBe(true);
  });
  it('keeps the current version on a tie', () => {
    expect(shouldAutoPromote(0.9, [s(0.8), s(0.9)])).toBe(false);
  });
});

describe('bestVersion', () => {
  const v = (id: string, versionNumber: number, performanceScore: number) => ({ id, versionNumber, performanceScore });
  it('picks the highest score', () => {
    expect(bestVersion([v('a', 1, 0.8), v('c', 3, 0.85), v('b', 2, 0.7)])?.id).toBe('c');
  });
  it('breaks ties by the newest version number', () => {
    expect(bestVersion([v('a', 4, 0.8), v('b', 7, 0.8), v('c', 5, 0.8)])?.id).toBe('b');
  });
  it('returns null when nothing is left', () => {
    expect(bestVersion([])).toBeNull();
  });
});

describe('validateRegistration', () => {
  const ok = { sensorId: 's1', modelType: 'telemanom', dataHash: 'ABCDEF0123456789' };
  const fieldOf = (input: Parameters<typeof validateRegistration>[0]) => {
    try {
      validateRegistration(input);
    } catch (err) {
      if (err instanceof ValidationError) return err.field;
      throw err;
    }
    return null;
  };

  it('accepts a minimal registration and normalizes the hash', () => {
    const v = validateRegistration(ok);
    expect(v.lineage.dataHash).toBe('abcdef0123456789');
    expect(v.validationPerformed).toBe(false);
    expect(v.validationMetrics).toBeNull();
  });
  it('marks validation as performed when the flag is there', () => {
    expect(validateRegistration({ ...ok, validationMetrics: { validation_performed: true, r2_score: 0.8 } }).validationPerformed).toBe(true);
  });
  it.each([
    ['validation metrics without the flag', { validationMetrics: { r2_score: 0.9 } }, 'validationMetrics'],
    ['validation metrics with the flag false', { validationMetrics: { validation_performed: false } }, 'validationMetrics'],
    ['empty validation metrics', { validationMetrics: {} }, 'validationMetrics'],
    ['a missing dataHash', { dataHash: undefined }, 'dataHash'],
    ['a blank dataHash', { dataHash: '  ' }, 'dataHash'],
    ['a non-hex dataHash', { dataHash: 'not-a-hash-zzzz' }, 'dataHash'],
    ['a negative sample count', { numSamples: -1 }, 'numSamples'],
    ['a fractional sample count', { numSamples: 1.5 }, 'numSamples'],
    ['a range ending before it starts', { dataStartDate: new Date('2024-03-01'), dataEndDate: new Date('2024-01-01') }, 'dataEndDate'],
    ['a negative training time', { trainingTimeSeconds: -5 }, 'trainingTimeSeconds'],
    ['metrics that are not an object', { trainingMetrics: [1, 2] }, 'trainingMetrics'],
    ['an empty sensorId', { sensorId: ' ' }, 'sensorId'],
  ])('refuses %s, naming the field', (_label, patch, field) => {
    expect(fieldOf({ ...ok, ...patch })).toBe(field);
  });
});

describe('validateSettings', () => {
  it('applies a partial update', () => {
    expect(validateSettings(DEFAULT_SCORE_WEIGHTS, { r2Weight: 0.7, mapeWeight: null })).toEqual({ ...DEFAULT_SCORE_WEIGHTS, r2Weight: 0.7 });
  });
  it('refuses negative weights and anomalyMin above anomalyMax, naming the field', () => {
    expect(() => validateSettings(DEFAULT_SCORE_WEIGHTS, { mapeWeight: -0.1 })).toThrow(/mapeWeight/);
    expect(() => validateSettings(DEFAULT_SCORE_WEIGHTS, { anomalyMin: 0.1 })).toThrow(/anomalyMin/);
    expect(() => validateSettings(DEFAULT_SCORE_WEIGHTS, { anomalyMax: 0.01 })).toThrow(/anomalyMax/);
    expect(() => validateSettings(DEFAULT_SCORE_WEIGHTS, { anomalyMax: 2 })).toThrow(/anomalyMax/);
  });
  it('keeps every setting within [0, 1], naming the field', () => {
    expect(() => validateSettings(DEFAULT_SCORE_WEIGHTS, { r2Weight: 1.8e19 })).toThrow(/^r2Weight: .*between 0 and 1/);
    expect(() => validateSettings(DEFAULT_SCORE_WEIGHTS, { mapeWeight: 1.01 })).toThrow(/^mapeWeight: /);
    expect(() => validateSettings(DEFAULT_SCORE_WEIGHTS, { anomalyMin: -0.5, anomalyMax: -0.1 })).toThrow(/^anomalyMin: /);
    expect(() => validateSettings(DEFAULT_SCORE_WEIGHTS, { r2Weight: Number.NaN })).toThrow(/^r2Weight: /);
    expect(validateSettings(DEFAULT_SCORE_WEIGHTS, { r2Weight: 1, mapeWeight: 0, anomalyMin: 0, anomalyMax: 1 })).toEqual({ r2Weight: 1, mapeWeight: 0, anomalyMin: 0, anomalyMax: 1 });
  });
});
