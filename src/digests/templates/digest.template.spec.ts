import { escapeHtml } from '../../notifications/email/html';
import {
  DANA,
  digestEngagement,
  digestModel,
  HOSTILE,
  hostileDigestModel,
  realisticDigestModel,
} from '../../../test/digests/digest-model.factory';
import { renderDigest } from './digest.template';

// Gmail cuts off a message whose HTML passes about 102 KB, hiding the footer with the unsubscribe link.
const GMAIL_CLIP_BYTES = 102 * 1024;

/** Text as it appears in the HTML part: escaped. */
function inHtml(text: string): string {
  return escapeHtml(text);
}

/** Markup with the formatter's line breaks and indentation squeezed out, for matching. */
function flat(markup: string): string {
  return markup.replace(/\s+/g, ' ').replace(/\s*([<>])\s*/g, '$1');
}

describe('renderDigest', () => {
  describe('subject line', () => {
    it('gives the week, how many need attention and the worst engagement when it is strained or at risk', () => {
      expect(renderDigest(realisticDigestModel()).subject).toBe(
        'Cadence week 44: 3 of 7 engagements need attention · Acme × Cairo Support strained',
      );
    });

    it('names no engagement when the worst is only on watch', () => {
      const model = digestModel([
        digestEngagement({ id: 'a' }),
        digestEngagement({ id: 'b', band: 'watch', score: 70 }),
      ]);
      expect(renderDigest(model).subject).toBe('Cadence week 44: 1 of 2 engagements needs attention');
    });

    it('says all is on track in a quiet week, and handles an empty portfolio', () => {
      expect(
        renderDigest(digestModel([digestEngagement({ id: 'a' }), digestEngagement({ id: 'b' })])).subject,
      ).toBe('Cadence week 44: all 2 engagements are on track');
      expect(renderDigest(digestModel([digestEngagement()])).subject).toBe(
        'Cadence week 44: your engagement is on track',
      );
      expect(renderDigest(digestModel([])).subject).toBe(
        'Cadence week 44: no engagements in your portfolio yet',
      );
    });

    it('shortens a long engagement name and keeps it on one line', () => {
      const name = `Acme Holdings International × Manila\nCustomer Experience Partners Outsourcing`;
      const subject = renderDigest(
        digestModel([digestEngagement({ name, band: 'strained', score: 30 })]),
      ).subject;
      expect(subject).not.toMatch(/\n/);
      expect(subject).toMatch(/· Acme Holdings International × Manila Cu…\s?strained$/);
    });
  });

  describe('escaping', () => {
    const hostile = renderDigest(hostileDigestModel());

    it('escapes script tags, event-handler attributes, ampersands and quotes in the HTML part', () => {
      expect(hostile.html).not.toMatch(/<script/i);
      expect(hostile.html).not.toMatch(/<img/i);
      // Only tags matter: the escaped text does say onerror=, harmlessly.
      expect(hostile.html).not.toMatch(/<[a-z][^>]*\sonerror=/i);
      expect(hostile.html).toContain('&lt;script&gt;window.__pwned = &quot;script&quot;&lt;/script&gt;');
      expect(hostile.html).toContain(
        '&lt;img src=&quot;x&quot; onerror=&quot;window.__pwned = &#39;img&#39;&quot;&gt;',
      );
      expect(hostile.html).toContain('Q&amp;A sign-off');
      expect(hostile.html).toContain('&quot;double&quot; and &#39;single&#39;');
    });

    it('never lets a javascript: URL from the data into an href', () => {
      expect(hostile.html).not.toMatch(/href="\s*javascript:/i);
      expect(hostile.html).toContain('href="about:blank"');
    });

    it('keeps the same text intact in the plain-text part', () => {
      expect(hostile.text).toContain(HOSTILE.script);
      expect(hostile.text).toContain(HOSTILE.img);
      expect(hostile.text).toContain(HOSTILE.amp);
      expect(hostile.text).toContain(HOSTILE.quotes);
      expect(hostile.text).not.toContain('&amp;');
      expect(hostile.text).not.toContain('&lt;');
    });

    it('escapes the subject inside <title> but leaves the subject itself as text', () => {
      expect(hostile.subject).toBe(
        'Cadence week 44: 3 of 7 engagements need attention · Acme & Sons <script>window.__pwned = "s… strained',
      );
      expect(hostile.html).toContain(
        '<title>Cadence week 44: 3 of 7 engagements need attention · Acme &amp; Sons &lt;script&gt;window.__pwned = &quot;s… strained</title>',
      );
    });
  });

  describe('HTML that mail clients keep', () => {
    const { html } = renderDigest(realisticDigestModel());

    it('uses inline styles only: no style sheet, no classes, no scripts, no images, nothing remote', () => {
      expect(html).not.toMatch(/<style/i);
      expect(html).not.toMatch(/\sclass=/i);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img/i);
      expect(html).not.toMatch(/src="http/i);
      expect(html).not.toMatch(/<link\s/i);
      expect(html).not.toMatch(/url\(/i);
    });

    it('declares its language and marks every table as layout or as an image', () => {
      expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en-US">/);
      const tables = html.match(/<table[^>]*>/g) ?? [];
      expect(tables.length).toBeGreaterThan(10);
      for (const table of tables) expect(table).toMatch(/role="(presentation|img)"/);
      for (const chart of tables.filter((t) => t.includes('role="img"')))
        expect(chart).toMatch(/aria-label="Last 8 weeks: /);
    });

    it('is one 640 px column that is fluid below that', () => {
      expect(html).toContain('width="100%" style="max-width:640px;margin:0 auto"');
    });

    it('stays well under the size at which Gmail clips a message, even for twenty busy engagements', () => {
      expect(Buffer.byteLength(html)).toBeLessThan(GMAIL_CLIP_BYTES / 2);
      const busy = realisticDigestModel().engagements;
      const twenty = Array.from({ length: 20 }, (_, i) => ({
        ...busy[i % busy.length],
        id: `e${i}`,
        name: `Engagement ${i}`,
      }));
      expect(Buffer.byteLength(renderDigest(digestModel(twenty)).html)).toBeLessThan(GMAIL_CLIP_BYTES);
    });

    it('renders the same bytes for the same model, so the web version matches the email', () => {
      expect(renderDigest(realisticDigestModel())).toEqual(renderDigest(realisticDigestModel()));
    });
  });

  describe('content', () => {
    const model = realisticDigestModel();
    const { html, text } = renderDigest(model);

    it('opens with the one-line summary', () => {
      expect(flat(html)).toContain('>3 of 7 engagements need attention</h1>');
      expect(text.split('\n').slice(0, 5)).toEqual([
        'CADENCE · WEEKLY DIGEST',
        expect.stringMatching(/^Week 44 · Nov 1\s–\s7, 2027$/),
        '',
        '3 of 7 engagements need attention',
        '1 strained · 1 at risk · 1 watch · 4 healthy',
      ]);
    });

    it('lists the portfolio worst first in both parts', () => {
      const order = [
        'Acme × Cairo Support',
        'Acme × Bogotá Telesales',
        'Acme × Kraków Ad Ops',
        'Acme × Riyadh Collections',
        'Acme × Cebu Chat',
        'Acme × Pune Lead Qualification',
        'Acme × Manila Voice',
      ];
      const positions = (doc: string): number[] => order.map((name) => doc.indexOf(name));
      for (const doc of [html, text]) {
        const at = positions(doc);
        expect(at.every((p) => p >= 0)).toBe(true);
        expect([...at].sort((a, b) => a - b)).toEqual(at);
      }
      expect(text).toContain('1. Acme × Cairo Support');
      expect(text).toContain('7. Acme × Manila Voice');
    });

    it('shows trend arrows with words for screen readers and in the text part', () => {
      expect(html).toContain('aria-label="down 21 points in 4 weeks"');
      expect(flat(html)).toContain('▼ −21</span>');
      expect(html).toContain('aria-label="up 12 points in 4 weeks"');
      expect(flat(html)).toContain('▶ ±0</span>');
      expect(text).toContain('STRAINED · 38 · ▼ −21 (down 21 points in 4 weeks)');
      expect(text).toContain('Last 8 weeks: 79 80 82 82 81 82 – 82');
    });

    it('carries every piece of people’s text and evidence in both parts', () => {
      const pieces = model.engagements.flatMap((e) => [
        e.name,
        e.vendorName,
        ...e.newFlags.map((f) => f.message),
        ...e.highlights.map((h) => h.message),
        ...e.openAsks.map((a) => a.text),
        ...e.disruptions.map((d) => d.label),
        ...e.holidaySkips.map((s) => s.reason),
        ...e.kpis.map((k) => k.label),
      ]);
      expect(pieces.length).toBeGreaterThan(40);
      // The text part wraps lines, so compare with runs of whitespace collapsed.
      const flatText = text.replace(/\s+/g, ' ');
      for (const piece of pieces) {
        expect(html).toContain(inHtml(piece));
        expect(flatText).toContain(piece);
      }
    });

    it('shows the Diwali skip as a skip, not as a miss', () => {
      expect(html).toContain('Skipped for holidays — not misses');
      expect(html).toContain('Weekly status, Fri, Oct 29, skipped for Diwali (IN) — not a miss.');
      expect(text.replace(/\s+/g, ' ')).toContain(
        'Acme × Pune Lead Qualification: Weekly status, Fri, Oct 29, skipped for Diwali (IN) — not a miss.',
      );
      const missedSection = text.slice(
        text.indexOf('MISSED OR LATE LAST WEEK'),
        text.indexOf('Skipped for holidays'),
      );
      expect(missedSection).not.toContain('Pune');
    });

    it('shows times in the executive’s zone and locale', () => {
      expect(text).toContain('Weekly sync: did not happen, Tue, Oct 26, 9:00 AM EDT');
      const london = renderDigest({
        ...model,
        executive: { name: 'Sam', zone: 'Europe/London', locale: 'en-GB' },
      });
      expect(london.text).toContain('Weekly sync: did not happen, Tue 26 Oct, 14:00 BST');
      expect(london.text).toContain('Times are in');
      expect(london.text).toContain('(Europe/London)');
      expect(london.html).toMatch(/<html lang="en-GB">/);
    });

    it('groups the disruptions of the next two weeks per vendor, soonest first, naming both engagements of a shared vendor', () => {
      const coming = text.slice(text.indexOf('COMING UP'));
      const vendors = [
        'Andes Televentas',
        'Vistula Ad Operations',
        'Manila CX Partners',
        'Nile Contact Center',
        'Najd Business Services',
      ];
      const at = vendors.map((v) => coming.indexOf(`\n${v}\n`));
      expect(at.every((p) => p > 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(coming.replace(/\s+/g, ' ')).toContain(
        "Mon, Nov 1: Holiday: All Saints' Day (PH). Monday status report is due Tuesday instead (Acme × Cebu Chat, Acme × Manila Voice)",
      );
      expect(coming.replace(/\s+/g, ' ')).toContain('Sun, Nov 7: Clock change: US clocks go back.');
    });

    it('ends with the web version and unsubscribe links in both parts', () => {
      expect(html).toContain(`<a href="${model.links.unsubscribe}"`);
      expect(html).toContain(`<a href="${inHtml(model.links.webVersion)}"`);
      expect(text.trimEnd().split('\n').slice(-2)).toEqual([
        `View in your browser: ${model.links.webVersion}`,
        `Unsubscribe: ${model.links.unsubscribe}`,
      ]);
    });
  });

  describe('an empty week', () => {
    const quiet = digestModel([
      digestEngagement({ id: 'a', name: 'Acme × Manila Voice' }),
      digestEngagement({
        id: 'b',
        name: 'Acme × Pune Leads',
        holidaySkips: [{ title: 'Weekly status', date: '2027-10-29', reason: 'Diwali (IN)' }],
      }),
    ]);
    const { html, text } = renderDigest(quiet);
    const line =
      'All 2 engagements are healthy and nothing changed last week: no flags, no misses, no open asks. Nothing needs your attention.';

    it('says so in one line instead of empty tables', () => {
      expect(html).toContain(`Hi ${DANA.name}. ${line}`);
      expect(html).not.toMatch(/<h2/);
      expect(html).not.toContain('role="img"');
      expect(text.replace(/\s+/g, ' ')).toContain(`Hi ${DANA.name}. ${line}`);
      expect(text).not.toContain('PORTFOLIO');
      expect(text).not.toContain('NEW FLAGS');
    });

    it('still carries the web version and unsubscribe links', () => {
      expect(html).toContain('Unsubscribe from the weekly digest');
      expect(text).toContain(`Unsubscribe: ${quiet.links.unsubscribe}`);
    });

    it('has a line for an empty portfolio too', () => {
      const none = renderDigest(digestModel([]));
      expect(none.text.replace(/\s+/g, ' ')).toContain(
        'There are no engagements in your portfolio yet, so there is nothing to report.',
      );
      expect(none.html).not.toMatch(/<h2/);
    });
  });
});
