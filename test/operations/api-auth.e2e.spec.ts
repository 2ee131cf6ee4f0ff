import { randomUUID } from 'node:crypto';
import { TEST_TOKEN, TestApp } from '../support/test-app';
import { routesOf, type ApiRoute, type OpenApiDocument, fillPath } from './fuzz/openapi-routes';
import { errorShapeProblems } from './fuzz/response-checks';

/** Routes outside /api/v1 that answer without the API token, on purpose. Anything else public is a mistake. */
const PUBLIC_ROUTES = ['GET /health', 'GET /health/live', 'GET /health/ready', 'GET /metrics'];

/** Authorization headers that must all be refused: none, wrong, malformed, another scheme. */
const BAD_CREDENTIALS: readonly (string | null)[] = [
  null,
  '',
  'Bearer',
  'Bearer ',
  'Bearer not-the-token',
  `Bearer ${TEST_TOKEN}x`,
  `Bearer ${TEST_TOKEN.slice(0, -1)}`,
  `Bearer ${TEST_TOKEN.toUpperCase()}`,
  `Bearer ${TEST_TOKEN} extra`,
  `Basic ${Buffer.from(`cadence:${TEST_TOKEN}`).toString('base64')}`,
  TEST_TOKEN,
  `Token ${TEST_TOKEN}`,
];

describe('The API token, on every route the OpenAPI document lists', () => {
  let app: TestApp;
  let routes: ApiRoute[];

  beforeAll(async () => {
    app = await TestApp.start();
    routes = routesOf((await app.fetch<OpenApiDocument>('/docs/openapi.json')).body);
  });
  afterAll(async () => {
    await app.close();
  });

  const request = (route: ApiRoute, authorization: string | null) => {
    const ids = Object.fromEntries(route.pathParams.map((name) => [name, randomUUID()]));
    const headers: Record<string, string> = {};
    if (authorization !== null) headers.authorization = authorization;
    const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
    if (hasBody) headers['content-type'] = 'application/json';
    return app.fetch<unknown>(fillPath(route.template, ids), {
      method: route.method,
      headers,
      ...(hasBody && { body: '{}' }),
    });
  };

  it('lists the whole API', () => {
    const api = routes.filter((r) => r.template.startsWith('/api/v1/'));
    expect(api.length).toBeGreaterThanOrEqual(25);
    console.log(
      `API token checked on ${api.length} operations: ${api.map((r) => `${r.method} ${r.template}`).join(', ')}`,
    );
  });

  it('refuses every /api/v1 operation without a token, or with a wrong or malformed one: 401 in the error shape', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.template.startsWith('/api/v1/'))) {
      for (const authorization of BAD_CREDENTIALS) {
        const result = await request(route, authorization);
        const body = result.body as { error?: { code?: string } };
        const problems = [
          ...(result.status === 401 ? [] : [`status ${result.status}`]),
          ...errorShapeProblems(body),
          ...(body.error?.code === 'UNAUTHORIZED' ? [] : [`code ${body.error?.code}`]),
          ...(result.headers.get('content-type')?.includes('application/json') ? [] : ['not JSON']),
        ];
        if (problems.length > 0) {
          failures.push(
            `${route.method} ${route.template} with ${JSON.stringify(authorization)}: ${problems.join(', ')}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('documents the bearer requirement on every /api/v1 operation', async () => {
    const doc = (await app.fetch<OpenApiDocument>('/docs/openapi.json')).body;
    const undocumented = routes
      .filter((r) => r.template.startsWith('/api/v1/'))
      .filter((r) => {
        const operation = doc.paths[r.template]?.[r.method.toLowerCase() as 'get'];
        return !(operation?.security ?? []).some((s) => 'bearer' in s);
      })
      .map((r) => `${r.method} ${r.template}`);
    expect(undocumented).toEqual([]);
  });

  it('has no public route outside /api/v1 that is not on the list, and those answer without a token', async () => {
    const outside = routes
      .filter((r) => !r.template.startsWith('/api/v1/'))
      .map((r) => `${r.method} ${r.template}`);
    expect(outside.sort()).toEqual([...PUBLIC_ROUTES].sort());
    for (const name of PUBLIC_ROUTES) {
      const [method, path] = name.split(' ');
      expect((await app.fetch(path, { method })).status).toBe(200);
    }
  });

  it('accepts the right token, in either case of the scheme name', async () => {
    expect((await app.api('GET', '/api/v1/people', undefined, { token: TEST_TOKEN })).status).toBe(200);
    const lower = await app.fetch('/api/v1/people', { headers: { authorization: `bearer ${TEST_TOKEN}` } });
    expect(lower.status).toBe(200);
  });
});
