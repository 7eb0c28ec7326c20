// A real SMTP server on loopback (the smtp-server package: the SMTP protocol as a mail relay
// speaks it), for the notification tests. It can demand AUTH, refuse the first N messages with
// a 4xx (a greylisting or overloaded relay), and keeps every accepted message raw and parsed.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  raw: Buffer;
  parsed: ParsedMail;
  mailFrom: string;
  rcptTo: string[];
  user?: string;
}

export interface TestSmtpServer {
  port: number;
  received: ReceivedMail[];
  /** Messages still to refuse with 451 before accepting (change it at any time). */
  refuse: number;
  refused: number;
  /** How many AUTH attempts failed. */
  authFailures: number;
  close(): Promise<void>;
}

export async function startSmtpServer(options: { port?: number; user?: string; pass?: string; refuseFirst?: number } = {}): Promise<TestSmtpServer> {
  const state: TestSmtpServer = { port: 0, received: [], refuse: options.refuseFirst ?? 0, refused: 0, authFailures: 0, close: async () => {} };
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    authOptional: !options.user,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.pass) return callback(null, { user: auth.username });
      state.authFailures += 1;
      return callback(new Error('bad credentials'));
    },
    onRcptTo(_address, _session, callback) {
      if (state.refuse > 0) {
        state.refuse -= 1;
        state.refused += 1;
        const err = new Error('try again later') as Error & { responseCode: number };
        err.responseCode = 451;
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            state.received.push({
              raw,
              parsed,
              mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              rcptTo: session.envelope.rcptTo.map((r) => r.address),
              user: session.user as string | undefined,
            });
            callback();
          },
          (err: Error) => callback(err),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  state.port = (server.server.address() as { port: number }).port;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
