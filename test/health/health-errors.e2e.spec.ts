import type { ErrorBody } from '../../src/core/errors/http-exception.filter';
import { newEngagement } from '../factories/people.factory';
import { newReportCadence, newTouchpoint } from '../factories/touchpoints.factory';
import { TestApp } from '../support/test-app';
import type { HealthBody } from './health-scenario';

interface AnswerBody {
  touchpointId: string;
  index: number;
  text: string;
  answeredAt: string;
  note: string | null;
}

const UNKNOWN = '7f1e2d3c-0000-4000-8000-000000000000';

describe('Health API: bad input, unknown ids, a brand-new engagement, answers to asks', () => {
  let app: TestApp;
  let engagementId: string;
  let reportId: string;
  let unsentReportId: string;
  let meetingId: string;

  beforeAll(async () => {
    app = await TestApp.start({ clockStart: '2027-01-04T12:00:00Z' });
    engagementId = (await newEngagement(app)).engagement.id;
    const reports = await newReportCadence(app, { engagementId });
    const meetings = await newReportCadence(app, { engagementId, kind: 'meeting' });
    reportId = (await newTouchpoint(app, { engagementId, cadenceId: reports.id, at: '2027-01-08T09:00:00Z' }))
      .id;
    unsentReportId = (
      await newTouchpoint(app, { engagementId, cadenceId: reports.id, at: '2027-01-15T09:00:00Z' })
    ).id;
    meetingId = (
      await newTouchpoint(app, {
        engagementId,
        cadenceId: meetings.id,
        at: '2027-01-05T15:00:00Z',
        kind: 'meeting',
      })
    ).id;
    const sent = await app.api('POST', `/api/v1/touchpoints/${reportId}/report`, {
      status: 'green',
      kpis: { close_rate: 12 },
      highlights: '',
      blockers: [],
      asks: ['Approve script v3', 'Two more CRM seats'],
      nextWeekPlan: '',
    });
    expect(sent.status).toBe(200);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('GET /api/v1/engagements/:id/health and /health/history', () => {
    it('answers 404 naming the engagement for an unknown id', async () => {
      for (const path of [
        `/api/v1/engagements/${UNKNOWN}/health`,
        `/api/v1/engagements/${UNKNOWN}/health/history`,
      ]) {
        const result = await app.api<ErrorBody>('GET', path);
        expect(result.status).toBe(404);
        expect(result.body.error).toMatchObject({
          code: 'ENGAGEMENT_NOT_FOUND',
          message: `No engagement with id ${UNKNOWN}.`,
        });
      }
    });

    it.each(['0', '261', 'abc', '2.5', '-3'])(
      'answers 400 for ?weeks=%s, naming the field',
      async (weeks) => {
        const result = await app.api<ErrorBody>(
          'GET',
          `/api/v1/engagements/${engagementId}/health/history?weeks=${weeks}`,
        );
        expect(result.status).toBe(400);
        expect(result.body.error).toMatchObject({
          code: 'VALIDATION_FAILED',
          fields: { weeks: 'must be a whole number of weeks from 1 to 260' },
        });
      },
    );

    it('answers 400 for a query parameter it does not know', async () => {
      const result = await app.api<ErrorBody>(
        'GET',
        `/api/v1/engagements/${engagementId}/health/history?week=3`,
      );
      expect(result.status).toBe(400);
      expect(result.body.error.fields).toEqual({ week: 'is not a known field' });
    });

    it('answers 401 without the API token', async () => {
      const result = await app.api('GET', `/api/v1/engagements/${engagementId}/health`, undefined, {
        token: null,
      });
      expect(result.status).toBe(401);
    });

    it('shows an engagement with nothing due yet as healthy, signals without evidence as null with no weight, and no trend', async () => {
      const fresh = (await newEngagement(app, { name: 'Fresh start' })).engagement.id;
      const result = await app.api<HealthBody>('GET', `/api/v1/engagements/${fresh}/health`);
      expect(result.status).toBe(200);
      expect(Object.keys(result.body).sort()).toEqual([
        'band',
        'flags',
        'highlights',
        'score',
        'signals',
        'trend',
      ]);
      expect(result.body).toMatchObject({
        score: 100,
        band: 'healthy',
        trend: null,
        flags: [],
        highlights: [],
      });
      const timeliness = result.body.signals.find((s) => s.key === 'report_timeliness');
      expect(timeliness).toMatchObject({ score: null, weight: 0 });
      expect(timeliness?.explanation).toEqual(expect.any(String));
      const history = await app.api<unknown[]>('GET', `/api/v1/engagements/${fresh}/health/history`);
      expect(history).toMatchObject({ status: 200, body: [] });
    });

    it('documents both operations in OpenAPI, with the nullable score and trend typed as such', async () => {
      const result = await app.fetch<{
        paths: Record<string, unknown>;
        components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>> }> };
      }>('/docs/openapi.json');
      expect(Object.keys(result.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/engagements/{id}/health',
          '/api/v1/engagements/{id}/health/history',
          '/api/v1/touchpoints/{id}/report/asks/{index}/answer',
        ]),
      );
      const { schemas } = result.body.components;
      expect(schemas.HealthView.properties.trend).toMatchObject({ nullable: true });
      expect(schemas.HealthSignalView.properties.score).toMatchObject({ nullable: true });
      expect(schemas.HealthView.properties.band).toMatchObject({
        enum: ['healthy', 'watch', 'at_risk', 'strained'],
      });
    });
  });

  describe('POST /api/v1/touchpoints/:id/report/asks/:index/answer', () => {
    const answer = (touchpointId: string, index: string, body: unknown = {}) =>
      app.api<AnswerBody & ErrorBody>(
        'POST',
        `/api/v1/touchpoints/${touchpointId}/report/asks/${index}/answer`,
        body,
      );

    it('records the answer, and answering again returns the first answer', async () => {
      const first = await answer(reportId, '1', { note: 'Approved for February' });
      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        touchpointId: reportId,
        index: 1,
        text: 'Two more CRM seats',
        answeredAt: '2027-01-04T12:00:00.000Z',
        note: 'Approved for February',
      });
      await app.advanceClock('2027-01-05T12:00:00Z');
      const again = await answer(reportId, '1');
      expect(again.body).toEqual(first.body);
    });

    it('answers 400 for a position that is not a number, or a note that is not text', async () => {
      const position = await answer(reportId, 'first');
      expect(position.status).toBe(400);
      expect(Object.keys(position.body.error.fields ?? {})).toEqual(['index']);
      const note = await answer(reportId, '0', { note: 42 });
      expect(note.status).toBe(400);
      expect(note.body.error.fields).toEqual({ note: 'must be text' });
      const extra = await answer(reportId, '0', { answer: 'yes' });
      expect(extra.body.error.fields).toEqual({ answer: 'is not a known field' });
    });

    it('answers 404 for an unknown touchpoint, a report not sent yet, and a position with no ask', async () => {
      expect((await answer(UNKNOWN, '0')).body.error.code).toBe('TOUCHPOINT_NOT_FOUND');
      expect((await answer(unsentReportId, '0')).body.error.code).toBe('REPORT_NOT_FOUND');
      const none = await answer(reportId, '2');
      expect(none.status).toBe(404);
      expect(none.body.error).toMatchObject({
        code: 'ASK_NOT_FOUND',
        message: 'The report has 2 asks; there is none at position 2.',
      });
    });

    it('answers 409 for a meeting', async () => {
      const result = await answer(meetingId, '0');
      expect(result.status).toBe(409);
      expect(result.body.error.code).toBe('NOT_A_REPORT');
    });

    it('answers 415 for a body that is not JSON', async () => {
      const result = await app.api(
        'POST',
        `/api/v1/touchpoints/${reportId}/report/asks/0/answer`,
        'note=yes',
        {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
      );
      expect(result.status).toBe(415);
    });

    it('takes an answer with no body at all', async () => {
      const result = await app.api<AnswerBody>(
        'POST',
        `/api/v1/touchpoints/${reportId}/report/asks/0/answer`,
      );
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ index: 0, text: 'Approve script v3', note: null });
    });
  });
});
