import { newEngagement, PLACES } from '../factories/people.factory';
import { TestApp } from '../support/test-app';

interface ForecastBody {
  from: string;
  to: string;
  items: {
    kind: string;
    date: string;
    label: string;
    message: string;
    tentative?: boolean;
    holidayId?: string;
    touchpoints: { id: string; effect: string }[];
  }[];
}

describe('GET /api/v1/engagements/:id/forecast', () => {
  let app: TestApp;

  afterEach(async () => {
    await app.close();
  });

  it('names Holy Week holidays in the Philippines and the meeting they move', async () => {
    app = await TestApp.start({ clockStart: '2027-03-15T00:00:00Z' });
    const { engagement } = await newEngagement(app);
    await app.api('POST', `/api/v1/engagements/${engagement.id}/cadences`, {
      kind: 'meeting',
      title: 'Weekly sync',
      frequency: 'weekly',
      durationMinutes: 45,
      preferredWeekdays: ['thu'],
    });
    const result = await app.api<ForecastBody>(
      'GET',
      `/api/v1/engagements/${engagement.id}/forecast?weeks=4`,
    );
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ from: '2027-03-15', to: '2027-04-11' });
    const maundy = result.body.items.find((i) => i.label === 'Maundy Thursday (PH)');
    expect(maundy).toMatchObject({ kind: 'holiday', date: '2027-03-25', tentative: false });
    expect(maundy?.touchpoints).toEqual([expect.objectContaining({ effect: 'shifted' })]);
    expect(maundy?.message).toMatch(/moves Weekly sync/);
  });

  it('lists both sides’ clock changes in the US–EU gap weeks', async () => {
    app = await TestApp.start({ clockStart: '2027-03-01T00:00:00Z' });
    const { engagement } = await newEngagement(app, {
      vendorContact: { role: 'vendor_contact', ...PLACES.warsaw },
    });
    await app.api('POST', `/api/v1/engagements/${engagement.id}/cadences`, {
      kind: 'meeting',
      title: 'Weekly sync',
      frequency: 'weekly',
      durationMinutes: 60,
    });
    const result = await app.api<ForecastBody>(
      'GET',
      `/api/v1/engagements/${engagement.id}/forecast?weeks=6`,
    );
    const dst = result.body.items.filter((i) => i.kind === 'dst').map((i) => i.date);
    expect(dst).toEqual(['2027-03-14', '2027-03-28']);
  });

  it('marks a computed Eid as tentative, with the id to confirm it by', async () => {
    app = await TestApp.start({ clockStart: '2027-02-22T00:00:00Z' });
    const { engagement } = await newEngagement(app, {
      vendorContact: { role: 'vendor_contact', ...PLACES.cairo },
    });
    const result = await app.api<ForecastBody>(
      'GET',
      `/api/v1/engagements/${engagement.id}/forecast?weeks=4`,
    );
    const eid = result.body.items.find((i) => i.label.startsWith('Eid al-Fitr (EG'));
    expect(eid).toMatchObject({
      kind: 'holiday',
      tentative: true,
      holidayId: expect.stringMatching(/^EG-2027-03-/),
    });
    const confirmed = await app.api<{ tentative: boolean; confirmed: boolean }>(
      'PATCH',
      `/api/v1/holidays/${eid?.holidayId}`,
      {
        confirmed: true,
      },
    );
    expect(confirmed.body).toMatchObject({ tentative: false, confirmed: true });
  });

  it('refuses a bad horizon', async () => {
    app = await TestApp.start();
    const { engagement } = await newEngagement(app);
    const result = await app.api('GET', `/api/v1/engagements/${engagement.id}/forecast?weeks=99`);
    expect(result.status).toBe(400);
  });
});
