import { checkTransition, isUseCaseState, type UseCaseState } from '../../domain/use-case-state-machine.ts';
import { optionalText } from '../../domain/validate.ts';
import { InvalidTransitionError, NotFoundError, StaleVersionError, ValidationError, WRITE_ERRORS } from '../../errors.ts';
import type { StateTransition, UseCase } from '../../generated/prisma/client.ts';
import { queueNotifications } from '../../notifications/outbox.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import { readGuardFacts } from './guard-facts.ts';
import { loadUseCaseForWrite, updateUseCaseAtVersion } from './load-for-write.ts';

/** What transitionUseCase can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const transitionUseCaseErrors = [...WRITE_ERRORS, ValidationError, NotFoundError, StaleVersionError, InvalidTransitionError] as const;

export interface TransitionUseCaseInput {
  id: string;
  to: UseCaseState;
  notes?: string | null;
  expectedVersion?: number | null;
}

export async function transitionUseCase(
  ctx: CommandContext,
  input: TransitionUseCaseInput,
): Promise<{ useCase: UseCase; transition: StateTransition }> {
  const notes = optionalText('notes', input.notes);
  return ctx.services.db.write(async (tx, afterCommit) => {
    const before = await loadUseCaseForWrite(tx, input.id, input.expectedVersion);
    if (!isUseCaseState(before.state)) throw new ValidationError('state', `stored state "${before.state}" is unknown`);
    const facts = await readGuardFacts(tx, before.id, before.resultsFileId);
    const check = checkTransition(before.state, input.to, facts);
    if (!check.ok) {
      throw new InvalidTransitionError(before.state, input.to, check.allowed, check.reason === 'GUARD_FAILED' ? check.detail : undefined);
    }
    // The version in the WHERE keeps the optimistic check true across gateways on PostgreSQL.
    const useCase = await updateUseCaseAtVersion(tx, before, { state: input.to });
    const transition = await tx.stateTransition.create({
      data: { useCaseId: before.id, fromState: before.state, toState: input.to, notes, actor: ctx.actor.label },
    });
    const entry = await recordActivity(tx, afterCommit, ctx, {
      subjectType: 'UseCase',
      subjectId: useCase.id,
      activityType: 'state_changed',
      description: `${before.state} → ${input.to}: ${check.rule.description}`,
      details: { from: before.state, to: input.to, notes, version: useCase.version, transitionId: transition.id },
    });
    // The team's mail and the webhooks: outbox rows in this same transaction.
    await queueNotifications(tx, afterCommit, ctx, entry, { useCaseId: useCase.id });
    return { useCase, transition };
  });
}
