import { PLACES } from '../factories/people.factory';
import { TEST_TOKEN, TestApp } from '../support/test-app';
import { executiveWithEngagement, touchpoints } from './digest-fixture';

const BUDGET = 'Approve the night-shift budget';
const PRICES = 'Send the new price list';

/** The digest's "Waiting for an answer" section, as text. */
function waitingSection(html: string): string {
  const text = html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/g, ' ')
    .replace(/\s+/g, ' ');
  const start = text.indexOf('Waiting for an answer from your side');
  expect(start).toBeGreaterThanOrEqual(0);
  return text.slice(start, start + 600);
}

describe('Digest: an answered ask stays answered when the vendor reorders the asks', () => {
  let app: TestApp;
  let executiveId: string;

  beforeAll(async () => {
    app = await TestApp.start({ clockStart: '2027-03-01T00:00:00Z' });
    const created = await executiveWithEngagement(
      app,
      { role: 'executive', ...PLACES.newYork, email: 'dana@acme.example', name: 'Dana' },
      { name: 'Acme × Manila CX', startsOn: '2027-03-01' },
    );
    executiveId = created.executive.id;
    const report = (await touchpoints(app, created.engagementId, '2027-03-01', '2027-03-07')).find(
      (t) => t.kind === 'status_report',
    );
    if (report === undefined) throw new Error('no report due in the first week');
    const submit = (asks: string[]) =>
      app.api('POST', `/api/v1/touchpoints/${report.id}/report`, {
        status: 'amber',
        kpis: { close_rate: 11 },
        highlights: 'Steady week',
        blockers: [],
        asks,
        nextWeekPlan: 'More of the same',
      });
    await app.advanceClock('2027-03-04T08:00:00Z');
    expect((await submit([BUDGET, PRICES])).status).toBe(200);
    const answered = await app.api('POST', `/api/v1/touchpoints/${report.id}/report/asks/1/answer`, {});
    expect(answered.status).toBeLessThan(300);
    // The vendor puts the price list first: its answer was given at position 1, now it is at 0.
    expect((await submit([PRICES, BUDGET])).status).toBe(200);
    // Monday 8 March, 08:00 in New York: the week-10 digest goes out.
    await app.advanceClock('2027-03-08T13:00:00Z');
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists only the ask nobody answered, as health does', async () => {
    const digest = await app.fetch(`/api/v1/executives/${executiveId}/digest?week=2027-W10`, {
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    });
    expect(digest.status).toBe(200);
    const waiting = waitingSection(digest.text);
    expect(waiting).toContain(BUDGET);
    expect(waiting).not.toContain(PRICES);
  });
});
