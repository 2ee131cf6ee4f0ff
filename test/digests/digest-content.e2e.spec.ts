import type { ParsedMail } from 'mailparser';
import { digestMessages, digestsTo } from './digest-fixture';
import { PASTED_MARKUP, playPortfolio, type PortfolioScenario } from './portfolio.scenario';

jest.setTimeout(120_000);

describe('A data-backed digest: five weeks of four vendors, then Monday 8 March 2027', () => {
  let scenario: PortfolioScenario;
  let mail: ParsedMail;
  let text: string;

  beforeAll(async () => {
    scenario = await playPortfolio();
    // One digest each Monday since the portfolio began, 1 February (W05) to 8 March (W10).
    const received = digestsTo(scenario.smtp, 'dana@acme.example');
    expect(received.map((m) => m.parsed.subject?.slice(0, 15))).toEqual(
      [5, 6, 7, 8, 9, 10].map((week) => `Cadence week ${week}:`.slice(0, 15)),
    );
    mail = received[received.length - 1].parsed;
    text = (mail.text ?? '').replace(/\r\n/g, '\n');
  });

  afterAll(async () => {
    await scenario.close();
  });

  it('goes out once a week, at 08:00 in New York', async () => {
    const messages = await digestMessages(scenario.app);
    expect(messages.map((m) => [m.idempotencyKey.split(':')[2], m.sentAt, m.status])).toEqual([
      ['2027-W05', '2027-02-01T13:00:00.000Z', 'sent'],
      ['2027-W06', '2027-02-08T13:00:00.000Z', 'sent'],
      // Monday 15 February is Presidents' Day: the digest waits for Tuesday morning.
      ['2027-W07', '2027-02-16T13:00:00.000Z', 'sent'],
      ['2027-W08', '2027-02-22T13:00:00.000Z', 'sent'],
      ['2027-W09', '2027-03-01T13:00:00.000Z', 'sent'],
      ['2027-W10', '2027-03-08T13:00:00.000Z', 'sent'],
    ]);
  });

  it('ranks the slipping vendor first and names the engagements that need attention', () => {
    const portfolio = text.slice(text.indexOf('PORTFOLIO'), text.indexOf('NEW FLAGS'));
    const order = ['Acme × Pune Sales', 'Acme × Manila CX'].map((name) => portfolio.indexOf(name));
    expect(order[0]).toBeGreaterThan(-1);
    expect(order[0]).toBeLessThan(order[1]);
    expect(mail.subject).toMatch(/^Cadence week 10: \d of 4 engagements need attention/);
  });

  it('lists last week’s misses, and the shutdown skip as a skip, not a miss', () => {
    const misses = text.slice(text.indexOf('MISSED OR LATE LAST WEEK'), text.indexOf('KPIS AGAINST TARGET'));
    expect(misses).toContain('Acme × Pune Sales');
    // Pune's report was due Thursday and has still not come.
    expect(misses).toMatch(/Acme × Pune Sales[^\n]*\n\s+- Weekly status: not received/);
    expect(misses).toMatch(/Weekly sync: did not happen/);
    expect(misses).toMatch(/Weekly status: \d+ h late/);
    // The text part wraps at 72 columns.
    expect(misses.replace(/\s+/g, ' ')).toMatch(/skipped for Office move \(vendor blackout\) — not a miss/);
    expect(misses).not.toContain('Acme × Manila CX');
  });

  it('shows KPIs against target from the latest reports, off target first', () => {
    const kpis = text.slice(text.indexOf('KPIS AGAINST TARGET'), text.indexOf('WHAT WENT WELL'));
    expect(kpis).toMatch(/Contact rate/);
    expect(kpis).toMatch(/not reported|off target|below/i);
    expect(kpis).toMatch(/Close rate 14\.6% \(≥ 12%\)/);
  });

  it('gives recognition, the open asks with their text as typed, and the holidays ahead per vendor', () => {
    expect(text).toContain('Night shift closed 40 deals');
    const asks = text.slice(text.indexOf('WAITING FOR AN ANSWER'), text.indexOf('COMING UP'));
    expect(asks.replace(/\s+/g, ' ')).toContain(`Approve the holiday staffing plan ${PASTED_MARKUP}`);
    expect(asks).toContain('Confirm Eid cover for the weekend queue');
    const ahead = text.slice(text.indexOf('COMING UP'));
    expect(ahead).toMatch(/Nile Contact Center[\s\S]*Eid al-Fitr/);
  });

  it('escapes the pasted markup in the HTML part', () => {
    const html = mail.html || '';
    expect(html).not.toContain(PASTED_MARKUP);
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;');
  });

  it('is served as the web version byte for byte', async () => {
    const web = await scenario.app.api(
      'GET',
      `/api/v1/executives/${scenario.executive.id}/digest?week=2027-W10`,
    );
    expect(web.status).toBe(200);
    expect(web.text).toBe(mail.html);
  });
});
