// The outbox: recordActivity() queues the webhook deliveries of every entry, and commands
// that mail call queueNotifications() inside their db.write() transaction, right after
// recordActivity(). The rows commit or roll back with the change;
// the dispatcher (dispatcher.ts) delivers them after commit. Nothing here does network I/O.
import type { ActivityEvent } from '../events/activity-bus.ts';
import type { AfterCommit, Database, Tx } from '../db/database.ts';
import type { CommandContext } from '../commands/command-context.ts';
import type { NotificationConfig } from '../config.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { randomUUID } from 'node:crypto';
import { insertRow, selectRows } from '../db/write-transaction.ts';
import { type ActivityType, DELIVERY_OUTCOME_TYPES } from '../domain/activity-types.ts';
import { headerText, isMailAddress } from '../domain/notifications.ts';
import { MailTemplates } from './templates.ts';

/** The mail as stored in Notification.payload (channel EMAIL). */
export interface MailPayload {
  kind: 'mail';
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Read from the blob store at delivery time; checked against size and checksum. */
  attachment: { key: string; filename: string; contentType: string; size: number; checksumSha256: string | null } | null;
}

/** The webhook call as stored in Notification.payload (channel WEBHOOK). */
export interface WebhookPayload {
  kind: 'webhook';
  event: string;
  /** The exact bytes that are signed and sent: the activity entry as JSON. */
  body: string;
}

export interface NotificationAbout {
  useCaseId?: string;
  modelId?: string;
}

const templateSets = new Map<string, MailTemplates>();
export function mailTemplates(config: NotificationConfig): MailTemplates {
  const key = config.templateDir ?? '';
  let set = templateSets.get(key);
  if (!set) templateSets.set(key, (set = new MailTemplates(config.templateDir)));
  return set;
}

/** The activity entry as webhook receivers get it. */
export function activityJson(entry: ActivityEvent): string {
  let details: unknown = {};
  try {
    details = JSON.parse(entry.details);
  } catch {
    details = entry.details;
  }
  return JSON.stringify({
    id: entry.id,
    seq: entry.seq,
    activityType: entry.activityType,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    description: entry.description,
    details,
    actor: entry.actor,
    createdAt: entry.createdAt instanceof Date ? entry.createdAt.toISOString() : entry.createdAt,
  });
}

// The dispatcher of this process registers here, so a commit that queued rows wakes it at
// once instead of at its next poll (other processes find the rows by polling).
const wakers = new WeakMap<Database, () => void>();
export function onNotificationsQueued(db: Database, wake: () => void): () => void {
  wakers.set(db, wake);
  return () => {
    if (wakers.get(db) === wake) wakers.delete(db);
  };
}

/**
 * Webhooks: one outbox row per webhook subscribed to this entry's type, in the caller's
 * transaction. recordActivity() calls it for every entry, so any activity type can be
 * subscribed to (src/domain/activity-types.ts). Plain cached statements
 * (src/db/write-transaction.ts), not Prisma: every write pays for this read of the (small,
 * usually empty) webhook table, and a Prisma query would open its interactive transaction.
 */
export async function queueWebhookDeliveries(
  tx: Tx,
  afterCommit: AfterCommit,
  ctx: CommandContext,
  entry: ActivityEvent,
  /** readWebhooks()'s answer, when the caller read it earlier in this transaction. */
  webhooks?: unknown[][],
): Promise<number> {
  if (DELIVERY_OUTCOME_TYPES.includes(entry.activityType as ActivityType)) return 0;
  const hooks = webhooks ?? (await readWebhooks(tx, entry.activityType));
  if (!hooks.length) return 0;
  const subscribed = hooks.filter((h) => subscribedEvents(h[2] as string).has(entry.activityType));
  if (!subscribed.length) return 0;
  const config = ctx.services.config.notifications;
  const body = activityJson(entry);
  const payload = JSON.stringify({ kind: 'webhook', event: entry.activityType, body } satisfies WebhookPayload);
  const subject = headerText(`${entry.activityType}: ${entry.description}`);
  const now = new Date();
  for (const [webhookId, url] of subscribed) {
    const row = bounded(config, { channel: 'WEBHOOK', target: url as string, subject, payload, status: 'PENDING', lastError: null });
    await insertRow(tx, 'Notification', {
      id: randomUUID(),
      ...row,
      status: row.status ?? 'PENDING',
      lastError: row.lastError ?? null,
      attempts: 0,
      maxAttempts: config.maxAttempts,
      nextAttemptAt: now,
      activityId: entry.id,
      useCaseId: entry.subjectType === 'UseCase' ? entry.subjectId : null,
      modelId: entry.subjectType === 'Model' ? entry.subjectId : null,
      webhookId: webhookId as string,
      createdAt: now,
      updatedAt: now,
    });
  }
  afterCommit(() => wakers.get(ctx.services.db)?.());
  return subscribed.length;
}

/**
 * The webhook table as queueWebhookDeliveries() reads it. recordActivity() reads it BEFORE it
 * INSERTs the activity entry: on PostgreSQL that INSERT takes the "ActivitySequence" row lock,
 * held until COMMIT, so every statement after it lengthens the time every other write waits.
 */
export async function readWebhooks(tx: Tx, activityType: string): Promise<unknown[][]> {
  // Delivery outcomes are never delivered by webhook (no loops): nothing to read.
  if (DELIVERY_OUTCOME_TYPES.includes(activityType as ActivityType)) return [];
  return selectRows(tx, 'Webhook', ['id', 'url', 'events']);
}

