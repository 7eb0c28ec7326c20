// Webhook signatures: HMAC-SHA256 over "<timestamp>.<body>" with the webhook's secret. The
// timestamp is signed too, so a receiver can refuse a replayed delivery older than a few
// minutes; the delivery id lets it drop a duplicate of a retried one.
import crypto from 'node:crypto';

export const SIGNATURE_HEADER = 'x-opsgraph-signature';
export const TIMESTAMP_HEADER = 'x-opsgraph-timestamp';
export const DELIVERY_HEADER = 'x-opsgraph-delivery';
export const EVENT_HEADER = 'x-opsgraph-event';

/** The header value: "sha256=<hex>". */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does (the README shows the same in ten lines). */
export function verifyWebhook(secret: string, timestamp: string, body: string, signature: string, toleranceSeconds = 300, now = Date.now()): boolean {
  const ts = Number(timestamp);
  if (!Number.isInteger(ts) || Math.abs(now / 1000 - ts) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, ts, body));
  const given = Buffer.from(signature);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

export function newWebhookSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString('base64url')}`;
}
