// Seed data for the cases, written through the gateway's own mutations so the rows are
// exactly what the commands write (ids, timestamps, activity entries).
import type { Gateway } from './gateway.ts';

const CREATE = `mutation Create($input: CreateUseCaseInput!) {
  createUseCase(input: $input) {
    __typename
    ... on CreateUseCasePayload { useCase { id version } }
    ... on DomainError { message }
  }
}`;

const TRANSITION = `mutation Move($input: TransitionUseCaseInput!) {
  transitionUseCase(input: $input) {
    __typename
    ... on TransitionUseCasePayload { useCase { version } }
    ... on DomainError { message }
  }
}`;

/** Three moves that need no attached files; the last sends the use case back (config rejected). */
const PATH = [
  { to: 'AWAITING_CONFIG', notes: 'template generated' },
  { to: 'CONFIG_RECEIVED', notes: 'config uploaded by the team' },
  { to: 'AWAITING_CONFIG', notes: null },
] as const;

export interface SeededUseCase {
  /** Global ID. */
  id: string;
}

/**
 * Creates `count` use cases and walks each through `PATH` — 3 state transitions and
 * 4 activity entries (created + 3 state changes) per use case.
 */
export async function seedUseCases(gw: Gateway, count: number): Promise<SeededUseCase[]> {
  const out: SeededUseCase[] = [];
  for (let i = 0; i < count; i++) {
    const created = await gw.gql<{ createUseCase: { __typename: string; useCase?: { id: string }; message?: string } }>(CREATE, {
      input: {
        name: `Benchmark use case ${String(i + 1).padStart(3, '0')}`,
        teamEmail: `team-${i % 7}@example.com`,
        description: `Seeded by bench/lib/seed.ts (${i + 1} of ${count}).`,
      },
    });
    const uc = created.data.createUseCase;
    if (uc.__typename !== 'CreateUseCasePayload' || !uc.useCase) throw new Error(`createUseCase failed: ${JSON.stringify(uc)}`);
    for (const step of PATH) {
      const moved = await gw.gql<{ transitionUseCase: { __typename: string; message?: string } }>(TRANSITION, {
        input: { id: uc.useCase.id, to: step.to, notes: step.notes },
      });
      if (moved.data.transitionUseCase.__typename !== 'TransitionUseCasePayload') {
        throw new Error(`transitionUseCase to ${step.to} failed: ${JSON.stringify(moved.data.transitionUseCase)}`);
      }
    }
    out.push({ id: uc.useCase.id });
  }
  return out;
}
