import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FakeSmtpServer, type ReceivedEmail } from '../fakes/smtp.fake';
import { ARTIFACTS_DIR, launchBrowser, type TestBrowser } from '../support/browser';
import { TestApp } from '../support/test-app';
import { linkPath, reportEngagement, reportTouchpoint, type ReportFixture } from './report-test-kit';

/** Typed into every text field: it must be stored as typed and never run anywhere it is shown. */
const PAYLOAD = `<script>window.__pwned = 1; alert('script')</script><img src=x onerror="window.__pwned = 2; alert('img')"> & "quotes"`;

// Page-side code is passed as strings: this project compiles without the DOM library.
const PWNED = 'window.__pwned';
const IMAGES = 'document.images.length';
const MAIN_MAX_WIDTH = "getComputedStyle(document.querySelector('main')).maxWidth";
const PAGE_WIDTH = 'document.documentElement.scrollWidth';

interface Watch {
  dialogs: string[];
  errors: string[];
  /** Everything fetched besides pages, the stylesheet and the favicon Chromium always asks for. */
  fetched: string[];
}

/**
 * Records every dialog (dismissed at once), console error (a CSP refusal is
 * one), page error and unexpected fetch (an injected <img src=x> would be
 * one): none may happen. A 400 page or a missing favicon is logged by
 * Chromium as "Failed to load resource", which is not a problem here.
 */
function watch(page: Page): Watch {
  const seen: Watch = { dialogs: [], errors: [], fetched: [] };
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (
      request.resourceType() !== 'document' &&
      path !== '/assets/report-form.css' &&
      path !== '/favicon.ico'
    ) {
      seen.fetched.push(request.url());
    }
  });
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      seen.errors.push(message.text());
    }
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  return seen;
}

/** Nothing ran, no image was made of typed text, nothing was refused by the CSP or broke. */
async function expectInert(page: Page, seen: Watch): Promise<void> {
  expect(await page.evaluate<unknown>(PWNED)).toBeUndefined();
  expect(await page.evaluate<number>(IMAGES)).toBe(0);
  expect(seen.dialogs).toEqual([]);
  expect(seen.errors).toEqual([]);
  expect(seen.fetched).toEqual([]);
}

const REPORT_LINK = /https?:\/\/\S+\/r\/[A-Za-z0-9_-]{43}/;

/** The report request among whatever else arrived (the executive's weekly digest goes out too). */
async function reportRequest(smtp: FakeSmtpServer): Promise<ReceivedEmail> {
  for (let count = 1; ; count++) {
    const request = (await smtp.waitFor(count)).find((m) => REPORT_LINK.test(m.parsed.text ?? ''));
    if (request) return request;
  }
}

async function submit(page: Page, label: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: label }).click()]);
}

