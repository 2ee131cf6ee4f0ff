import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR, launchBrowser, type TestBrowser } from '../support/browser';
import { digestsTo, unsubscribeUrl } from './digest-fixture';
import { PASTED_MARKUP, playPortfolio, type PortfolioScenario } from './portfolio.scenario';

jest.setTimeout(180_000);

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
// Page-side code is passed as strings: this project compiles without the DOM library.
const OVERFLOW = 'document.documentElement.scrollWidth - document.documentElement.clientWidth';
const RIGHTMOST = `Math.max(...[...document.body.querySelectorAll('*')].map((el) => el.getBoundingClientRect().right))`;

/**
 * The digest Cadence actually mailed after five simulated weeks of four
 * vendors (not a hand-built model), opened in Chromium from the web version,
 * and its unsubscribe link used the way a person would.
 */
describe('The mailed digest in Chromium', () => {
  let scenario: PortfolioScenario;
  let browser: TestBrowser;
  let html: string;
  let requests: string[];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    scenario = await playPortfolio();
    const web = await scenario.app.api(
      'GET',
      `/api/v1/executives/${scenario.executive.id}/digest?week=2027-W10`,
    );
    expect(web.status).toBe(200);
    html = web.text;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await scenario?.close();
  });

  async function open(viewport: { width: number; height: number }): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize(viewport);
    requests = [];
    await page.route('**/*', async (route) => {
      requests.push(route.request().url());
      await route.abort();
    });
    await page.setContent(html, { waitUntil: 'load' });
    return page;
  }

  it('reads at desktop width, fetching nothing and running none of the pasted markup', async () => {
    const page = await open(DESKTOP);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'digest-live-desktop.png'), fullPage: true });
    expect(await page.locator('h1').innerText()).toBe('2 of 4 engagements need attention');
    expect(await page.evaluate<number>(OVERFLOW)).toBe(0);
    expect(requests).toEqual([]);
    expect(await page.evaluate<unknown>('window.__pwned')).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('body').innerText()).toContain(PASTED_MARKUP);
    await page.close();
  });

  it('fits a 390 px phone without horizontal scrolling', async () => {
    const page = await open(PHONE);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'digest-live-phone.png'), fullPage: true });
    expect(await page.evaluate<number>(OVERFLOW)).toBe(0);
    expect(await page.evaluate<number>(RIGHTMOST)).toBeLessThanOrEqual(PHONE.width);
    await page.close();
  });

  it('unsubscribes with the button behind the mail’s link, which opening alone does not', async () => {
    const [latest] = digestsTo(scenario.smtp, 'dana@acme.example').slice(-1);
    const link = unsubscribeUrl(latest.parsed);
    const page = await browser.context.newPage();
    await page.setViewportSize(PHONE);
    await page.goto(`${scenario.app.url}${link.pathname}`);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'digest-unsubscribe-confirm.png'), fullPage: true });
    const settings = async () =>
      (
        await scenario.app.api<{ subscribed: boolean }>(
          'GET',
          `/api/v1/executives/${scenario.executive.id}/digest-settings`,
        )
      ).body.subscribed;
    expect(await settings()).toBe(true);
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('h1').innerText()).toBe('You are unsubscribed');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'digest-unsubscribe-done.png'), fullPage: true });
    expect(await settings()).toBe(false);
    await page.close();
  });
});
