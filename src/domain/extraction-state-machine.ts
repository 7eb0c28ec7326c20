// The extraction workflow (seed 003). Pure: no I/O, so the rules are unit-tested on their own
// and the commands in src/commands/extractions/ enforce exactly these moves.
//
//   PENDING → EXTRACTING → EXTRACTED → VALIDATED | REJECTED
//                  ↓  ↖ (lease expired)
//               FAILED → PENDING   while retries remain; FAILED for good after that

export const EXTRACTION_STATUSES = ['PENDING', 'EXTRACTING', 'EXTRACTED', 'VALIDATED', 'REJECTED', 'FAILED'] as const;
export type ExtractionStatus = (typeof EXTRACTION_STATUSES)[number];

export const INITIAL_EXTRACTION_STATUS: ExtractionStatus = 'PENDING';
export const TERMINAL_EXTRACTION_STATUSES: readonly ExtractionStatus[] = ['VALIDATED', 'REJECTED'];
/** A member with an extraction in one of these is not enqueued again. */
export const OPEN_EXTRACTION_STATUSES: readonly ExtractionStatus[] = ['PENDING', 'EXTRACTING', 'EXTRACTED'];

export type ExtractionEvent = 'CLAIM' | 'COMPLETE' | 'FAIL' | 'LEASE_EXPIRED' | 'RETRY' | 'APPROVE' | 'REJECT';

export interface ExtractionRule {
  from: ExtractionStatus;
  to: ExtractionStatus;
  event: ExtractionEvent;
  description: string;
}

export const EXTRACTION_RULES: readonly ExtractionRule[] = [
  { from: 'PENDING', to: 'EXTRACTING', event: 'CLAIM', description: 'a worker claimed it' },
  { from: 'EXTRACTING', to: 'EXTRACTED', event: 'COMPLETE', description: 'the worker reported offices and artifacts' },
  { from: 'EXTRACTING', to: 'FAILED', event: 'FAIL', description: 'the worker reported a failure' },
  { from: 'EXTRACTING', to: 'PENDING', event: 'LEASE_EXPIRED', description: "the worker's lease expired" },
  { from: 'FAILED', to: 'PENDING', event: 'RETRY', description: 'queued again: retries remain' },
  { from: 'EXTRACTED', to: 'VALIDATED', event: 'APPROVE', description: 'a reviewer approved the offices' },
  { from: 'EXTRACTED', to: 'REJECTED', event: 'REJECT', description: 'a reviewer rejected the extraction' },
];

export function isExtractionStatus(value: string): value is ExtractionStatus {
  return (EXTRACTION_STATUSES as readonly string[]).includes(value);
}

export function isOpen(status: string): boolean {
  return (OPEN_EXTRACTION_STATUSES as readonly string[]).includes(status);
}

export type ExtractionCheck = { ok: true; rule: ExtractionRule } | { ok: false; allowed: ExtractionStatus[] };

/** Whether `event` may happen in `from`; names the statuses reachable from `from` if not. */
export function checkExtractionEvent(from: ExtractionStatus, event: ExtractionEvent): ExtractionCheck {
  const rule = EXTRACTION_RULES.find((r) => r.from === from && r.event === event);
  if (rule) return { ok: true, rule };
  return { ok: false, allowed: EXTRACTION_RULES.filter((r) => r.from === from).map((r) => r.to) };
}

/** The move an event asks for, by target status (for error messages naming the target). */
export function targetOf(event: ExtractionEvent): ExtractionStatus {
  return EXTRACTION_RULES.find((r) => r.event === event)!.to;
}

export interface FailureOutcome {
  /** PENDING when the extraction goes back to the queue, FAILED when it stays failed. */
  status: 'PENDING' | 'FAILED';
  retryCount: number;
  /** The moves it makes, in order: [FAIL] or [FAIL, RETRY]. */
  events: ExtractionEvent[];
}

/**
 * What a reported failure does: a retryable failure with retries left goes back to PENDING
 * (retryCount + 1); anything else stays FAILED. `maxRetries` 0 means never retry.
 */
export function failureOutcome(retryCount: number, maxRetries: number, retryable: boolean): FailureOutcome {
  if (retryable && retryCount < maxRetries) return { status: 'PENDING', retryCount: retryCount + 1, events: ['FAIL', 'RETRY'] };
  return { status: 'FAILED', retryCount, events: ['FAIL'] };
}

/** Whether an EXTRACTING extraction's lease has run out at `now`. */
export function leaseExpired(status: string, leaseExpiresAt: Date | null, now: Date): boolean {
  return status === 'EXTRACTING' && leaseExpiresAt !== null && leaseExpiresAt.getTime() <= now.getTime();
}
