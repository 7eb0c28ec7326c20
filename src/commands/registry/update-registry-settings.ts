// updateRegistrySettings (admin): the score weights. They apply to versions registered from
// now on; stored scores are not recomputed, so a version's score stays what it was when
// promotion decisions were made with it.
import { validateSettings } from '../../domain/registry-validation.ts';
import type { ScoreWeights } from '../../domain/score.ts';
import type { RegistrySettings } from '../../generated/prisma/client.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import { readSettings } from './shared.ts';
import { NotFoundError, ValidationError, WRITE_ERRORS } from '../../errors.ts';

/** What updateRegistrySettings can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const updateRegistrySettingsErrors = [...WRITE_ERRORS, ValidationError, NotFoundError] as const;

export type SettingsPatch = Partial<Record<keyof ScoreWeights, number | null>>;

const pick = (s: ScoreWeights): ScoreWeights => ({ r2Weight: s.r2Weight, mapeWeight: s.mapeWeight, anomalyMin: s.anomalyMin, anomalyMax: s.anomalyMax });

export async function updateRegistrySettings(ctx: CommandContext, patch: SettingsPatch): Promise<RegistrySettings> {
  return ctx.services.db.write(async (tx, afterCommit) => {
    const before = await readSettings(tx);
    const next = validateSettings(pick(before), patch);
    const data = { ...next, updatedBy: ctx.actor.label };
    const row = await tx.registrySettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    await recordActivity(tx, afterCommit, ctx, {
      subjectType: 'RegistrySettings',
      subjectId: '1',
      activityType: 'registry_settings_updated',
      description: 'Registry score weights changed',
      details: { before: pick(before), after: pick(next) },
    });
    return row;
  });
}
