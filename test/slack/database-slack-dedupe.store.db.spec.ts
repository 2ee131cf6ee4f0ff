import { DataSource } from 'typeorm';
import { DatabaseSlackDedupeStore, SLACK_DEDUPE_TTL_MS } from '../../src/slack/database-slack-dedupe.store';
import { TestApp } from '../support/test-app';

describe('DatabaseSlackDedupeStore on the real database', () => {
  let app: TestApp;
  let dataSource: DataSource;
  let nowMs: number;
  const store = (): DatabaseSlackDedupeStore => new DatabaseSlackDedupeStore(dataSource, () => nowMs);
  const keys = async (): Promise<string[]> =>
    (await dataSource.query<{ key: string }[]>('SELECT "key" FROM slack_event ORDER BY "key"')).map(
      (r) => r.key,
    );

  beforeAll(async () => {
    app = await TestApp.start();
    dataSource = app.app.get(DataSource);
  });
  beforeEach(async () => {
    nowMs = Date.parse('2027-03-01T12:00:00Z');
    await dataSource.query('DELETE FROM slack_event');
  });
  afterAll(async () => {
    await app.close();
  });

  it('lets the first claim of a key act and refuses every later one, across store instances', async () => {
    expect(await store().claim('event:Ev001')).toBe(true);
    expect(await store().claim('event:Ev001')).toBe(false);
    expect(await store().claim('event:Ev002')).toBe(true);
    expect(await keys()).toEqual(['event:Ev001', 'event:Ev002']);
  });

  it('lets exactly one of many concurrent claims of one key act', async () => {
    const stores = Array.from({ length: 8 }, store);

    const results = await Promise.all(stores.map((s) => s.claim('block_actions:1700000000.42')));

    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('forgets keys after the TTL, well past Slack’s retries, and only those', async () => {
    const s = store();
    await s.claim('event:old');
    nowMs += SLACK_DEDUPE_TTL_MS - 1000;
    await s.claim('event:recent');
    nowMs += 2000;

    expect(await s.prune()).toBe(1);
    expect(await keys()).toEqual(['event:recent']);
    expect(await s.claim('event:recent')).toBe(false);
  });

  it('prunes on the way through a claim, not on every one', async () => {
    const s = store();
    await s.claim('event:a');
    nowMs += SLACK_DEDUPE_TTL_MS + 1;
    await s.claim('event:b');
    expect(await keys()).toEqual(['event:b']);

    await dataSource.query(
      `INSERT INTO slack_event ("key", received_at) VALUES ('event:ancient', '2000-01-01T00:00:00.000Z')`,
    );
    nowMs += 1000;
    await s.claim('event:c');
    expect(await keys()).toEqual(['event:ancient', 'event:b', 'event:c']);
  });

  it('stores a key too long for its column as a hash, still deduplicated', async () => {
    const long = `block_actions:${'x'.repeat(400)}`;

    expect(await store().claim(long)).toBe(true);
    expect(await store().claim(long)).toBe(false);
    expect((await keys())[0]).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
