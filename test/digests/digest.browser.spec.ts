import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { DigestModel } from '../../src/digests/domain/digest.model';
import { renderDigest } from '../../src/digests/templates/digest.template';
import { ARTIFACTS_DIR, launchBrowser, type TestBrowser } from '../support/browser';
import {
  digestEngagement,
  digestModel,
  hostileDigestModel,
  realisticDigestModel,
} from './digest-model.factory';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

// Page-side code is passed as strings: this project compiles without the DOM library.
const OVERFLOW = 'document.documentElement.scrollWidth - document.documentElement.clientWidth';
const MAIN_WIDTH = `(() => {
  const main = [...document.querySelectorAll('table')].find((t) => t.style.maxWidth === '640px');
  return main ? main.getBoundingClientRect().width : -1;
})()`;
const RIGHTMOST = `Math.max(...[...document.body.querySelectorAll('*')].map((el) => el.getBoundingClientRect().right))`;
const PWNED = 'window.__pwned';
const HREFS = `[...document.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '')`;

describe('the weekly digest in Chromium', () => {
  let browser: TestBrowser;
  /** Every request a page tried to make beyond its own content: a digest must need none. */
  let requests: string[];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  async function open(model: DigestModel, viewport: { width: number; height: number }): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize(viewport);
    requests = [];
    await page.route('**/*', async (route) => {
      requests.push(route.request().url());
      await route.abort();
    });
    await page.setContent(renderDigest(model).html, { waitUntil: 'load' });
    return page;
  }

  async function horizontalOverflow(page: Page): Promise<number> {
    return page.evaluate<number>(OVERFLOW);
  }

  async function shoot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS_DIR, name), fullPage: true });
  }

  it('renders a realistic week at desktop width, centred at 640 px, fetching nothing', async () => {
    const model = realisticDigestModel();
    writeFileSync(join(ARTIFACTS_DIR, 'digest.html'), renderDigest(model).html);
    const page = await open(model, DESKTOP);
    await shoot(page, 'digest-desktop.png');

    const container = await page.evaluate<number>(MAIN_WIDTH);
    expect(container).toBe(640);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(requests).toEqual([]);
    expect(await page.locator('h1').innerText()).toBe('3 of 7 engagements need attention');
    await page.close();
  });

  it('fits a 390 px phone without horizontal scrolling', async () => {
    const page = await open(realisticDigestModel(), PHONE);
    await shoot(page, 'digest-phone.png');
    expect(await horizontalOverflow(page)).toBe(0);
    // Nothing inside spills out of the viewport either (overflow can hide in nested tables).
    const widest = await page.evaluate<number>(RIGHTMOST);
    expect(widest).toBeLessThanOrEqual(PHONE.width);
    await page.close();
  });

  it('keeps a long unbroken word (a pasted link) inside the phone layout', async () => {
    const long = `See https://sharepoint.example.com/sites/vendor/Shared%20Documents/${'x'.repeat(160)}`;
    const model = digestModel([
      digestEngagement({
        id: 'eng-long',
        band: 'watch',
        score: 65,
        name: `Acme × ${'Supercalifragilistic'.repeat(4)}`,
        openAsks: [{ text: long, askedAt: '2027-10-20T12:00:00Z', daysWaiting: 8 }],
      }),
    ]);
    const page = await open(model, PHONE);
    await shoot(page, 'digest-phone-long-words.png');
    expect(await horizontalOverflow(page)).toBe(0);
    await page.close();
  });

  it('shows injected HTML from report text as text, and runs none of it', async () => {
    const page = await browser.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.setContent(renderDigest(hostileDigestModel()).html, { waitUntil: 'load' });
    await shoot(page, 'digest-hostile.png');

    expect(await page.evaluate<unknown>(PWNED)).toBeUndefined();
    expect(dialogs).toEqual([]);
    // The markup people typed is on the page as text, not as elements.
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('[onerror]').count()).toBe(0);
    const text = await page.locator('body').innerText();
    expect(text).toContain('<script>window.__pwned = "script"</script>');
    expect(text).toContain(`<img src="x" onerror="window.__pwned = 'img'">`);
    expect(text).toContain('Q&A sign-off');
    // A javascript: link from the data is neutralised, and clicking it runs nothing.
    const hrefs = await page.evaluate<string[]>(HREFS);
    expect(hrefs.some((h) => h.toLowerCase().startsWith('javascript:'))).toBe(false);
    await page.close();
  });

  it('says an empty week in one line, at phone width', async () => {
    const page = await open(
      digestModel([digestEngagement({ id: 'a' }), digestEngagement({ id: 'b', name: 'Acme × Other' })]),
      PHONE,
    );
    await shoot(page, 'digest-empty-week-phone.png');
    expect(await page.locator('h2').count()).toBe(0);
    expect(await page.locator('body').innerText()).toContain('Nothing needs your attention');
    await page.close();
  });
});
