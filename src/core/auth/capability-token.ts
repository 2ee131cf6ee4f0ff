import { createHash, randomBytes } from 'node:crypto';

/**
 * Capability tokens: the secret in a link that is its own authorization (the
 * report form, the digest's web version, unsubscribe). The token lives only in
 * the link; the database keeps its hash.
 */

/** 32 bytes from the CSPRNG in base64url: 256 bits, 43 characters. */
const TOKEN_BYTES = 32;

/** What every capability token looks like: anything else is refused before a lookup. */
export const CAPABILITY_TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A fresh token: 32 random bytes, base64url (43 characters). */
export function newCapabilityToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** What the database keeps of a token: its SHA-256 (of the UTF-8 text), lower-case hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