describe('The report form in a real browser', () => {
  let smtp: FakeSmtpServer;
  let app: TestApp;
  let browser: TestBrowser;
  let fixture: ReportFixture;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    smtp = await FakeSmtpServer.start();
    app = await TestApp.start({ env: { SMTP_URL: smtp.url }, clockStart: '2027-03-22T00:00:00Z' });
    fixture = await reportEngagement(app, { name: `Acme ${PAYLOAD} Manila CX` });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await smtp?.close();
  });

  it('opens the link from the e-mail, shows errors next to the fields with the input kept, then confirms', async () => {
    const id = await reportTouchpoint(app, fixture, '2027-03-26T09:00:00Z', {
      requestAt: '2027-03-25T09:00:00Z',
    });
    await app.advanceClock('2027-03-25T09:00:00Z');
    const mail = await reportRequest(smtp);
    const link = REPORT_LINK.exec(mail.parsed.text ?? '')?.[0];
    if (link === undefined) throw new Error('no link in the request e-mail');
    // PUBLIC_URL names no real port in tests: the same path, on the address the app listens on.
    const url = `${app.url}${new URL(link).pathname}`;

    const page = await browser.context.newPage();
    const seen = watch(page);
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toBe('Weekly status');
    expect(await page.locator('dl.facts').innerText()).toContain(
      'Fri, Mar 26, 2027, 5:00 PM GMT+8 (Asia/Manila)',
    );
    // The stylesheet came through the CSP: a 42rem column.
    expect(await page.evaluate<string>(MAIN_MAX_WIDTH)).toBe('672px');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'report-form-desktop.png'), fullPage: true });

    await page.getByLabel('Close rate (%)').fill('twelve and a half');
    await page.getByLabel('What went well this period').fill('Close rate up.\nTwo new agents trained.');
    await page.getByLabel('New blocker 1').fill('CRM access');
    await page.getByLabel('Ask 1').fill('Approve the holiday plan');
    await submit(page, 'Send report');

    expect(await page.locator('.error-summary').innerText()).toContain('The report was not sent');
    expect(await page.locator('#f-status-error').innerText()).toBe('is required: choose green, amber or red');
    // Next to the field: inside the same field block as the input it is about.
    const kpiField = page.locator('.field', { has: page.locator('#f-kpis-close_rate') });
    expect(await kpiField.locator('.field-error').innerText()).toBe('must be a number, e.g. 12.5');
    expect(await page.getByLabel('Close rate (%)').inputValue()).toBe('twelve and a half');
    expect(await page.getByLabel('Close rate (%)').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('What went well this period').inputValue()).toBe(
      'Close rate up.\nTwo new agents trained.',
    );
    expect(await page.getByLabel('New blocker 1').inputValue()).toBe('CRM access');
    expect(await page.getByLabel('Ask 1').inputValue()).toBe('Approve the holiday plan');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'report-form-errors.png'), fullPage: true });

    await page.getByLabel('Green: on track').check();
    await page.getByLabel('Close rate (%)').fill('12.5');
    await submit(page, 'Send report');
    expect(page.url()).toBe(`${url}/sent`);
    const confirmation = await page.locator('main').innerText();
    expect(confirmation).toContain('Thank you: your report was received');
    expect(confirmation).toContain('12.5%');
    expect(confirmation).toContain('Close rate up.\nTwo new agents trained.');
    expect(confirmation).toContain('CRM access');
    expect(confirmation).toContain('Approve the holiday plan');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'report-form-confirmation.png'), fullPage: true });
    await expectInert(page, seen);

    const stored = await app.api<{ status: string; kpis: Record<string, number>; highlights: string }>(
      'GET',
      `/api/v1/touchpoints/${id}/report`,
    );
    expect(stored.body).toMatchObject({ status: 'green', kpis: { close_rate: 12.5 } });
    // Browsers send a textarea's line breaks as CRLF: that is what was typed, as far as a server can know.
    expect(stored.body.highlights).toBe('Close rate up.\r\nTwo new agents trained.');
    await page.close();
  });

  it('fits a 390 px wide phone', async () => {
    const id = await reportTouchpoint(app, fixture, '2027-04-02T09:00:00Z');
    const phone = await launchBrowser({ viewport: { width: 390, height: 844 } });
    try {
      const page = await phone.context.newPage();
      const seen = watch(page);
      await page.goto(`${app.url}${await linkPath(app, id)}`);
      // No sideways scrolling, and the button spans the column.
      expect(await page.evaluate<number>(PAGE_WIDTH)).toBeLessThanOrEqual(390);
      const button = await page.getByRole('button', { name: 'Send report' }).boundingBox();
      expect(button?.width).toBeGreaterThan(300);
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'report-form-phone.png'), fullPage: true });
      await expectInert(page, seen);
    } finally {
      await phone.close();
    }
  });

  it('stores markup typed into every field as typed, and never runs it anywhere it is shown', async () => {
    const id = await reportTouchpoint(app, fixture, '2027-04-09T09:00:00Z');
    const next = await reportTouchpoint(app, fixture, '2027-04-16T09:00:00Z');
    const page = await browser.context.newPage();
    const seen = watch(page);
    const formUrl = `${app.url}${await linkPath(app, id)}`;
    await page.goto(formUrl);
    await expectInert(page, seen);

    const fields = ['What went well this period', 'New blocker 1', 'Ask 1', 'What you plan to do next'];
    // First with an error, so that everything comes back inside the form.
    await page.getByLabel('Close rate (%)').fill(PAYLOAD);
    for (const label of fields) await page.getByLabel(label).fill(PAYLOAD);
    await submit(page, 'Send report');
    expect(await page.locator('#f-kpis-close_rate-error').isVisible()).toBe(true);
    for (const label of ['Close rate (%)', ...fields]) {
      expect(await page.getByLabel(label).inputValue()).toBe(PAYLOAD);
    }
    await expectInert(page, seen);

    await page.getByLabel('Red: off track, needs help').check();
    await page.getByLabel('Close rate (%)').fill('9');
    await submit(page, 'Send report');
    expect(page.url()).toMatch(/\/sent$/);
    // The engagement name, the highlights, the blocker, the ask and the plan: five times, as text.
    expect((await page.locator('main').innerText()).split(PAYLOAD).length - 1).toBe(5);
    await expectInert(page, seen);

    // The form again, filled with what was stored.
    await page.goto(formUrl);
    expect(await page.getByLabel('What went well this period').inputValue()).toBe(PAYLOAD);
    expect(await page.getByLabel('New blocker 1').inputValue()).toBe(PAYLOAD);
    await expectInert(page, seen);

    // Next week's form brings the blocker back, to resolve or carry over.
    await page.goto(`${app.url}${await linkPath(app, next)}`);
    expect(await page.locator('.carried .blocker-text').allInnerTexts()).toEqual(['CRM access', PAYLOAD]);
    await expectInert(page, seen);

    const stored = await app.api<{
      highlights: string;
      blockers: { text: string; carriedFrom: string | null }[];
      asks: { text: string }[];
      nextWeekPlan: string;
    }>('GET', `/api/v1/touchpoints/${id}/report`);
    expect(stored.body.highlights).toBe(PAYLOAD);
    // The first report's blocker came along as carried; the new one is the payload.
    expect(stored.body.blockers.map((b) => [b.text, b.carriedFrom === null])).toEqual([
      ['CRM access', false],
      [PAYLOAD, true],
    ]);
    expect(stored.body.asks.map((a) => a.text)).toEqual([PAYLOAD]);
    expect(stored.body.nextWeekPlan).toBe(PAYLOAD);

    await page.close();

    // The request e-mail (its engagement name holds the payload), on a blank page: no CSP to hide behind.
    const html = (await reportRequest(smtp)).parsed.html;
    if (typeof html !== 'string') throw new Error('the request e-mail has no HTML part');
    const mail = await browser.context.newPage();
    const mailSeen = watch(mail);
    await mail.setContent(html, { waitUntil: 'load' });
    expect(await mail.locator('body').innerText()).toContain(`Acme ${PAYLOAD} Manila CX`);
    await expectInert(mail, mailSeen);
    await mail.close();
  });
});
