// Input rules of the model registry, pure so the refusals are unit-testable. Each failure
// is a ValidationError naming the input field, thrown before any write starts.
import { ValidationError } from '../errors.ts';
import { jsonText, optionalText, requiredText } from './validate.ts';
import type { Metrics, ScoreWeights } from './score.ts';

/** Hex digest of the training data, as the training pipeline computes it (seed 002, fix #2). */
const HEX = /^[0-9a-f]{8,128}$/;

export function dataHash(field: string, value: string | null | undefined): string {
  const text = (value ?? '').trim().toLowerCase();
  if (!text) throw new ValidationError(field, 'is required: pass the hash of the training data from the pipeline');
  if (!HEX.test(text)) throw new ValidationError(field, `must be 8 to 128 hexadecimal characters (got "${text.slice(0, 40)}")`);
  return text;
}

export function jsonObject(field: string, value: unknown): Metrics {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ValidationError(field, 'must be a JSON object');
  jsonText(field, value); // size limit
  return value as Metrics;
}

export interface RegisterVersionInput {
  sensorId: string;
  modelType: string;
  trainingConfig?: unknown;
  trainingMetrics?: unknown;
  validationMetrics?: unknown;
  trainingTimeSeconds?: number | null;
  modelPath?: string | null;
  dataHash?: string | null;
  dataSource?: string | null;
  dataStartDate?: Date | null;
  dataEndDate?: Date | null;
  numSamples?: number | null;
}

export interface ValidRegistration {
  sensorId: string;
  modelType: string;
  trainingConfig: Metrics;
  trainingMetrics: Metrics;
  /** null when the caller sent none; then validationPerformed is false. */
  validationMetrics: Metrics | null;
  validationPerformed: boolean;
  trainingTimeSeconds: number | null;
  modelPath: string | null;
  lineage: { dataHash: string; dataSource: string | null; dataStartDate: Date | null; dataEndDate: Date | null; numSamples: number | null };
}

export function validateRegistration(input: RegisterVersionInput): ValidRegistration {
  const validationMetrics = input.validationMetrics == null ? null : jsonObject('validationMetrics', input.validationMetrics);
  // Seed 002, fix #6: metrics that were not computed on held-out data must say so. An empty
  // object is refused too: "{}" was how the old pipeline pretended to have validated.
  if (validationMetrics && validationMetrics.validation_performed !== true) {
    throw new ValidationError('validationMetrics', 'must include "validation_performed": true (validate on held-out data first), or be omitted');
  }
  const trainingTimeSeconds = input.trainingTimeSeconds ?? null;
  if (trainingTimeSeconds !== null && !(Number.isFinite(trainingTimeSeconds) && trainingTimeSeconds >= 0)) {
    throw new ValidationError('trainingTimeSeconds', 'must be a non-negative number');
  }
  const numSamples = input.numSamples ?? null;
  if (numSamples !== null && !(Number.isInteger(numSamples) && numSamples >= 0)) {
    throw new ValidationError('numSamples', `must be a non-negative whole number (got ${numSamples})`);
  }
  const start = input.dataStartDate ?? null;
  const end = input.dataEndDate ?? null;
  if (start && end && end.getTime() < start.getTime()) {
    throw new ValidationError('dataEndDate', `ends (${end.toISOString()}) before dataStartDate (${start.toISOString()})`);
  }
  return {
    sensorId: requiredText('sensorId', input.sensorId),
    modelType: requiredText('modelType', input.modelType),
    trainingConfig: jsonObject('trainingConfig', input.trainingConfig),
    trainingMetrics: jsonObject('trainingMetrics', input.trainingMetrics),
    validationMetrics,
    validationPerformed: validationMetrics !== null,
    trainingTimeSeconds,
    modelPath: optionalText('modelPath', input.modelPath, 1000),
    lineage: {
      dataHash: dataHash('dataHash', input.dataHash),
      dataSource: optionalText('dataSource', input.dataSource, 500),
      dataStartDate: start,
      dataEndDate: end,
      numSamples,
    },
  };
}

/**
 * Settings after applying a partial update. Every setting lies in [0, 1]: the weights scale
 * metrics that are clamped to [0, 1] (a weight of 1.8e19 would make scores meaningless and
 * promotion arbitrary), and anomalyMin/anomalyMax are rates; anomalyMin ≤ anomalyMax.
 */
export function validateSettings(current: ScoreWeights, patch: Partial<Record<keyof ScoreWeights, number | null>>): ScoreWeights {
  const next = { ...current };
  for (const key of ['r2Weight', 'mapeWeight', 'anomalyMin', 'anomalyMax'] as const) {
    const value = patch[key];
    if (value === null || value === undefined) continue;
    if (!Number.isFinite(value) || value < 0 || value > 1) {
      const what = key.startsWith('anomaly') ? 'a rate' : 'a weight';
      throw new ValidationError(key, `is ${what} and must be between 0 and 1 (got ${value})`);
    }
    next[key] = value;
  }
  if (next.anomalyMin > next.anomalyMax) {
    const field = patch.anomalyMin != null ? 'anomalyMin' : 'anomalyMax';
    throw new ValidationError(field, `anomalyMin (${next.anomalyMin}) must not exceed anomalyMax (${next.anomalyMax})`);
  }
  return next;
}
