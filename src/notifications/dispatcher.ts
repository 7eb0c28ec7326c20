// Delivers the outbox. Runs in the server process beside the requests:
//   1. poll (and on every notifying activity entry): find due PENDING rows on the READER, then
//      claim them in one short write — a conditional UPDATE that only succeeds while nobody
//      else holds an unexpired lease, so several processes on one database never deliver the
//      same row at the same moment (SQLite serializes the claims under its write lock);
//   2. deliver outside any transaction (network I/O never holds the writer);
//   3. record the attempt and the new state in one short write, only while still holding the
//      lease: DELIVERED, or PENDING with the next try after an exponential, jittered backoff,
//      or FAILED with the last error once the attempts are used up.
// A process that dies mid-delivery leaves a lease that expires; the row is then claimed again
// (at least once: the idempotency key lets the receiver drop the duplicate). Nothing is lost
// on restart because the state lives only in the database.
import os from 'node:os';
import crypto from 'node:crypto';
import { type Actor, type CommandContext, recordActivity, type Services } from '../commands/command-context.ts';
import { backoffDelayMs, isFinalFailure } from '../domain/notifications.ts';
import type { Notification, Webhook } from '../generated/prisma/client.ts';
import { type DeliveryOutcome, describeError } from './delivery.ts';
import { DestinationPolicy } from './destination-policy.ts';
import { MailSender } from './mail-sender.ts';
import { mailTemplates, type MailPayload, onNotificationsQueued, type WebhookPayload } from './outbox.ts';
import { WebhookSender } from './webhook-sender.ts';

type ClaimedRow = Notification & { webhook: Webhook | null };

const DISPATCHER_ACTOR: Actor = { label: 'system:notifications', role: 'admin' };

export class Dispatcher {
  readonly worker: string;
  readonly #services: Services;
  readonly #mail: MailSender | null;
  readonly #webhooks: WebhookSender;
  readonly #inFlight = new Map<string, Promise<void>>();
  readonly #abort = new AbortController();
  #timer: NodeJS.Timeout | null = null;
  #ticking = false;
  #again = false;
  #stopped = true;
  #unsubscribe: (() => void) | null = null;

