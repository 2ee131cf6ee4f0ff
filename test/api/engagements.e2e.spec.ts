import type { ErrorBody } from '../../src/core/errors/http-exception.filter';
import { newEngagement, newPerson, PLACES } from '../factories/people.factory';
import { TestApp } from '../support/test-app';

describe('Engagements API', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app.close();
  });

  it('creates an engagement with its KPIs and contacts, and reads it back', async () => {
    const { engagement, accountManager, vendorContact } = await newEngagement(app);
    expect(engagement).toMatchObject({
      name: 'Acme × Manila CX',
      accountManagerId: accountManager.id,
      vendorContactIds: [vendorContact.id],
      clientContactIds: [],
      playbook: 'default',
      kpis: [
        { key: 'close_rate', label: 'Close rate', unit: '%', target: 12, direction: 'higher_is_better' },
      ],
    });
    const fetched = await app.api('GET', `/api/v1/engagements/${engagement.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(engagement);
  });

  it('names every bad field: unknown people, wrong roles, bad KPIs', async () => {
    const vendor = await newPerson(app, { role: 'vendor_contact', ...PLACES.manila });
    const result = await app.api<ErrorBody>('POST', '/api/v1/engagements', {
      name: 'Broken',
      clientName: 'Acme',
      vendorName: 'Vendor',
      accountManagerId: vendor.id,
      vendorContactIds: ['00000000-0000-4000-8000-000000000000'],
      kpis: [{ key: 'Close Rate', label: 'Close rate', unit: '%', target: 'twelve', direction: 'up' }],
    });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toMatchObject({
      'kpis.0.key': expect.any(String),
      'kpis.0.target': expect.any(String),
      'kpis.0.direction': expect.any(String),
    });
    const roles = await app.api<ErrorBody>('POST', '/api/v1/engagements', {
      name: 'Broken',
      clientName: 'Acme',
      vendorName: 'Vendor',
      accountManagerId: vendor.id,
      vendorContactIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(roles.status).toBe(400);
    expect(roles.body.error.fields).toEqual({
      accountManagerId: expect.stringContaining('role account_manager'),
      'vendorContactIds.0': expect.stringContaining('no person'),
    });
    const list = await app.api<{ items: { name: string }[] }>('GET', '/api/v1/engagements?limit=200');
    expect(list.body.items.map((e) => e.name)).not.toContain('Broken');
  });

  it('refuses duplicate KPI keys', async () => {
    const { engagement } = await newEngagement(app);
    const kpi = {
      key: 'aht',
      label: 'Average handle time',
      unit: 's',
      target: 300,
      direction: 'lower_is_better',
    };
    const result = await app.api<ErrorBody>('PATCH', `/api/v1/engagements/${engagement.id}`, {
      kpis: [kpi, kpi],
    });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual({ 'kpis.1.key': expect.stringContaining('aht') });
  });

  it('updates contacts and KPIs', async () => {
    const { engagement } = await newEngagement(app);
    const second = await newPerson(app, { role: 'vendor_contact', ...PLACES.manila });
    const client = await newPerson(app, { role: 'client_contact', ...PLACES.newYork });
    const result = await app.api<{ vendorContactIds: string[]; clientContactIds: string[]; name: string }>(
      'PATCH',
      `/api/v1/engagements/${engagement.id}`,
      {
        vendorContactIds: [second.id, ...engagement.vendorContactIds],
        clientContactIds: [client.id],
        name: 'Renamed',
      },
    );
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      name: 'Renamed',
      vendorContactIds: [second.id, ...engagement.vendorContactIds],
      clientContactIds: [client.id],
    });
  });

  it('records blackout days per side and refuses a duplicate with 409', async () => {
    const { engagement } = await newEngagement(app);
    const path = `/api/v1/engagements/${engagement.id}/blackouts`;
    const created = await app.api('POST', path, {
      date: '2027-12-24',
      side: 'vendor',
      name: 'Year-end shutdown',
    });
    expect(created.status).toBe(201);
    const duplicate = await app.api<ErrorBody>('POST', path, {
      date: '2027-12-24',
      side: 'vendor',
      name: 'Again',
    });
    expect(duplicate.status).toBe(409);
    const bad = await app.api<ErrorBody>('POST', path, { date: '24/12/2027', side: 'both', name: '' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields ?? {}).sort()).toEqual(['date', 'name', 'side']);
    const list = await app.api<unknown[]>('GET', path);
    expect(list.body).toEqual([expect.objectContaining({ date: '2027-12-24', side: 'vendor' })]);
  });

  it('answers 404 for an unknown engagement', async () => {
    const result = await app.api<ErrorBody>('GET', '/api/v1/engagements/nope');
    expect(result.status).toBe(404);
    expect(result.body.error.code).toBe('ENGAGEMENT_NOT_FOUND');
  });
});
