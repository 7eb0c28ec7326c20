// The replication stream of one slot: START_REPLICATION … LOGICAL (pgoutput) on a replication
// connection, decoded with pg-logical-replication's pgoutput parser.
//
// pg-logical-replication's own LogicalReplicationService is not used: its standby-status
// timer acknowledges the last position *received*, not the last one applied (a crash would
// then lose the transactions in between), and its acknowledge() reports lsn + 1 (a commit
// record starting exactly there would be skipped on restart). Here the caller decides what is
// acknowledged, and messages are handed over synchronously, one by one, in stream order.
import type pg from 'pg';
import { type Pgoutput, PgoutputPlugin } from 'pg-logical-replication';
import { quoteIdent, replicationClient } from './connections.ts';
import { formatLsn, type Lsn } from './lsn.ts';

export interface StreamHandler {
  /** One pgoutput message. Runs synchronously; a throw ends the stream (nothing acknowledged). */
  message(msg: Pgoutput.Message): void;
  /** The server's keepalive: everything up to `walEnd` has been sent. */
  keepalive(walEnd: Lsn, replyRequested: boolean): void;
}

interface WireConnection {
  sendCopyFromChunk(chunk: Buffer): void;
  on(event: 'copyData', fn: (m: { chunk: Buffer }) => void): void;
  once(event: 'replicationStart', fn: () => void): void;
}

// Microseconds between 1970-01-01 and 2000-01-01 (PostgreSQL's epoch).
const PG_EPOCH_US = 946_684_800_000_000n;

export class ReplicationStream {
  readonly #client: pg.Client;
  readonly #plugin: PgoutputPlugin;
  #connection: WireConnection | null = null;
  #failure: Error | null = null;
  #ended = false;
  #streaming = false;
  #connected = false;

  constructor(
    url: string,
    private readonly slot: string,
    publication: string,
    private readonly handler: StreamHandler,
  ) {
    this.#client = replicationClient(url, 'opsgraph-replica');
    this.#plugin = new PgoutputPlugin({ protoVersion: 1, publicationNames: [publication] });
  }

  /** Streams from `from` until stop() or a failure; rejects with the failure. `onStart`: the server began streaming. */
  async run(from: Lsn, onStart: () => void = () => {}): Promise<void> {
    this.#client.on('error', (err) => (this.#failure ??= err));
    await this.#client.connect();
    this.#connected = true;
    if (this.#ended) {
      // stop() came while connecting: never start streaming (the slot would stay taken).
      await this.#client.end().catch(() => {});
      return;
    }
    // pg's wire connection: the CopyData it receives and the CopyData we send.
    const connection = (this.#client as unknown as { connection: WireConnection }).connection;
    this.#connection = connection;
    // Status messages are CopyData: only once the server has switched to copy-both mode.
    connection.once('replicationStart', () => {
      this.#streaming = true;
      onStart();
    });
    connection.on('copyData', ({ chunk }: { chunk: Buffer }) => {
      if (this.#failure || this.#ended) return;
      try {
        this.#receive(chunk);
      } catch (err) {
        this.#failure = err as Error;
        // Ending the connection ends the query below; the failure is what run() reports.
        this.#client.end().catch(() => {});
      }
    });
    const options = `proto_version '1', publication_names '${this.#plugin.options.publicationNames.join(',').replaceAll("'", "''")}'`;
    try {
      await this.#client.query(`START_REPLICATION SLOT ${quoteIdent(this.slot)} LOGICAL ${formatLsn(from)} (${options})`);
    } catch (err) {
      if (!this.#ended || this.#failure) throw this.#failure ?? err;
      return;
    }
    if (this.#failure) throw this.#failure;
  }

  /**
   * Standby status: `flushed` is the position up to which everything is durably applied;
   * the server may discard WAL before it, and a restart resumes after it.
   */
  acknowledge(flushed: Lsn, requestReply = false): void {
    if (!this.#connection || !this.#streaming || this.#ended) return;
    const msg = Buffer.alloc(34);
    msg[0] = 0x72; // 'r'
    msg.writeBigUInt64BE(flushed, 1); // written
    msg.writeBigUInt64BE(flushed, 9); // flushed
    msg.writeBigUInt64BE(flushed, 17); // applied
    msg.writeBigInt64BE(BigInt(Date.now()) * 1000n - PG_EPOCH_US, 25);
    msg[33] = requestReply ? 1 : 0;
    this.#connection.sendCopyFromChunk(msg);
  }

  async stop(): Promise<void> {
    if (this.#ended) return;
    this.#ended = true;
    // Before the connection is up, run() ends it as soon as it is (see there).
    if (this.#connected) await this.#client.end().catch(() => {});
  }

  #receive(chunk: Buffer): void {
    if (chunk[0] === 0x77) {
      // XLogData: 'w', start, end, time, then the pgoutput message.
      const msg = this.#plugin.parse(chunk.subarray(25)) as Pgoutput.Message;
      if (msg.tag === 'relation') {
        // Keep PostgreSQL's text form of every value (./values.ts maps it): the parser's
        // default type parsers would turn a UTC timestamp into a local-time Date.
        for (const c of msg.columns) c.parser = (text: unknown) => text;
      }
      this.handler.message(msg);
    } else if (chunk[0] === 0x6b) {
      // Primary keepalive: 'k', walEnd, time, reply requested.
      this.handler.keepalive(chunk.readBigUInt64BE(1), chunk[17] === 1);
    }
  }
}
