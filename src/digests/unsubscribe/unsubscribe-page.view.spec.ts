import { createHash } from 'node:crypto';
import {
  confirmUnsubscribePage,
  notOneClickPage,
  unknownLinkPage,
  UNSUBSCRIBE_PAGE_HEADERS,
  unsubscribedPage,
} from './unsubscribe-page.view';

const subject = {
  executiveId: 'e1',
  name: 'Dana <b>Whitfield</b>',
  email: 'dana@acme.example',
  unsubscribed: false,
};

describe('unsubscribe pages', () => {
  it('carry a CSP whose style hash is the page’s own stylesheet, and no script', () => {
    for (const page of [
      confirmUnsubscribePage(subject),
      unsubscribedPage(subject),
      unknownLinkPage(),
      notOneClickPage(),
    ]) {
      const style = /<style>([\s\S]*?)<\/style>/.exec(page.html)?.[1] ?? '';
      const hash = createHash('sha256').update(style).digest('base64');
      expect(UNSUBSCRIBE_PAGE_HEADERS['content-security-policy']).toContain(`style-src 'sha256-${hash}'`);
      expect(page.html).not.toMatch(/<script/i);
    }
  });

  it('asks before unsubscribing, with RFC 8058’s own form field, and escapes the name', () => {
    const page = confirmUnsubscribePage(subject);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<input type="hidden" name="List-Unsubscribe" value="One-Click" />');
    expect(page.html).toContain('Dana &lt;b&gt;Whitfield&lt;/b&gt;');
  });

  it('says so instead of asking again once unsubscribed', () => {
    const page = confirmUnsubscribePage({ ...subject, unsubscribed: true });
    expect(page.html).toContain('You are unsubscribed');
    expect(page.html).not.toContain('<form');
  });

  it('answers 404 and 400 with pages that reveal nothing about the token', () => {
    expect(unknownLinkPage().status).toBe(404);
    expect(notOneClickPage().status).toBe(400);
  });
});
