import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** Names this process in claims and logs: host, pid and a random suffix (pids repeat across restarts). */
export const INSTANCE_ID = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
