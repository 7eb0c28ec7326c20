// Email over SMTP with nodemailer: the most used Node mail client, kept up to date, doing
// STARTTLS/SMTPS, AUTH, MIME multipart and header encoding (RFC 2047) so none of that is
// hand-written here. The Message-ID is the notification's id: every retry of one
// notification carries the same one, so a receiving system can drop a duplicate.
import { createHash } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import type { NotificationConfig } from '../config.ts';
import { redactUrls } from '../redact.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import { type DeliveryOutcome, describeError, type Sender } from './delivery.ts';
import type { MailPayload } from './outbox.ts';

export function messageIdFor(notificationId: string, mailFrom: string): string {
  return `<${notificationId}@${mailFrom.split('@')[1] ?? 'opsgraph'}>`;
}

async function readBounded(blobs: BlobStore, key: string, max: number): Promise<Buffer> {
  const stream = await blobs.get(key);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) {
      stream.destroy();
      throw new Error(`attachment ${key} is larger than NOTIFY_MAX_ATTACHMENT_BYTES (${max})`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export class MailSender implements Sender<MailPayload> {
  // nodemailer (~10 MB of modules) loads with the first message, not at start: most
  // gateways never send one (docs/performance.md, "Idle footprint").
  #transport: Promise<Transporter> | null = null;
  #closed = false;
  readonly #config: NotificationConfig & { smtpUrl: string };
  readonly #blobs: BlobStore;

  constructor(config: NotificationConfig & { smtpUrl: string }, blobs: BlobStore) {
    this.#config = config;
    this.#blobs = blobs;
  }

  #transporter(): Promise<Transporter> {
    const config = this.#config;
    this.#transport ??= import('nodemailer').then(({ createTransport }) =>
      createTransport({
        url: config.smtpUrl,
        connectionTimeout: config.sendTimeoutMs,
        greetingTimeout: config.sendTimeoutMs,
        socketTimeout: config.sendTimeoutMs,
        // Content comes only from the payload: never let a message part name a file or URL to read.
        disableFileAccess: true,
        disableUrlAccess: true,
        logger: false,
      }),
    );
    return this.#transport;
  }

  async send(notificationId: string, mail: MailPayload, signal: AbortSignal): Promise<DeliveryOutcome> {
    let attachment: { filename: string; content: Buffer; contentType: string } | null = null;
    if (mail.attachment) {
      const content = await readBounded(this.#blobs, mail.attachment.key, this.#config.maxAttachmentBytes);
      const sum = createHash('sha256').update(content).digest('hex');
      if (mail.attachment.checksumSha256 && sum !== mail.attachment.checksumSha256) {
        return { ok: false, error: `attachment ${mail.attachment.key} does not match its recorded checksum` };
      }
      attachment = { filename: mail.attachment.filename, content, contentType: mail.attachment.contentType };
    }
    if (signal.aborted || this.#closed) return { ok: false, error: 'stopped before sending' };
    try {
      const transport = await this.#transporter();
      await transport.sendMail({
        from: { name: 'opsgraph', address: this.#config.mailFrom },
        // Address objects and an explicit envelope: the recipient is one mailbox, never parsed from text.
        to: { name: '', address: mail.to },
        envelope: { from: this.#config.mailFrom, to: [mail.to] },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: messageIdFor(notificationId, this.#config.mailFrom),
        headers: { 'X-Opsgraph-Notification': notificationId },
        attachments: attachment ? [attachment] : [],
      });
      return { ok: true };
    } catch (err) {
      const code = (err as { responseCode?: number }).responseCode;
      return { ok: false, permanent: typeof code === 'number' && code >= 500 && code < 600, error: redactUrls(describeError(err)) };
    }
  }

  close(): void {
    this.#closed = true;
    // A transport that never loaded has nothing to close (its error went to that send).
    this.#transport?.then((t) => t.close(), () => undefined);
  }
}
