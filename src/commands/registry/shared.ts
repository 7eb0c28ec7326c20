// Pieces every registry command uses inside its write transaction.
import type { Reader, Tx } from '../../db/database.ts';
import type { PromotionReason } from '../../domain/promotion.ts';
import { DEFAULT_SCORE_WEIGHTS, type ScoreWeights } from '../../domain/score.ts';
import { NotFoundError } from '../../errors.ts';
import type { ModelVersion, PromotionEvent, RegistrySettings } from '../../generated/prisma/client.ts';

export type RegistrySettingsView = ScoreWeights & { updatedBy: string; updatedAt: Date | null };

/** The single settings row, or the defaults while nobody has changed them (no row yet). */
export async function readSettings(db: Tx | Reader): Promise<RegistrySettingsView> {
  const row: RegistrySettings | null = await db.registrySettings.findUnique({ where: { id: 1 } });
  return row ?? { ...DEFAULT_SCORE_WEIGHTS, updatedBy: 'system', updatedAt: null };
}

export async function loadVersion(tx: Tx, id: string): Promise<ModelVersion> {
  const version = await tx.modelVersion.findUnique({ where: { id } });
  if (!version) throw new NotFoundError('ModelVersion', id);
  return version;
}

/**
 * Points the model at `to` (or at nothing) and appends the PromotionEvent. Version numbers
 * are copied into the event so history stays readable after versions are deleted.
 */
export async function changeActiveVersion(
  tx: Tx,
  change: {
    modelId: string;
    from: Pick<ModelVersion, 'id' | 'versionNumber'> | null;
    to: Pick<ModelVersion, 'id' | 'versionNumber'> | null;
    reason: PromotionReason;
    actor: string;
  },
): Promise<PromotionEvent> {
  await tx.model.update({ where: { id: change.modelId }, data: { activeVersionId: change.to?.id ?? null } });
  return tx.promotionEvent.create({
    data: {
      modelId: change.modelId,
      versionId: change.to?.id ?? null,
      versionNumber: change.to?.versionNumber ?? null,
      previousVersionId: change.from?.id ?? null,
      previousVersionNumber: change.from?.versionNumber ?? null,
      reason: change.reason,
      actor: change.actor,
    },
  });
}
