import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { API_TOKEN } from '../core/auth/api-token.provider';
import type { ResolvedApiToken } from '../core/auth/api-token';

const NONCE_SHAPE = /^[A-Za-z0-9_-]{22}$/;

/**
 * Stateless CSRF protection for the vendor form (a double submit bound to the link):
 *
 * - opening the form sets a random nonce in a `SameSite=Strict`, `HttpOnly`
 *   cookie scoped to `/r/` (or keeps the one the browser already has);
 * - the form carries `HMAC(key, tokenHash . nonce)` in a hidden field;
 * - a POST is accepted only with that cookie and that field, so it must come
 *   from a page this server rendered for this very link, in this browser. A
 *   cross-site POST arrives without the cookie; a field from another link's
 *   form does not match this link.
 *
 * The key is derived from the API token, which every instance shares, so any
 * instance verifies what another rendered and nothing is stored.
 */
@Injectable()
export class FormCsrfService {
  private readonly key: Buffer;

  constructor(@Inject(API_TOKEN) apiToken: ResolvedApiToken) {
    // A derived key: the API token itself never touches a form.
    this.key = createHmac('sha256', apiToken.token).update('cadence:report-form-csrf:v1').digest();
  }

  /** 128 random bits for a browser that has no nonce yet. */
  newNonce(): string {
    return randomBytes(16).toString('base64url');
  }

  isNonce(value: string | null): value is string {
    return value !== null && NONCE_SHAPE.test(value);
  }

  /** The hidden field's value for one link (by its hash) in one browser (by its nonce). */
  fieldFor(tokenHash: string, nonce: string): string {
    return createHmac('sha256', this.key).update(`${tokenHash}.${nonce}`).digest('base64url');
  }

  verify(tokenHash: string, nonce: string | null, field: string | null): boolean {
    if (!this.isNonce(nonce) || field === null) return false;
    const expected = Buffer.from(this.fieldFor(tokenHash, nonce));
    const given = Buffer.from(field);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