  constructor(services: Services, options: { worker?: string } = {}) {
    const config = services.config.notifications;
    this.#services = services;
    this.worker = options.worker ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
    if (config.smtpUrl) {
      mailTemplates(config).check(new Set(Object.values(config.emailRules)));
      this.#mail = new MailSender({ ...config, smtpUrl: config.smtpUrl }, services.blobs);
    } else {
      this.#mail = null;
    }
    this.#webhooks = new WebhookSender(
      new DestinationPolicy({ allowedHosts: config.webhookAllowedHosts, allowedPrivate: config.webhookAllowedPrivate }),
      config.sendTimeoutMs,
    );
  }

  get #config() {
    return this.#services.config.notifications;
  }

  /** A lease outlives the longest a delivery may take, so a live owner never loses its row. */
  get leaseMs(): number {
    return this.#config.sendTimeoutMs * 2 + 10_000;
  }

  start(): this {
    this.#stopped = false;
    this.#unsubscribe = onNotificationsQueued(this.#services.db, () => this.kick());
    this.#schedule(0);
    return this;
  }

  /** Look for due rows now rather than at the next poll. */
  kick(): void {
    if (this.#stopped) return;
    if (this.#ticking) this.#again = true;
    else this.#schedule(0);
  }

  #schedule(ms: number): void {
    if (this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#tick(), ms);
    this.#timer.unref();
  }

  async #tick(): Promise<void> {
    this.#timer = null;
    this.#ticking = true;
    this.#again = false;
    try {
      const free = this.#config.concurrency - this.#inFlight.size;
      if (free > 0) {
        for (const row of await this.#claim(free)) {
          const p = this.#deliver(row)
            .catch((err) => this.#services.logger.error({ err, notificationId: row.id }, 'recording a notification attempt failed'))
            .finally(() => {
              this.#inFlight.delete(row.id);
              this.kick();
            });
          this.#inFlight.set(row.id, p);
        }
      }
    } catch (err) {
      if (!this.#stopped) this.#services.logger.warn({ err }, 'notification dispatcher: claiming failed; will try again');
    } finally {
      this.#ticking = false;
      this.#schedule(this.#again ? 0 : this.#config.pollIntervalMs);
    }
  }

  async #claim(limit: number): Promise<ClaimedRow[]> {
    const now = new Date();
    const free = { status: 'PENDING', nextAttemptAt: { lte: now }, OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }] };
    const due = await this.#services.db.reader.notification.findMany({ where: free, select: { id: true }, orderBy: [{ nextAttemptAt: 'asc' }, { seq: 'asc' }], take: limit * 2 });
    if (!due.length || this.#stopped) return [];
    return this.#services.db.write(async (tx) => {
      const won: string[] = [];
      for (const { id } of due) {
        if (won.length >= limit) break;
        const claimed = await tx.notification.updateMany({ where: { id, ...free }, data: { leaseOwner: this.worker, leaseExpiresAt: new Date(now.getTime() + this.leaseMs) } });
        if (claimed.count === 1) won.push(id);
      }
      return won.length ? tx.notification.findMany({ where: { id: { in: won } }, include: { webhook: true } }) : [];
    });
  }

  async #send(row: ClaimedRow): Promise<DeliveryOutcome> {
    const payload = JSON.parse(row.payload) as MailPayload | WebhookPayload;
    if (row.channel === 'EMAIL' && payload.kind === 'mail') {
      if (!this.#mail) return { ok: false, error: 'email is off: SMTP_URL is not set' };
      return this.#mail.send(row.id, payload, this.#abort.signal);
    }
    if (row.channel === 'WEBHOOK' && payload.kind === 'webhook') {
      const target = row.webhook ? { url: row.webhook.url, secret: row.webhook.secret } : null;
      return this.#webhooks.send(row.id, { ...payload, target }, this.#abort.signal);
    }
    return { ok: false, permanent: true, error: `nothing to send for channel ${row.channel}` };
  }

  async #deliver(row: ClaimedRow): Promise<void> {
    const startedAt = new Date();
    let outcome: DeliveryOutcome;
    let deadline: NodeJS.Timeout | undefined;
    try {
      // A hard bound on one attempt, below the lease, whatever the library's own timeouts do.
      const limit = this.#config.sendTimeoutMs * 2;
      outcome = await Promise.race([
        this.#send(row),
        new Promise<DeliveryOutcome>((resolve) => {
          deadline = setTimeout(() => resolve({ ok: false, error: `no result within ${limit} ms` }), limit);
        }),
      ]);
    } catch (err) {
      outcome = { ok: false, error: describeError(err) };
    } finally {
      clearTimeout(deadline);
    }
    await this.#record(row.id, startedAt, outcome);
  }

  async #record(id: string, startedAt: Date, outcome: DeliveryOutcome): Promise<void> {
    const finishedAt = new Date();
    const ctx: CommandContext = { services: this.#services, actor: DISPATCHER_ACTOR };
    await this.#services.db.write(async (tx, afterCommit) => {
      const current = await tx.notification.findUnique({ where: { id } });
      // The lease expired and another dispatcher owns the row now: its attempt is the one that counts.
      if (!current || current.leaseOwner !== this.worker) return;
      const attempts = current.attempts + 1;
      const failed = !outcome.ok && isFinalFailure(attempts, current.maxAttempts, Boolean(outcome.permanent));
      const status = outcome.ok ? 'DELIVERED' : failed ? 'FAILED' : 'PENDING';
      await tx.notificationAttempt.create({
        data: { notificationId: id, number: attempts, worker: this.worker, startedAt, finishedAt, outcome: outcome.ok ? 'DELIVERED' : failed ? 'FAILED' : 'RETRY', error: outcome.error ?? null },
      });
      const retryAt = new Date(finishedAt.getTime() + backoffDelayMs(attempts, this.#config.backoffBaseMs, this.#config.backoffMaxMs));
      await tx.notification.update({
        where: { id },
        data: {
          attempts,
          status,
          lastError: outcome.ok ? current.lastError : (outcome.error ?? 'failed'),
          deliveredAt: outcome.ok ? finishedAt : null,
          nextAttemptAt: status === 'PENDING' ? retryAt : current.nextAttemptAt,
          leaseOwner: null,
          leaseExpiresAt: null,
        },
      });
      if (status !== 'PENDING') {
        await recordActivity(tx, afterCommit, ctx, {
          subjectType: 'Notification',
          subjectId: id,
          activityType: outcome.ok ? 'notification_delivered' : 'notification_failed',
          description: `${current.channel} to ${current.target}: ${outcome.ok ? `delivered after ${attempts} attempt(s)` : `failed after ${attempts} attempt(s): ${outcome.error}`}`,
          details: { channel: current.channel, attempts, error: outcome.ok ? null : (outcome.error ?? null) },
        });
      }
    });
  }

  /** Stops claiming, lets deliveries in flight finish (they are bounded) and records them. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#unsubscribe?.();
    if (this.#timer) clearTimeout(this.#timer);
    this.#abort.abort();
    while (this.#ticking) await new Promise((r) => setTimeout(r, 5));
    await Promise.allSettled([...this.#inFlight.values()]);
    this.#mail?.close();
  }
}

export function startDispatcher(services: Services): Dispatcher | null {
  return services.config.notifications.dispatcher ? new Dispatcher(services).start() : null;
}
