import { INITIAL_STATE } from '../../domain/use-case-state-machine.ts';
import { email, optionalText, requiredText } from '../../domain/validate.ts';
import type { UseCase } from '../../generated/prisma/client.ts';
import { randomUUID } from 'node:crypto';
import { insertRow } from '../../db/write-transaction.ts';
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
    // Built here and written with a plain INSERT: the command already has every column, so
    // nothing is read back (the defaults are the schema's: version 1, no results yet).
    const now = new Date();
    const useCase: UseCase = {
      id: randomUUID(),
      ...data,
      version: 1,
      evaluationSummary: null,
      resultsFileId: null,
      resultsRecordedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await insertRow(tx, 'UseCase', { ...useCase });
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
