// The use-case workflow as a pure module: every rule of DESIGN.md "Use cases", no database.
import { describe, expect, it } from 'vitest';
import {
  allowedTransitions,
  checkTransition,
  type GuardFacts,
  isTerminal,
  TRANSITION_RULES,
  USE_CASE_STATES,
  type UseCaseState,
} from '../src/domain/use-case-state-machine.ts';

const none: GuardFacts = { hasConfigFile: false, hasDatasetFile: false, hasResults: false };
const all: GuardFacts = { hasConfigFile: true, hasDatasetFile: true, hasResults: true };

const expected: Record<UseCaseState, UseCaseState[]> = {
  TEMPLATE_GENERATION: ['AWAITING_CONFIG', 'CANCELLED'],
  AWAITING_CONFIG: ['CONFIG_RECEIVED', 'CANCELLED'],
  CONFIG_RECEIVED: ['READY_FOR_EVALUATION', 'AWAITING_CONFIG', 'CANCELLED'],
  READY_FOR_EVALUATION: ['EVALUATION_RUNNING', 'CANCELLED'],
  EVALUATION_RUNNING: ['EVALUATION_COMPLETED', 'EVALUATION_FAILED', 'CANCELLED'],
  EVALUATION_FAILED: ['READY_FOR_EVALUATION', 'CANCELLED'],
  EVALUATION_COMPLETED: [],
  CANCELLED: [],
};

describe('use-case state machine', () => {
  it.each(USE_CASE_STATES)('from %s allows exactly the moves DESIGN.md lists (when guards pass)', (state) => {
    expect(allowedTransitions(state, all).sort()).toEqual([...expected[state]].sort());
  });

  it('refuses every move that is not listed, naming the allowed ones', () => {
    for (const from of USE_CASE_STATES) {
      for (const to of USE_CASE_STATES) {
        const result = checkTransition(from, to, all);
        if (expected[from].includes(to)) {
          expect(result.ok).toBe(true);
        } else {
          expect(result).toEqual({ ok: false, reason: 'NOT_ALLOWED', allowed: expect.arrayContaining(expected[from]) });
        }
      }
    }
  });

  it('COMPLETED and CANCELLED are terminal; nothing else is', () => {
    expect(USE_CASE_STATES.filter(isTerminal).sort()).toEqual(['CANCELLED', 'EVALUATION_COMPLETED']);
  });

  it('READY_FOR_EVALUATION needs both a config and a dataset file', () => {
    const only = (facts: Partial<GuardFacts>) => checkTransition('CONFIG_RECEIVED', 'READY_FOR_EVALUATION', { ...none, ...facts });
    const noFiles = only({});
    expect(noFiles.ok).toBe(false);
    if (!noFiles.ok && noFiles.reason === 'GUARD_FAILED') expect(noFiles.detail).toMatch(/CONFIG file and a DATASET file/);
    expect(only({ hasConfigFile: true }).ok).toBe(false);
    expect(only({ hasDatasetFile: true }).ok).toBe(false);
    expect(only({ hasConfigFile: true, hasDatasetFile: true }).ok).toBe(true);
    expect(allowedTransitions('CONFIG_RECEIVED', none)).not.toContain('READY_FOR_EVALUATION');
  });

  it('EVALUATION_COMPLETED needs recorded results; FAILED does not', () => {
    expect(checkTransition('EVALUATION_RUNNING', 'EVALUATION_COMPLETED', none)).toMatchObject({ ok: false, reason: 'GUARD_FAILED' });
    expect(checkTransition('EVALUATION_RUNNING', 'EVALUATION_COMPLETED', { ...none, hasResults: true }).ok).toBe(true);
    expect(checkTransition('EVALUATION_RUNNING', 'EVALUATION_FAILED', none).ok).toBe(true);
  });

  it('every rule has a description and guards only where DESIGN.md puts them', () => {
    for (const rule of TRANSITION_RULES) expect(rule.description.length).toBeGreaterThan(3);
    expect(TRANSITION_RULES.filter((r) => r.guard).map((r) => `${r.from}->${r.to}`).sort()).toEqual([
      'CONFIG_RECEIVED->READY_FOR_EVALUATION',
      'EVALUATION_RUNNING->EVALUATION_COMPLETED',
    ]);
  });
});