// Webhook.events is a JSON array; parsed once per distinct value, not on every write.
const parsedEvents = new Map<string, ReadonlySet<string>>();
function subscribedEvents(json: string): ReadonlySet<string> {
  let set = parsedEvents.get(json);
  if (!set) {
    let list: unknown = [];
    try {
      list = JSON.parse(json);
    } catch {
      // A hand-edited row that is not JSON subscribes to nothing.
    }
    set = new Set(Array.isArray(list) ? list.filter((e): e is string => typeof e === 'string') : []);
    if (parsedEvents.size > 1000) parsedEvents.clear();
    parsedEvents.set(json, set);
  }
  return set;
}

/** The team mail this activity entry calls for (default rules on use-case transitions), in the caller's transaction. */
export async function queueNotifications(
  tx: Tx,
  afterCommit: AfterCommit,
  ctx: CommandContext,
  entry: ActivityEvent,
  about: NotificationAbout = {},
): Promise<number> {
  const config = ctx.services.config.notifications;
  const now = new Date();
  const rows: RowData[] = [];
  const base = { activityId: entry.id, useCaseId: about.useCaseId ?? null, modelId: about.modelId ?? null, maxAttempts: config.maxAttempts, nextAttemptAt: now };

  // Email: a use case reaching a state that has a rule mails its team.
  const details = safeJson(entry.details);
  const to = typeof details.to === 'string' ? details.to : undefined;
  const template = entry.activityType === 'state_changed' && to ? config.emailRules[to] : undefined;
  if (template && config.smtpUrl && about.useCaseId) {
    let mail: MailRow | null;
    try {
      mail = await renderUseCaseMail(tx, config, template, about.useCaseId, entry, details);
    } catch (err) {
      // A broken template must not undo the change that triggered it: the row records why.
      mail = { channel: 'EMAIL', target: '(unrendered)', subject: template, payload: '{}', status: 'FAILED', lastError: `template ${template}: ${(err as Error).message}`.slice(0, 500) };
    }
    if (mail) rows.push({ ...base, ...mail });
  }

  for (const data of rows) await tx.notification.create({ data });
  if (rows.length) afterCommit(() => wakers.get(ctx.services.db)?.());
  return rows.length;
}

type RowData = Prisma.NotificationUncheckedCreateInput;
type MailRow = Pick<RowData, 'channel' | 'target' | 'subject' | 'payload' | 'status' | 'lastError'>;

/** A row whose payload exceeds NOTIFY_MAX_BYTES is written as FAILED, so the graph shows why nothing was sent. */
function bounded<R extends MailRow>(config: NotificationConfig, row: R): R {
  const size = Buffer.byteLength(row.payload as string);
  if (size <= config.maxBytes) return row;
  return { ...row, payload: '{}', status: 'FAILED', lastError: `notification is ${size} bytes, over NOTIFY_MAX_BYTES (${config.maxBytes})` };
}

function safeJson(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** User text shown in a mail is bounded so one long note cannot push the mail past its limit. */
const clip = (v: unknown, max = 4000) => (typeof v === 'string' ? (v.length > max ? `${v.slice(0, max)}…` : v) : v ?? null);

async function renderUseCaseMail(
  tx: Tx,
  config: NotificationConfig,
  template: string,
  useCaseId: string,
  entry: ActivityEvent,
  details: Record<string, unknown>,
): Promise<MailRow | null> {
  const useCase = await tx.useCase.findUnique({ where: { id: useCaseId } });
  if (!useCase) return null;
  const to = useCase.teamEmail;
  // The config template: the newest available CONFIG file of the use case, from the blob store.
  const file = template === 'awaiting-config'
    ? await tx.storedFile.findFirst({ where: { useCaseId, fileType: 'CONFIG', status: 'AVAILABLE' }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] })
    : null;
  const tooBig = file && Number(file.size) > config.maxAttachmentBytes;
  const attachment = file && !tooBig
    ? { key: file.key, filename: headerText(file.filename, 255), contentType: file.contentType, size: Number(file.size), checksumSha256: file.checksumSha256 }
    : null;
  let summary: string | null = null;
  if (useCase.evaluationSummary) {
    try {
      summary = JSON.stringify(JSON.parse(useCase.evaluationSummary), null, 2);
    } catch {
      summary = useCase.evaluationSummary;
    }
  }
  const view = {
    useCase: { id: useCase.id, name: clip(useCase.name, 500), teamEmail: to, state: useCase.state, description: clip(useCase.description) },
    transition: { from: details.from ?? null, to: details.to ?? null, notes: clip(details.notes), actor: entry.actor },
    summary: clip(summary, 20_000) ?? '(no summary recorded)',
    error: clip(details.notes) ?? '(no error message given)',
    attachment: attachment && { ...attachment },
    attachmentNote: tooBig ? `The configuration template (${file!.filename}, ${file!.size} bytes) is too large to attach; download it from opsgraph.` : null,
  };
  const mail = mailTemplates(config).render(template, view);
  const payload: MailPayload = { kind: 'mail', to, subject: mail.subject, text: mail.text, html: mail.html, attachment };
  const row: MailRow = { channel: 'EMAIL', target: to, subject: mail.subject, payload: JSON.stringify(payload) };
  if (!isMailAddress(to)) return { ...row, payload: '{}', status: 'FAILED', lastError: `"${headerText(to, 100)}" is not a deliverable address` };
  return bounded(config, row);
}
