// Webhook calls over node:http(s) directly: it follows no redirects, lets the connection's
// DNS lookup be the destination check (destination-policy.ts), and needs no dependency.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { redactUrls } from '../redact.ts';
import { DestinationPolicy, DestinationRefused } from './destination-policy.ts';
import { type DeliveryOutcome, describeError, type Sender } from './delivery.ts';
import type { WebhookPayload } from './outbox.ts';
import { DELIVERY_HEADER, EVENT_HEADER, signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature.ts';

export interface WebhookTarget {
  url: string;
  secret: string;
}

export class WebhookSender implements Sender<WebhookPayload & { target: WebhookTarget | null }> {
  constructor(
    readonly policy: DestinationPolicy,
    readonly timeoutMs: number,
  ) {}

  send(notificationId: string, p: WebhookPayload & { target: WebhookTarget | null }, signal: AbortSignal): Promise<DeliveryOutcome> {
    if (!p.target) return Promise.resolve({ ok: false, permanent: true, error: 'the webhook was deleted' });
    const refused = this.policy.refuseUrl(p.target.url);
    if (refused) return Promise.resolve({ ok: false, permanent: true, error: `destination refused: ${refused}` });
    const url = new URL(p.target.url);
    const timestamp = Math.floor(Date.now() / 1000);
    const body = Buffer.from(p.body);
    const lib = url.protocol === 'https:' ? https : http;
    return new Promise<DeliveryOutcome>((resolve) => {
      const req = lib.request(
        url,
        {
          method: 'POST',
          agent: false,
          // Literal IPs skip the lookup; refuseUrl() checked them above.
          lookup: net.isIP(url.hostname.replace(/^\[|\]$/g, '')) ? undefined : this.policy.lookup,
          timeout: this.timeoutMs,
          signal,
          headers: {
            'content-type': 'application/json',
            'content-length': String(body.length),
            'user-agent': 'opsgraph-webhooks',
            [DELIVERY_HEADER]: notificationId,
            [EVENT_HEADER]: p.event,
            [TIMESTAMP_HEADER]: String(timestamp),
            [SIGNATURE_HEADER]: signWebhook(p.target!.secret, timestamp, p.body),
          },
        },
        (res) => {
          const status = res.statusCode ?? 0;
          res.resume(); // the answer's body is not used; read and drop it so the socket closes
          res.on('error', () => undefined);
          if (status >= 200 && status < 300) return resolve({ ok: true });
          const where = status >= 300 && status < 400 ? ` (redirect to ${redactUrls(String(res.headers.location ?? '?')).slice(0, 200)} not followed)` : '';
          resolve({ ok: false, error: `HTTP ${status}${where}` });
        },
      );
      // One deadline for the whole call, not just for socket inactivity.
      const deadline = setTimeout(() => req.destroy(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
      req.on('timeout', () => req.destroy(new Error(`no answer within ${this.timeoutMs} ms`)));
      req.on('error', (err) => {
        const inner = (err as { cause?: unknown }).cause ?? err;
        resolve({ ok: false, permanent: err instanceof DestinationRefused || inner instanceof DestinationRefused, error: redactUrls(describeError(err)) });
      });
      req.on('close', () => clearTimeout(deadline));
      req.end(body);
    });
  }

  close(): void {}
}
