// promoteModelVersion: a person chooses the active version, whatever the scores say.
import type { Model, ModelVersion, PromotionEvent } from '../../generated/prisma/client.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import { changeActiveVersion, loadVersion } from './shared.ts';
import { NotFoundError, WRITE_ERRORS } from '../../errors.ts';

/** What promoteModelVersion can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const promoteModelVersionErrors = [...WRITE_ERRORS, NotFoundError] as const;

export interface PromoteResult {
  model: Model;
  version: ModelVersion;
  /** null when the version was already active (nothing changed, no event). */
  event: PromotionEvent | null;
}

export async function promoteModelVersion(ctx: CommandContext, input: { id: string }): Promise<PromoteResult> {
  return ctx.services.db.write(async (tx, afterCommit) => {
    const version = await loadVersion(tx, input.id);
    const model = await tx.model.findUniqueOrThrow({ where: { id: version.modelId } });
    // Promoting the active version again is a no-op rather than an error, and writes no
    // history: history records changes of the active version, not requests.
    if (model.activeVersionId === version.id) return { model, version, event: null };
    const from = model.activeVersionId ? await loadVersion(tx, model.activeVersionId) : null;
    const event = await changeActiveVersion(tx, { modelId: model.id, from, to: version, reason: 'MANUAL', actor: ctx.actor.label });
    await recordActivity(tx, afterCommit, ctx, {
      subjectType: 'Model',
      subjectId: model.id,
      activityType: 'model_version_promoted',
      description: `v${version.versionNumber} promoted by hand${from ? ` (was v${from.versionNumber})` : ''}`,
      details: { versionId: version.id, versionNumber: version.versionNumber, previousVersionId: from?.id ?? null, previousVersionNumber: from?.versionNumber ?? null, reason: 'MANUAL' },
    });
    return { model: await tx.model.findUniqueOrThrow({ where: { id: model.id } }), version, event };
  });
}
