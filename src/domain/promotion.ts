// When the active version of a model changes. Pure rules; the commands apply them inside
// their write transaction, where the list of versions cannot change underneath them.

export interface ScoredVersion {
  id: string;
  versionNumber: number;
  performanceScore: number;
}

/**
 * A newly registered version becomes active only when its score is strictly higher than
 * that of EVERY existing version of the model — not just the active one (seed 002, fix #3:
 * after a manual promotion of a weaker version, a new version that beats only that one must
 * not win). Ties keep the current version. The first version of a model always wins.
 */
export function shouldAutoPromote(newScore: number, existing: readonly Pick<ScoredVersion, 'performanceScore'>[]): boolean {
  return existing.every((v) => newScore > v.performanceScore);
}

/**
 * The version that takes over when the active one is deleted: the best score; among equal
 * scores the newest (highest version number). null when nothing is left.
 */
export function bestVersion<T extends ScoredVersion>(versions: readonly T[]): T | null {
  let best: T | null = null;
  for (const v of versions) {
    if (
      !best ||
      v.performanceScore > best.performanceScore ||
      (v.performanceScore === best.performanceScore && v.versionNumber > best.versionNumber)
    ) {
      best = v;
    }
  }
  return best;
}

export const PROMOTION_REASONS = ['AUTOMATIC', 'MANUAL', 'ACTIVE_DELETED', 'IMPORTED'] as const;
export type PromotionReason = (typeof PROMOTION_REASONS)[number];
