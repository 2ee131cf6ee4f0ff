import type { AddressInfo, Socket } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** One message as the fake received it: the envelope, the raw bytes and mailparser's view. */
export interface ReceivedEmail {
  /** MAIL FROM of the SMTP envelope. */
  from: string;
  /** RCPT TO addresses the fake accepted for this message. */
  recipients: string[];
  raw: Buffer;
  parsed: ParsedMail;
  /** SMTP session id, to tell messages sent over one connection from those over several. */
  sessionId: string;
}

/** Where a scripted failure answers: at RCPT TO, after DATA, or by dropping the connection after DATA. */
export type SmtpFailureStage = 'rcpt' | 'data';

interface ScriptedFailure {
  code: number;
  message: string;
  stage: SmtpFailureStage;
  /** RCPT only: reject just this address (a partial rejection). */
  recipient?: string;
}

interface Waiter {
  count: number;
  resolve: () => void;
  reject: (err: Error) => void;
}

export interface FakeSmtpServerOptions {
  /** When set, clients must log in (PLAIN or LOGIN, no TLS) with these credentials. */
  auth?: { user: string; pass: string };
}

/**
 * A real SMTP server on 127.0.0.1 for tests: a random port, no TLS, optional
 * plain auth. It keeps every message it accepted, parsed, and can be told to
 * answer 4xx/5xx, to drop a connection after taking the message, or to go down
 * (connections refused) and come back on the same port.
 */
export class FakeSmtpServer {
  readonly messages: ReceivedEmail[] = [];
  /** Messages whose bytes arrived but whose connection the fake dropped before answering. */
  readonly dropped: ReceivedEmail[] = [];

  private server: SMTPServer | null = null;
  private port = 0;
  private readonly oneShot: ScriptedFailure[] = [];
  private persistent: ScriptedFailure | null = null;
  private dropNext = 0;
  private hangUps = 0;
  private stallNext = 0;
  /** TCP connections accepted so far, including the ones hung up on. */
  connectionCount = 0;
  private readonly sockets = new Set<Socket>();
  private waiters: Waiter[] = [];
  /** Errors the server reported (a client that vanished, say); kept for debugging a failing test. */
  readonly errors: Error[] = [];

  private constructor(private readonly options: FakeSmtpServerOptions) {}

  /** Starts a fake on a random free port of 127.0.0.1. */
  static async start(options: FakeSmtpServerOptions = {}): Promise<FakeSmtpServer> {
    const fake = new FakeSmtpServer(options);
    await fake.start();
    return fake;
  }

  get url(): string {
    const auth = this.options.auth
      ? `${encodeURIComponent(this.options.auth.user)}:${encodeURIComponent(this.options.auth.pass)}@`
      : '';
    return `smtp://${auth}127.0.0.1:${this.port}`;
  }

  /** All messages the server took in, delivered or dropped. */
  get received(): number {
    return this.messages.length + this.dropped.length;
  }

  /** Answers the next matching command with `code` once (RCPT by default). */
  rejectNext(
    code: number,
    message = 'Rejected by the fake',
    options: { at?: SmtpFailureStage; recipient?: string } = {},
  ): void {
    this.oneShot.push({ code, message, stage: options.at ?? 'rcpt', recipient: options.recipient });
  }

  /** Answers every RCPT (or DATA) with `code` until called with null. */
  failWith(code: number | null, options: { at?: SmtpFailureStage; message?: string } = {}): void {
    this.persistent =
      code === null
        ? null
        : { code, stage: options.at ?? 'rcpt', message: options.message ?? `Failing with ${code}` };
  }

  /**
   * Reads the next message in full, then destroys the connection instead of
   * answering 250: the client cannot know the server has the message, which is
   * exactly when a retrying client sends a duplicate.
   */
  dropConnectionAfterNextData(): void {
    this.dropNext++;
  }

  /** Reads the next message and then never answers, like a server that hangs mid-transaction. */
  stallNextData(): void {
    this.stallNext++;
  }

