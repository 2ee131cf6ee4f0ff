/**
 * The outbox benchmark's SMTP server: smtp-server on 127.0.0.1 that takes every message and
 * only counts it (no parsing, no storing), in a process of its own so that it does not share
 * an event loop with the sender being measured. Answers `{ type: 'ready', url }` over IPC,
 * `{ type: 'count', count }` on `{ type: 'count' }`, and exits on `{ type: 'stop' }`.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

let count = 0;
const server = new SMTPServer({
  secure: false,
  disabledCommands: ['STARTTLS', 'AUTH'],
  authOptional: true,
  logger: false,
  // A reverse DNS lookup per connection (the pool reconnects every 100 messages) would time the resolver.
  disableReverseLookup: true,
  size: 10 * 1024 * 1024,
  onData: (stream, _session, callback) => {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      count += 1;
      callback(null, 'Queued');
    });
  },
});
server.on('error', () => undefined);
server.listen(0, '127.0.0.1', () => {
  const { port } = server.server.address() as AddressInfo;
  process.send?.({ type: 'ready', url: `smtp://127.0.0.1:${port}` });
});
process.on('message', (message: { type?: string }) => {
  if (message.type === 'count') process.send?.({ type: 'count', count });
  if (message.type === 'stop') server.close(() => process.exit(0));
});
