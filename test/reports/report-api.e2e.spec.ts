import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Touchpoint } from '../../src/cadences/touchpoint.entity';
import type { ErrorBody } from '../../src/core/errors/http-exception.filter';
import { DomainEvents } from '../../src/core/events/domain-events';
import { newReportCadence, newTouchpoint } from '../factories/touchpoints.factory';
import { TestApp } from '../support/test-app';
import { reportEngagement, reportTouchpoint, type ReportFixture } from './report-test-kit';

interface ReportBody {
  touchpointId: string;
  status: string;
  kpis: Record<string, number>;
  highlights: string;
  blockers: { id: string; text: string; status: string; carriedFrom: string | null; firstSeenAt: string }[];
  asks: { text: string }[];
  nextWeekPlan: string;
  late: boolean;
  dueAt: string;
  submittedAt: string;
  updatedAt: string;
  revision: number;
  editableUntil: string;
  submittedByPersonId: string | null;
}

const GOOD = {
  status: 'green',
  kpis: { close_rate: 12.5 },
  highlights: 'Close rate up after the new script.',
  blockers: [{ text: 'CRM access for two new agents', status: 'open' }],
  asks: ['Approve the holiday staffing plan'],
  nextWeekPlan: 'Night shift on the new script.',
};

describe('The report API', () => {
  let app: TestApp;
  let fixture: ReportFixture;
  const submitted: { touchpointId: string; engagementId: string }[] = [];

  const post = <T = ReportBody>(touchpointId: string, body: unknown) =>
    app.api<T>('POST', `/api/v1/touchpoints/${touchpointId}/report`, body);
  const touchpointRow = (id: string) =>
    app.app.get(DataSource).getRepository(Touchpoint).findOneByOrFail({ id });

  beforeAll(async () => {
    app = await TestApp.start({ clockStart: '2027-03-22T00:00:00Z' });
    app.app.get(DomainEvents).on('report.submitted', async (event) => {
      submitted.push({ touchpointId: event.touchpointId, engagementId: event.engagementId });
    });
    fixture = await reportEngagement(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('stores a report sent as JSON, answers it, marks the touchpoint submitted and tells the other features', async () => {
    // Due Fri 2027-03-26 17:00 in Manila.
    const id = await reportTouchpoint(app, fixture, '2027-03-26T09:00:00Z');
    const result = await post(id, GOOD);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      touchpointId: id,
      status: 'green',
      kpis: { close_rate: 12.5 },
      highlights: GOOD.highlights,
      blockers: [
        {
          text: 'CRM access for two new agents',
          status: 'open',
          carriedFrom: null,
          firstSeenAt: '2027-03-26T09:00:00.000Z',
        },
      ],
      asks: [{ text: 'Approve the holiday staffing plan' }],
      nextWeekPlan: GOOD.nextWeekPlan,
      late: false,
      dueAt: '2027-03-26T09:00:00.000Z',
      submittedAt: '2027-03-22T00:00:00.000Z',
      revision: 1,
      submittedByPersonId: null,
      // No next report planned yet: one week after this one's due time.
      editableUntil: '2027-04-02T09:00:00.000Z',
    });
    const read = await app.api<ReportBody>('GET', `/api/v1/touchpoints/${id}/report`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(result.body);
    expect(await touchpointRow(id)).toMatchObject({
      status: 'submitted',
      submittedAt: new Date('2027-03-22T00:00:00.000Z'),
    });
    expect(submitted).toContainEqual({ touchpointId: id, engagementId: fixture.engagement.id });
  });

  it('stores text exactly as typed, markup and all', async () => {
    const id = await reportTouchpoint(app, fixture, '2027-04-30T09:00:00Z');
    const typed = `  <script>alert("x")</script> & <img src=x onerror=alert(1)>\r\n\n  ünïcödé 👍 `;
    const result = await post(id, {
      ...GOOD,
      highlights: typed,
      blockers: [{ text: typed, status: 'resolved' }],
      asks: [typed],
      nextWeekPlan: typed,
    });
    expect(result.status).toBe(200);
    const read = await app.api<ReportBody>('GET', `/api/v1/touchpoints/${id}/report`);
    expect(read.body.highlights).toBe(typed);
    expect(read.body.blockers[0]?.text).toBe(typed);
    expect(read.body.asks[0]?.text).toBe(typed);
    expect(read.body.nextWeekPlan).toBe(typed);
  });

  it('answers 400 naming every bad field, and stores nothing', async () => {
    const id = await reportTouchpoint(app, fixture, '2027-05-07T09:00:00Z');
    const result = await post<ErrorBody>(id, {
      status: 'purple',
      kpis: { close_rate: '12', bogus: 1 },
      highlights: 'bell \u0007 character',
      blockers: [
        { text: '   ', status: 'open' },
        { text: 'x', status: 'stuck' },
        { carriedFrom: randomUUID(), status: 'open' },
      ],
      asks: ['fine', ''],
      nextWeekPlan: 'x'.repeat(5001),
    });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('VALIDATION_FAILED');
    expect(result.body.error.fields).toEqual({
      status: 'is required: choose green, amber or red',
      'kpis.close_rate': 'must be a number',
      'kpis.bogus': 'is not a KPI of this engagement',
      highlights: 'must not contain control characters or broken Unicode',
      'blockers.0.text': 'must not be empty',
      'blockers.1.status': 'must be open or resolved',
      'blockers.2.carriedFrom': 'is not an open blocker of the last report',
      'asks.1': 'must not be empty',
      nextWeekPlan: 'must be at most 5000 characters (it has 5001)',
    });
    expect((await app.api('GET', `/api/v1/touchpoints/${id}/report`)).status).toBe(404);
    expect((await touchpointRow(id)).status).toBe('pending');
    // A NUL byte may be refused at the edge before the report rules see it; either way it names the field.
    const nul = await post<ErrorBody>(id, { ...GOOD, highlights: 'nul \u0000 byte' });
    expect(nul.status).toBe(400);
    expect(nul.body.error.fields?.highlights).toBeDefined();
  });

  it('answers 400 for a body of the wrong shape, never a 500', async () => {
    const id = await reportTouchpoint(app, fixture, '2027-05-14T09:00:00Z');
    const wrongTypes = await post<ErrorBody>(id, {
      status: 3,
      kpis: [1],
      blockers: 'none',
      asks: [1],
      extra: true,
    });
    expect(wrongTypes.status).toBe(400);
    expect(Object.keys(wrongTypes.body.error.fields ?? {}).sort()).toEqual([
      'asks',
      'blockers',
      'extra',
      'kpis',
      'status',
    ]);
    const missing = await post<ErrorBody>(id, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual({
      status: 'is required: choose green, amber or red',
      'kpis.close_rate': 'is required: enter a number (%)',
    });
    const nested = await post<ErrorBody>(id, { ...GOOD, blockers: ['text'] });
    expect(nested.status).toBe(400);
  });

  it('answers 404 for an unknown touchpoint, and 404 for a report not sent yet', async () => {
    const unknown = randomUUID();
    const postUnknown = await post<ErrorBody>(unknown, GOOD);
    expect(postUnknown.status).toBe(404);
    expect(postUnknown.body.error.code).toBe('TOUCHPOINT_NOT_FOUND');
    expect((await app.api('GET', `/api/v1/touchpoints/${unknown}/report`)).status).toBe(404);
    expect((await app.api('POST', `/api/v1/touchpoints/${unknown}/report-link`)).status).toBe(404);
    const id = await reportTouchpoint(app, fixture, '2027-05-21T09:00:00Z');
    const notYet = await app.api<ErrorBody>('GET', `/api/v1/touchpoints/${id}/report`);
    expect(notYet.status).toBe(404);
    expect(notYet.body.error.code).toBe('REPORT_NOT_FOUND');
  });

  it('answers 409 when the touchpoint is a meeting, or was withdrawn', async () => {
    const meetings = await newReportCadence(app, { engagementId: fixture.engagement.id, kind: 'meeting' });
    const meeting = await newTouchpoint(app, {
      engagementId: fixture.engagement.id,
      cadenceId: meetings.id,
      kind: 'meeting',
      at: '2027-03-24T14:00:00Z',
    });
    const asReport = await post<ErrorBody>(meeting.id, GOOD);
    expect(asReport.status).toBe(409);
    expect(asReport.body.error.code).toBe('NOT_A_REPORT');
    expect((await app.api<ErrorBody>('POST', `/api/v1/touchpoints/${meeting.id}/report-link`)).status).toBe(
      409,
    );

    const skipped = await reportTouchpoint(app, fixture, '2027-05-28T09:00:00Z', {
      status: 'skipped',
      adjustmentReason: 'Eid al-Adha (PH)',
    });
    const toSkipped = await post<ErrorBody>(skipped, GOOD);
    expect(toSkipped.status).toBe(409);
    expect(toSkipped.body.error).toMatchObject({
      code: 'REPORT_SKIPPED',
      message: expect.stringContaining('Eid al-Adha'),
    });
  });

  it('refuses a body that is not JSON with 415, and a call without the token with 401', async () => {
    const id = await reportTouchpoint(app, fixture, '2027-06-04T09:00:00Z');
    const form = await app.api<ErrorBody>('POST', `/api/v1/touchpoints/${id}/report`, 'status=green', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    expect(form.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await app.api('POST', `/api/v1/touchpoints/${id}/report`, GOOD, { token: null })).status).toBe(
      401,
    );
    expect(
      (await app.api('GET', `/api/v1/touchpoints/${id}/report`, undefined, { token: null })).status,
    ).toBe(401);
    expect(
      (await app.api('POST', `/api/v1/touchpoints/${id}/report-link`, undefined, { token: null })).status,
    ).toBe(401);
  });

  it('issues a fresh link bound to a vendor contact, expiring 14 days after the due time', async () => {
    const id = await reportTouchpoint(app, fixture, '2027-06-11T09:00:00Z');
    const link = await app.api<{ url: string; expiresAt: string; personId: string }>(
      'POST',
      `/api/v1/touchpoints/${id}/report-link`,
    );
    expect(link.status).toBe(201);
    expect(link.body.url).toMatch(new RegExp(`^${app.config.server.publicUrl}/r/[A-Za-z0-9_-]{43}$`));
    expect(link.body).toMatchObject({
      expiresAt: '2027-06-25T09:00:00.000Z',
      personId: fixture.vendorContact.id,
    });
    const another = await app.api<{ url: string }>('POST', `/api/v1/touchpoints/${id}/report-link`, {
      personId: fixture.vendorContact.id,
    });
    expect(another.body.url).not.toBe(link.body.url);
    const stranger = await app.api<ErrorBody>('POST', `/api/v1/touchpoints/${id}/report-link`, {
      personId: fixture.engagement.accountManagerId,
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.fields).toEqual({ personId: 'must be a vendor contact of this engagement' });
  });

  it('documents the report shape in the OpenAPI document', async () => {
    const doc = await app.fetch<{
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    }>('/docs/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/touchpoints/{id}/report', '/api/v1/touchpoints/{id}/report-link']),
    );
    expect(Object.keys(doc.body.paths)).not.toContain('/r/{token}');
    expect(Object.keys(doc.body.components.schemas.SubmitReportDto?.properties ?? {}).sort()).toEqual([
      'asks',
      'blockers',
      'highlights',
      'kpis',
      'nextWeekPlan',
      'status',
    ]);
    expect(Object.keys(doc.body.components.schemas.ReportBlockerDto?.properties ?? {}).sort()).toEqual([
      'carriedFrom',
      'status',
      'text',
    ]);
  });

  describe('over several weeks', () => {
    let weekly: ReportFixture;

    beforeAll(async () => {
      weekly = await reportEngagement(app, { name: 'Acme × Kraków Sales' });
    });

    it('brings last report’s open blockers back: carried unless resolved, with where they began', async () => {
      const first = await reportTouchpoint(app, weekly, '2027-03-26T09:00:00Z');
      const second = await reportTouchpoint(app, weekly, '2027-04-02T09:00:00Z');
      const third = await reportTouchpoint(app, weekly, '2027-04-09T09:00:00Z');
      const one = await post(first, {
        ...GOOD,
        blockers: [
          { text: 'CRM access', status: 'open' },
          { text: 'Dialer licences', status: 'open' },
          { text: 'Old VPN', status: 'resolved' },
        ],
      });
      const [crm, dialer] = one.body.blockers;

      const two = await post(second, {
        ...GOOD,
        blockers: [
          { carriedFrom: dialer?.id, status: 'resolved' },
          { text: 'Data export', status: 'open' },
        ],
      });
      expect(two.status).toBe(200);
      expect(
        two.body.blockers.map(({ text, status, carriedFrom, firstSeenAt }) => ({
          text,
          status,
          carriedFrom,
          firstSeenAt,
        })),
      ).toEqual([
        {
          text: 'Dialer licences',
          status: 'resolved',
          carriedFrom: dialer?.id,
          firstSeenAt: '2027-03-26T09:00:00.000Z',
        },
        { text: 'Data export', status: 'open', carriedFrom: null, firstSeenAt: '2027-04-02T09:00:00.000Z' },
        // Not mentioned: it comes back, still open, rather than silently disappearing.
        { text: 'CRM access', status: 'open', carriedFrom: crm?.id, firstSeenAt: '2027-03-26T09:00:00.000Z' },
      ]);

      const twice = await post<ErrorBody>(third, {
        ...GOOD,
        blockers: [
          { carriedFrom: crm?.id, status: 'open' },
          { carriedFrom: two.body.blockers[2]?.id, status: 'open' },
        ],
      });
      // The third report's "last report" is the second one: the first report's ids are not open blockers there.
      expect(twice.status).toBe(400);
      expect(twice.body.error.fields).toEqual({
        'blockers.0.carriedFrom': 'is not an open blocker of the last report',
      });
    });

    it('keeps a report editable until the next one is due, then answers 409', async () => {
      const before = await reportTouchpoint(app, weekly, '2027-04-16T09:00:00Z');
      await reportTouchpoint(app, weekly, '2027-04-23T09:00:00Z');
      const sent = await post(before, GOOD);
      expect(sent.body.editableUntil).toBe('2027-04-23T09:00:00.000Z');

      await app.advanceClock('2027-04-23T08:59:00Z');
      const edited = await post(before, { ...GOOD, status: 'amber', highlights: 'Changed my mind.' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        status: 'amber',
        highlights: 'Changed my mind.',
        revision: 2,
        submittedAt: sent.body.submittedAt,
        updatedAt: '2027-04-23T08:59:00.000Z',
        late: false,
      });
      // Editing does not make its blockers look new.
      expect(edited.body.blockers.map((b) => b.id)).toEqual(sent.body.blockers.map((b) => b.id));
      // Nor does it move the touchpoint's first submission.
      expect((await touchpointRow(before)).submittedAt).toEqual(new Date(sent.body.submittedAt));

      await app.advanceClock('2027-04-23T09:00:00Z');
      const closed = await post<ErrorBody>(before, GOOD);
      expect(closed.status).toBe(409);
      expect(closed.body.error.code).toBe('REPORT_CLOSED');
      expect((await app.api<ReportBody>('GET', `/api/v1/touchpoints/${before}/report`)).body.status).toBe(
        'amber',
      );
      expect((await app.api('POST', `/api/v1/touchpoints/${before}/report-link`)).status).toBe(409);
    });

    it('accepts a report after its due time plus grace and marks it late, on the touchpoint too', async () => {
      const due = await reportTouchpoint(app, weekly, '2027-04-30T09:00:00Z');
      const onTime = await reportTouchpoint(app, weekly, '2027-05-07T09:00:00Z');
      await app.app.get(DataSource).getRepository(Touchpoint).update({ id: due }, { status: 'missed' });
      // The grace is 60 minutes (config/default.yaml).
      await app.advanceClock('2027-04-30T10:00:01Z');
      const late = await post(due, GOOD);
      expect(late.status).toBe(200);
      expect(late.body.late).toBe(true);
      expect(await touchpointRow(due)).toMatchObject({
        status: 'late',
        submittedAt: new Date('2027-04-30T10:00:01.000Z'),
      });
      const edited = await post(due, { ...GOOD, status: 'red' });
      expect(edited.body).toMatchObject({ late: true, revision: 2 });

      await app.advanceClock('2027-05-07T10:00:00Z');
      const withinGrace = await post(onTime, GOOD);
      expect(withinGrace.body.late).toBe(false);
      expect((await touchpointRow(onTime)).status).toBe('submitted');
    });
  });
});
