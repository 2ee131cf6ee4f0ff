import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ResolvedApiToken {
  token: string;
  /** Where the token came from, to tell the operator at start-up. */
  source: 'env' | 'file' | 'generated';
  file: string | null;
}

/**
 * `CADENCE_API_TOKEN` when set; otherwise the token stored in the data folder,
 * generated (256 bits from the CSPRNG, file mode 0600) on first start.
 */
export function resolveApiToken(configured: string | null, dataDir: string): ResolvedApiToken {
  if (configured !== null) return { token: configured, source: 'env', file: null };
  const file = join(dataDir, 'api-token');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 16) return { token: stored, source: 'file', file };
  }
  mkdirSync(dataDir, { recursive: true });
  const token = randomBytes(32).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { token, source: 'generated', file };
}

/** Compares in constant time (hashing first makes the lengths equal). */
export function tokensMatch(presented: string, expected: string): boolean {
  return digestMatches(presented, tokenDigest(expected));
}

/** The SHA-256 of a token (UTF-8): what {@link digestMatches} compares against. */
export function tokenDigest(token: string): Buffer {
  return hash('sha256', token, 'buffer');
}

/** {@link tokensMatch} against an expected token hashed once beforehand with {@link tokenDigest}. */
export function digestMatches(presented: string, expectedDigest: Buffer): boolean {
  return timingSafeEqual(tokenDigest(presented), expectedDigest);
}
