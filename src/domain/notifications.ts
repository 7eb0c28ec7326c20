// Pure rules of the notification outbox: when to try again, which addresses and header values
// are acceptable. (Which activity types a webhook can subscribe to: activity-types.ts.) No I/O here.

export const NOTIFICATION_CHANNELS = ['EMAIL', 'WEBHOOK'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export const NOTIFICATION_STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * Exponential backoff with "equal jitter": the n-th retry waits between half and all of
 * base·2^(n−1), capped at max. The jitter spreads retries of many rows that failed together
 * (one SMTP outage) instead of hammering the server in lockstep.
 */
export function backoffDelayMs(failedAttempts: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(failedAttempts - 1, 40)));
  return Math.round(exp / 2 + random() * (exp / 2));
}

// RFC 5321 dot-atom local part and LDH domain labels: no quotes, brackets, commas, spaces or
// control characters, so an address can never carry a second address or a header line.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** A single plain mailbox address (user@example.com), strictly. */
export function isMailAddress(text: string): boolean {
  if (text.length > 254) return false;
  const at = text.lastIndexOf('@');
  if (at <= 0 || at > 64) return false;
  const local = text.slice(0, at);
  const labels = text.slice(at + 1).split('.');
  return LOCAL.test(local) && labels.length >= 2 && labels.every((l) => LABEL.test(l));
}

/**
 * Text made safe for a one-line header (a subject): every control character, CR and LF
 * included, becomes a space, and the result is bounded. The mail library encodes what is
 * left; this makes sure there is never a second line to encode.
 */
export function headerText(text: string, maxChars = 200): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > maxChars ? `${flat.slice(0, maxChars - 1)}…` : flat;
}

/** Whether the dispatcher gives up on a row after this failure. */
export function isFinalFailure(attemptsSoFar: number, maxAttempts: number, permanent: boolean): boolean {
  return permanent || attemptsSoFar >= maxAttempts;
}
