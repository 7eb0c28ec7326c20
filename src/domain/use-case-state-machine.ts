// The evaluation use-case workflow (seed 000, DESIGN.md "Use cases"). Pure: no I/O, so the
// rules are unit-tested on their own and the GraphQL `useCaseStateMachine` query prints
// exactly what the commands enforce.

export const USE_CASE_STATES = [
  'TEMPLATE_GENERATION',
  'AWAITING_CONFIG',
  'CONFIG_RECEIVED',
  'READY_FOR_EVALUATION',
  'EVALUATION_RUNNING',
  'EVALUATION_COMPLETED',
  'EVALUATION_FAILED',
  'CANCELLED',
] as const;

export type UseCaseState = (typeof USE_CASE_STATES)[number];

export const INITIAL_STATE: UseCaseState = 'TEMPLATE_GENERATION';
export const TERMINAL_STATES: readonly UseCaseState[] = ['EVALUATION_COMPLETED', 'CANCELLED'];

/** A precondition on the use case's attached files, checked when moving into a state. */
export type TransitionGuard = 'CONFIG_AND_DATASET_ATTACHED' | 'RESULTS_RECORDED';

export interface TransitionRule {
  from: UseCaseState;
  to: UseCaseState;
  guard?: TransitionGuard;
  description: string;
}

const forward: TransitionRule[] = [
  { from: 'TEMPLATE_GENERATION', to: 'AWAITING_CONFIG', description: 'template sent to the team' },
  { from: 'AWAITING_CONFIG', to: 'CONFIG_RECEIVED', description: 'configuration received' },
  {
    from: 'CONFIG_RECEIVED',
    to: 'READY_FOR_EVALUATION',
    guard: 'CONFIG_AND_DATASET_ATTACHED',
    description: 'configuration accepted; config and dataset files attached',
  },
  { from: 'CONFIG_RECEIVED', to: 'AWAITING_CONFIG', description: 'configuration rejected' },
  { from: 'READY_FOR_EVALUATION', to: 'EVALUATION_RUNNING', description: 'evaluation started' },
  {
    from: 'EVALUATION_RUNNING',
    to: 'EVALUATION_COMPLETED',
    guard: 'RESULTS_RECORDED',
    description: 'evaluation finished with results recorded',
  },
  { from: 'EVALUATION_RUNNING', to: 'EVALUATION_FAILED', description: 'evaluation failed' },
  { from: 'EVALUATION_FAILED', to: 'READY_FOR_EVALUATION', description: 'retry after a failure' },
];

const cancellations: TransitionRule[] = USE_CASE_STATES.filter(
  (s) => s !== 'CANCELLED' && !TERMINAL_STATES.includes(s),
).map((from) => ({ from, to: 'CANCELLED' as const, description: 'use case cancelled' }));

export const TRANSITION_RULES: readonly TransitionRule[] = [...forward, ...cancellations];

export function isUseCaseState(value: string): value is UseCaseState {
  return (USE_CASE_STATES as readonly string[]).includes(value);
}

export function isTerminal(state: UseCaseState): boolean {
  return TERMINAL_STATES.includes(state);
}

export function rulesFrom(state: UseCaseState): TransitionRule[] {
  return TRANSITION_RULES.filter((r) => r.from === state);
}

/** The facts about a use case that guards look at. */
export interface GuardFacts {
  hasConfigFile: boolean;
  hasDatasetFile: boolean;
  hasResults: boolean;
}

export function unmetGuard(guard: TransitionGuard | undefined, facts: GuardFacts): string | null {
  switch (guard) {
    case undefined:
      return null;
    case 'CONFIG_AND_DATASET_ATTACHED': {
      const missing = [!facts.hasConfigFile && 'a CONFIG file', !facts.hasDatasetFile && 'a DATASET file'].filter(Boolean);
      return missing.length ? `needs ${missing.join(' and ')} attached` : null;
    }
    case 'RESULTS_RECORDED':
      return facts.hasResults ? null : 'needs evaluation results recorded (recordEvaluationResults with a RESULTS file)';
  }
}

export type TransitionCheck =
  | { ok: true; rule: TransitionRule }
  | { ok: false; reason: 'NOT_ALLOWED'; allowed: UseCaseState[] }
  | { ok: false; reason: 'GUARD_FAILED'; allowed: UseCaseState[]; detail: string };

/** Decides whether `from → to` may happen given the facts; names the allowed targets if not. */
export function checkTransition(from: UseCaseState, to: UseCaseState, facts: GuardFacts): TransitionCheck {
  const rules = rulesFrom(from);
  const allowed = rules.map((r) => r.to);
  const rule = rules.find((r) => r.to === to);
  if (!rule) return { ok: false, reason: 'NOT_ALLOWED', allowed };
  const detail = unmetGuard(rule.guard, facts);
  if (detail) return { ok: false, reason: 'GUARD_FAILED', allowed, detail };
  return { ok: true, rule };
}

/** Targets reachable right now: rules from this state whose guards the facts satisfy. */
export function allowedTransitions(from: UseCaseState, facts: GuardFacts): UseCaseState[] {
  return rulesFrom(from)
    .filter((r) => unmetGuard(r.guard, facts) === null)
    .map((r) => r.to);
}
