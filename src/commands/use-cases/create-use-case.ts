import { INITIAL_STATE } from '../../domain/use-case-state-machine.ts';
import { email, optionalText, requiredText } from '../../domain/validate.ts';
import type { UseCase } from '../../generated/prisma/client.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import { ValidationError, WRITE_ERRORS } from '../../errors.ts';

/** What createUseCase can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const createUseCaseErrors = [...WRITE_ERRORS, ValidationError] as const;

export interface CreateUseCaseInput {
  name: string;
  teamEmail: string;
  description?: string | null;
}

export async function createUseCase(ctx: CommandContext, input: CreateUseCaseInput): Promise<UseCase> {
  const data = {
    name: requiredText('name', input.name),
    teamEmail: email('teamEmail', input.teamEmail),
    description: optionalText('description', input.description),
    state: INITIAL_STATE,
  };
  return ctx.services.db.write(async (tx, afterCommit) => {
    const useCase = await tx.useCase.create({ data });
    await recordActivity(tx, afterCommit, ctx, {
      subjectType: 'UseCase',
      subjectId: useCase.id,
      activityType: 'use_case_created',
      description: `Use case "${useCase.name}" created`,
      details: { name: useCase.name, teamEmail: useCase.teamEmail, state: useCase.state },
    });
    return useCase;
  });
}