  /**
   * Accepts the next `count` TCP connections and closes them before the SMTP
   * greeting, like a server that is overloaded or restarting.
   */
  hangUpOnConnect(count = 1): void {
    this.hangUps += count;
  }

  /** Resolves once `count` messages have been delivered, or rejects after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 5000): Promise<ReceivedEmail[]> {
    if (this.messages.length < count) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          reject(
            new Error(`expected ${count} message(s) within ${timeoutMs} ms, got ${this.messages.length}`),
          );
        }, timeoutMs);
        const waiter: Waiter = {
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
          reject: (err) => {
            clearTimeout(timer);
            reject(err);
          },
        };
        this.waiters.push(waiter);
      });
    }
    return this.messages.slice(0, count);
  }

  /** Starts listening; after `stop()` it comes back on the same port. */
  async start(): Promise<void> {
    if (this.server) return;
    const server = this.createServer();
    server.on('error', (err: Error) => this.errors.push(err));
    // Prepended so a hang-up happens before smtp-server writes its greeting.
    server.server.prependListener('connection', (socket: Socket) => {
      this.connectionCount++;
      if (this.hangUps > 0) {
        this.hangUps--;
        socket.destroy();
        return;
      }
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        server.server.off('error', reject);
        resolve();
      });
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Goes down at once: open connections are cut and new ones are refused. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
    // smtp-server would give clients its close timeout to leave; a server that
    // is "down" cuts them off.
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await closed;
  }

  /** Stops for good and fails anyone still waiting for messages. */
  async close(): Promise<void> {
    await this.stop();
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.reject(new Error('the fake SMTP server was closed'));
  }

  private createServer(): SMTPServer {
    const { auth } = this.options;
    return new SMTPServer({
      secure: false,
      // No TLS here: without this nodemailer would try STARTTLS with a self-signed certificate.
      disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      authOptional: !auth,
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN'],
      logger: false,
      onAuth: (credentials, _session, callback) => {
        if (auth && credentials.username === auth.user && credentials.password === auth.pass) {
          callback(null, { user: credentials.username });
        } else {
          callback(Object.assign(new Error('Invalid credentials'), { responseCode: 535 }));
        }
      },
      onRcptTo: (address, _session, callback) => {
        const failure = this.takeFailure('rcpt', address.address);
        callback(failure ? smtpError(failure) : null);
      },
      onData: (stream, session, callback) => {
        this.receive(stream, session).then(
          (message) => {
            if (this.stallNext > 0) {
              this.stallNext--;
              return;
            }
            if (this.dropNext > 0) {
              this.dropNext--;
              this.dropped.push(message);
              this.dropSession(session.id);
              return;
            }
            const failure = this.takeFailure('data');
            if (failure) {
              callback(smtpError(failure));
              return;
            }
            this.messages.push(message);
            this.notify();
            callback(null, 'Queued by the fake');
          },
          (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
        );
      },
    });
  }

  private async receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<ReceivedEmail> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const parsed = await simpleParser(raw);
    const from = session.envelope.mailFrom;
    return {
      from: from ? from.address : '',
      recipients: session.envelope.rcptTo.map((r) => r.address),
      raw,
      parsed,
      sessionId: session.id,
    };
  }

  private takeFailure(stage: SmtpFailureStage, recipient?: string): ScriptedFailure | null {
    const index = this.oneShot.findIndex(
      (f) => f.stage === stage && (f.recipient === undefined || f.recipient === recipient),
    );
    if (index >= 0) return this.oneShot.splice(index, 1)[0] ?? null;
    return this.persistent?.stage === stage ? this.persistent : null;
  }

  private dropSession(sessionId: string): void {
    for (const connection of this.server?.connections ?? []) {
      if (connection.session.id === sessionId) connection._socket.destroy();
    }
  }

  private notify(): void {
    const ready = this.waiters.filter((w) => this.messages.length >= w.count);
    this.waiters = this.waiters.filter((w) => this.messages.length < w.count);
    for (const waiter of ready) waiter.resolve();
  }
}

function smtpError(failure: ScriptedFailure): Error {
  return Object.assign(new Error(failure.message), { responseCode: failure.code });
}
