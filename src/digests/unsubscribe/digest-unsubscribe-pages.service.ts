import { Injectable } from '@nestjs/common';
import { DigestUnsubscribeService, UnsubscribeLinkUnknown } from './digest-unsubscribe.service';
import {
  confirmUnsubscribePage,
  notOneClickPage,
  unknownLinkPage,
  unsubscribedPage,
  type UnsubscribePage,
} from './unsubscribe-page.view';

/**
 * The two requests behind a digest's unsubscribe link, answered as pages:
 * GET shows who the link is for and a button, and changes nothing; POST with
 * `List-Unsubscribe=One-Click` (what mail clients send blind, and what the
 * button sends) stops the digest.
 */
@Injectable()
export class DigestUnsubscribePagesService {
  constructor(private readonly unsubscribes: DigestUnsubscribeService) {}

  async confirm(token: string): Promise<UnsubscribePage> {
    return this.answer(async () => confirmUnsubscribePage(await this.unsubscribes.resolve(token)));
  }

  async unsubscribe(token: string, body: unknown): Promise<UnsubscribePage> {
    return this.answer(async () => {
      if (!isOneClick(body)) {
        // Still say nothing about the token itself when it is unknown.
        await this.unsubscribes.resolve(token);
        return notOneClickPage();
      }
      return unsubscribedPage(await this.unsubscribes.unsubscribe(token));
    });
  }

  private async answer(work: () => Promise<UnsubscribePage>): Promise<UnsubscribePage> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof UnsubscribeLinkUnknown) return unknownLinkPage();
      throw error;
    }
  }
}

/** RFC 8058: the body of a one-click unsubscribe is `List-Unsubscribe=One-Click`. */
function isOneClick(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const value = (body as Record<string, unknown>)['List-Unsubscribe'];
  return value === 'One-Click' || (Array.isArray(value) && value.includes('One-Click'));
}
