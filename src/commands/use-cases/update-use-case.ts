import { NotFoundError, StaleVersionError, ValidationError, WRITE_ERRORS } from '../../errors.ts';
import { email, optionalText, requiredText } from '../../domain/validate.ts';
import type { UseCase } from '../../generated/prisma/client.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import { loadUseCaseForWrite, updateUseCaseAtVersion } from './load-for-write.ts';

/** What updateUseCase can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const updateUseCaseErrors = [...WRITE_ERRORS, ValidationError, NotFoundError, StaleVersionError] as const;

export interface UpdateUseCaseInput {
  id: string;
  name?: string | null;
  teamEmail?: string | null;
  description?: string | null;
  expectedVersion?: number | null;
}

export async function updateUseCase(ctx: CommandContext, input: UpdateUseCaseInput): Promise<UseCase> {
  const changes: Partial<Pick<UseCase, 'name' | 'teamEmail' | 'description'>> = {};
  if (input.name != null) changes.name = requiredText('name', input.name);
  if (input.teamEmail != null) changes.teamEmail = email('teamEmail', input.teamEmail);
  if (input.description !== undefined) changes.description = optionalText('description', input.description);
  if (Object.keys(changes).length === 0) throw new ValidationError('input', 'nothing to update: give name, teamEmail or description');

  return ctx.services.db.write(async (tx, afterCommit) => {
    const before = await loadUseCaseForWrite(tx, input.id, input.expectedVersion);
    const useCase = await updateUseCaseAtVersion(tx, before, changes);
    const changed = Object.fromEntries(
      Object.entries(changes)
        .filter(([k, v]) => before[k as keyof typeof changes] !== v)
        .map(([k, v]) => [k, { from: before[k as keyof typeof changes], to: v }]),
    );
    await recordActivity(tx, afterCommit, ctx, {
      subjectType: 'UseCase',
      subjectId: useCase.id,
      activityType: 'use_case_updated',
      description: `Use case "${useCase.name}" updated (${Object.keys(changed).join(', ') || 'no visible change'})`,
      details: { changes: changed, version: useCase.version },
    });
    return useCase;
  });
}
