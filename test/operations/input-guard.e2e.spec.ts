import type { ErrorBody } from '../../src/core/errors/http-exception.filter';
import { TEST_TOKEN, TestApp } from '../support/test-app';
import { errorShapeProblems } from './fuzz/response-checks';

const person = {
  name: 'Maria Santos',
  email: 'maria@manilacx.example',
  role: 'vendor_contact',
  timeZone: 'Asia/Manila',
  country: 'PH',
};

/**
 * Regressions for what the hostile-input fuzz found: each of these answered
 * 500 or left the error shape before. Runs on SQLite and (npm run test:pg)
 * on PostgreSQL, where NUL characters used to reach the database.
 */
describe('Input every route refuses, before it reaches a route', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app.close();
  });

  const expectError = (
    result: { status: number; body: unknown },
    status: number,
    code: string,
  ): ErrorBody => {
    expect(result.status).toBe(status);
    expect(errorShapeProblems(result.body)).toEqual([]);
    expect((result.body as ErrorBody).error.code).toBe(code);
    return result.body as ErrorBody;
  };

  it('refuses a body nested thousands of levels deep with 400 (it overflowed the stack: 500)', async () => {
    const deep = `${'['.repeat(5_000)}1${']'.repeat(5_000)}`;
    expectError(await app.api('POST', '/api/v1/people', deep), 400, 'JSON_TOO_DEEP');
    const inField = `{"name":${'{"a":'.repeat(100)}1${'}'.repeat(100)}}`;
    expectError(await app.api('PATCH', '/api/v1/engagements/x', inField), 400, 'JSON_TOO_DEEP');
  });

  it('refuses an unpaired surrogate with 400 naming the field (validator.js isEmail threw: 500)', async () => {
    const body = expectError(
      await app.api('POST', '/api/v1/people', JSON.stringify({ ...person, email: '\ud800' })),
      400,
      'VALIDATION_FAILED',
    );
    expect(Object.keys(body.error.fields ?? {})).toEqual(['email']);
  });

  it('refuses NUL characters in a body, a path id and a query (PostgreSQL refused them: 500)', async () => {
    const body = expectError(
      await app.api('POST', '/api/v1/people', { ...person, name: 'Maria\u0000Santos' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(Object.keys(body.error.fields ?? {})).toEqual(['name']);
    expectError(await app.api('GET', '/api/v1/engagements/%00'), 400, 'VALIDATION_FAILED');
    expectError(await app.api('GET', '/api/v1/touchpoints/a%00b/report'), 400, 'VALIDATION_FAILED');
    expectError(await app.api('GET', '/api/v1/messages?engagementId=%00'), 400, 'VALIDATION_FAILED');
  });

  it('answers a malformed percent-encoding with 400 in the error shape (it was Fastify’s own shape)', async () => {
    const body = expectError(await app.api('GET', '/api/v1/people/%'), 400, 'BAD_URL');
    expect(body.error.message).not.toContain('/api/v1');
    expectError(await app.api('GET', '/api/v1/engagements/%ED%A0%80/cadences'), 400, 'BAD_URL');
  });

  it('answers an over-long path segment with 414 in the error shape', async () => {
    expectError(await app.api('GET', `/api/v1/people/${'x'.repeat(300)}`), 414, 'URI_TOO_LONG');
  });

  it('answers a request line over Node’s header limit with 431 in the error shape', async () => {
    const response = await fetch(`${app.url}/api/v1/people?q=${'x'.repeat(20_000)}`, {
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    });
    expect(response.status).toBe(431);
    expect(errorShapeProblems(await response.json())).toEqual([]);
  });

  it('still takes the same text when it is well-formed: emoji, RTL, combining marks', async () => {
    const created = await app.api<{ name: string }>('POST', '/api/v1/people', {
      ...person,
      name: 'مريم 👩‍💻 Ma\u0301ria',
    });
    expect(created.status).toBe(201);
    expect(created.body.name).toBe('مريم 👩‍💻 Ma\u0301ria');
  });
});
