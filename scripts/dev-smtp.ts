// `npm run mail:dev [-- PORT]`: a local SMTP server for trying notifications by hand. It accepts
// every message on 127.0.0.1 (default port 2525, no TLS, any or no credentials), prints its
// headers, text part and attachments (with SHA-256), and saves the raw message as .eml under
// ./data/mail/. Start opsgraph with SMTP_URL=smtp://127.0.0.1:2525 to send to it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const port = Number(process.argv.slice(2).find((a) => a !== '--') ?? 2525);
const dir = path.resolve('data', 'mail');
fs.mkdirSync(dir, { recursive: true });

const server = new SMTPServer({
  logger: false,
  disabledCommands: ['STARTTLS'],
  authOptional: true,
  allowInsecureAuth: true,
  onAuth: (_auth, _session, callback) => callback(null, { user: 'dev' }),
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', async () => {
      const raw = Buffer.concat(chunks);
      const mail = await simpleParser(raw);
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.eml`);
      fs.writeFileSync(file, raw);
      console.log(`\n=== ${file}\nFrom: ${mail.from?.text}\nTo: ${[mail.to].flat().map((t) => t?.text).join(', ')}\nSubject: ${mail.subject}\nMessage-ID: ${mail.messageId}\n\n${mail.text ?? ''}`);
      for (const a of mail.attachments) {
        console.log(`[attachment] ${a.filename} ${a.contentType} ${a.size} bytes sha256 ${crypto.createHash('sha256').update(a.content).digest('hex')}`);
      }
      callback();
    });
  },
});
server.listen(port, '127.0.0.1', () => console.log(`dev SMTP server on smtp://127.0.0.1:${port}; messages are saved in ${dir}`));
