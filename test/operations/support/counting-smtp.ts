import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server for process-level tests that only counts: every accepted
 * message by its Message-ID (Cadence sets it from the outbox id, so a
 * re-delivery carries the same one). No parsing beyond the header, so tens of
 * thousands of messages cost little. Can answer slowly, to make sends last.
 */
export class CountingSmtpServer {
  /** Message-ID → how many times it was accepted. */
  readonly received = new Map<string, number>();
  /** Subjects by Message-ID, for tests that tell kinds of message apart. */
  readonly subjects = new Map<string, string>();
  private latencyMs = 0;

  private constructor(
    private readonly server: SMTPServer,
    readonly url: string,
  ) {}

  static async start(): Promise<CountingSmtpServer> {
    let fake: CountingSmtpServer | null = null;
    const server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      size: 10 * 1024 * 1024,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const head = raw.slice(0, raw.indexOf('\r\n\r\n') >>> 0);
          const id = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? `(none ${raw.length})`;
          const subject = /^Subject:\s*(.*)$/im.exec(head)?.[1] ?? '';
          const accept = (): void => {
            fake?.received.set(id, (fake.received.get(id) ?? 0) + 1);
            fake?.subjects.set(id, subject);
            callback(null, 'Queued by the counting fake');
          };
          const delay = fake?.latencyMs ?? 0;
          // Unref'd: a send the test abandoned must not keep jest alive.
          if (delay > 0) setTimeout(accept, delay).unref();
          else accept();
        });
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const port = (server.server.address() as AddressInfo).port;
    fake = new CountingSmtpServer(server, `smtp://127.0.0.1:${port}`);
    return fake;
  }

  /** Every later message is answered `ms` after its data arrives. */
  answerAfter(ms: number): void {
    this.latencyMs = ms;
  }

  /** Distinct messages accepted. */
  get distinct(): number {
    return this.received.size;
  }

  /** Messages accepted more than once, with how many times. */
  duplicates(): [string, number][] {
    return [...this.received.entries()].filter(([, count]) => count > 1);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
