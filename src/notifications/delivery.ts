// What a channel's sender reports back to the dispatcher.
export interface DeliveryOutcome {
  ok: boolean;
  /** A failure that retrying cannot fix (an SMTP 5xx, a refused destination): FAILED at once. */
  permanent?: boolean;
  error?: string;
}

export interface Sender<P> {
  send(notificationId: string, payload: P, signal: AbortSignal): Promise<DeliveryOutcome>;
  close(): void;
}

/** An error message fit for Notification.lastError: bounded, one line, no credentials (callers redact). */
export function describeError(err: unknown, max = 500): string {
  const e = err as { message?: unknown; code?: unknown; responseCode?: unknown };
  const text = `${typeof e?.code === 'string' ? `${e.code}: ` : ''}${typeof e?.message === 'string' ? e.message : String(err)}`;
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
