import type { ErrorBody } from '../../src/core/errors/http-exception.filter';
import { TestApp } from '../support/test-app';

interface PersonBody {
  id: string;
  workWeek: string[];
  workingHours: { start: string; end: string };
  [key: string]: unknown;
}

const maria = {
  name: 'Maria Santos',
  email: 'maria@manilacx.example',
  role: 'vendor_contact',
  timeZone: 'Asia/Manila',
  country: 'PH',
};

describe('People API', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app.close();
  });

  it('creates a person and fills the work week and hours from the country', async () => {
    const created = await app.api<PersonBody>('POST', '/api/v1/people', maria);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ...maria,
      region: null,
      workWeek: ['mon', 'tue', 'wed', 'thu', 'fri'],
      locale: 'en-PH',
      slackUserId: null,
    });
    const fetched = await app.api<PersonBody>('GET', `/api/v1/people/${created.body.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(created.body);
  });

  it('gives Saudi Arabia a Sunday–Thursday week by default', async () => {
    const created = await app.api<PersonBody>('POST', '/api/v1/people', {
      name: 'Faisal Al-Harbi',
      email: 'faisal@riyadh.example',
      role: 'vendor_contact',
      timeZone: 'Asia/Riyadh',
      country: 'SA',
    });
    expect(created.status).toBe(201);
    expect([...created.body.workWeek].sort()).toEqual(['mon', 'sun', 'thu', 'tue', 'wed']);
  });

  it('keeps a night shift that crosses midnight', async () => {
    const created = await app.api<PersonBody>('POST', '/api/v1/people', {
      ...maria,
      email: 'night@manilacx.example',
      workingHours: { start: '21:00', end: '06:00' },
    });
    expect(created.status).toBe(201);
    expect(created.body.workingHours).toEqual({ start: '21:00', end: '06:00' });
  });

  it('answers 400 naming each bad field, and stores nothing', async () => {
    const before = await app.api<{ total: number }>('GET', '/api/v1/people');
    const result = await app.api<ErrorBody>('POST', '/api/v1/people', {
      name: 'Nobody',
      role: 'vendor_contact',
      timeZone: 'Mars/Olympus',
      country: 'XX',
      workingHours: { start: '25:00', end: '18:00' },
    });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(result.body.error.fields ?? {}).sort()).toEqual(
      ['country', 'email', 'timeZone', 'workingHours.start'].sort(),
    );
    expect(result.body.error.fields?.timeZone).toMatch(/IANA time zone/);
    const after = await app.api<{ total: number }>('GET', '/api/v1/people');
    expect(after.body.total).toBe(before.body.total);
  });

  it('rejects an unknown region, a bad weekday, a bad locale and unknown fields', async () => {
    const result = await app.api<ErrorBody>('POST', '/api/v1/people', {
      ...maria,
      email: 'other@manilacx.example',
      workWeek: ['mon', 'funday'],
      locale: 'not a locale!',
      favouriteColour: 'blue',
    });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toMatchObject({
      workWeek: expect.any(String),
      locale: expect.any(String),
      favouriteColour: 'is not a known field',
    });
    const region = await app.api<ErrorBody>('POST', '/api/v1/people', {
      ...maria,
      email: 'region@manilacx.example',
      country: 'AU',
      timeZone: 'Australia/Sydney',
      region: 'ZZ',
    });
    expect(region.status).toBe(400);
    expect(region.body.error.fields).toEqual({ region: expect.stringContaining('AU') });
  });

  it('accepts a region as the library code or in ISO 3166-2 form', async () => {
    const created = await app.api<PersonBody>('POST', '/api/v1/people', {
      name: 'Olivia Chen',
      email: 'olivia@sydney.example',
      role: 'client_contact',
      timeZone: 'Australia/Sydney',
      country: 'AU',
      region: 'AU-NSW',
    });
    expect(created.status).toBe(201);
    expect(created.body.region).toBe('NSW');
  });

  it('refuses a second person with the same e-mail with 409', async () => {
    const result = await app.api<ErrorBody>('POST', '/api/v1/people', {
      ...maria,
      email: 'MARIA@manilacx.example',
    });
    expect(result.status).toBe(409);
    expect(result.body.error.code).toBe('EMAIL_TAKEN');
  });

  it('updates only what is sent, and refuses null for a required field', async () => {
    const created = await app.api<PersonBody>('POST', '/api/v1/people', {
      ...maria,
      email: 'patch@manilacx.example',
    });
    const patched = await app.api<PersonBody>('PATCH', `/api/v1/people/${created.body.id}`, {
      workingHours: { start: '21:00', end: '06:00' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: 'Maria Santos',
      workingHours: { start: '21:00', end: '06:00' },
    });
    const nulled = await app.api<ErrorBody>('PATCH', `/api/v1/people/${created.body.id}`, {
      name: null,
      timeZone: 'UTC+8',
    });
    expect(nulled.status).toBe(400);
    expect(Object.keys(nulled.body.error.fields ?? {}).sort()).toEqual(['name', 'timeZone']);
    const unchanged = await app.api<PersonBody>('GET', `/api/v1/people/${created.body.id}`);
    expect(unchanged.body).toEqual(patched.body);
  });

  it('answers 404 for an unknown id', async () => {
    const result = await app.api<ErrorBody>('GET', '/api/v1/people/00000000-0000-4000-8000-000000000000');
    expect(result.status).toBe(404);
    expect(result.body.error.code).toBe('PERSON_NOT_FOUND');
  });

  it('lists people a page at a time', async () => {
    const page = await app.api<{ items: unknown[]; total: number; limit: number; offset: number }>(
      'GET',
      '/api/v1/people?limit=2&offset=1',
    );
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body).toMatchObject({ limit: 2, offset: 1 });
    expect(page.body.total).toBeGreaterThanOrEqual(4);
    const bad = await app.api<ErrorBody>('GET', '/api/v1/people?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ limit: expect.any(String) });
  });

  it('records time off and checks its dates and backup', async () => {
    const person = await app.api<PersonBody>('POST', '/api/v1/people', {
      ...maria,
      email: 'away@manilacx.example',
    });
    const ok = await app.api('POST', `/api/v1/people/${person.body.id}/time-off`, {
      start: '2027-01-04',
      end: '2027-01-08',
    });
    expect(ok.status).toBe(201);
    const backwards = await app.api<ErrorBody>('POST', `/api/v1/people/${person.body.id}/time-off`, {
      start: '2027-01-08',
      end: '2027-01-04',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields).toEqual({ end: expect.any(String) });
    const badDate = await app.api<ErrorBody>('POST', `/api/v1/people/${person.body.id}/time-off`, {
      start: '2027-02-30',
      end: '2027-03-01',
      backupPersonId: '00000000-0000-4000-8000-000000000000',
    });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.fields).toEqual({ start: expect.any(String) });
    const list = await app.api<unknown[]>('GET', `/api/v1/people/${person.body.id}/time-off`);
    expect(list.body).toEqual([expect.objectContaining({ start: '2027-01-04', end: '2027-01-08' })]);
  });
});
