import { DataSource } from 'typeorm';
import { CachedQuery } from '../../src/database/cached-query';
import { SlackEvent } from '../../src/slack/slack-event.entity';
import { TestApp } from '../support/test-app';

// Any small table will do: CachedQuery is the health reads' way of running builder SQL.
describe('CachedQuery on the real database', () => {
  let app: TestApp;
  let dataSource: DataSource;
  let builds: number;
  let select: CachedQuery<{ keys: readonly string[]; from: string }>;

  beforeAll(async () => {
    app = await TestApp.start();
    dataSource = app.app.get(DataSource);
    await dataSource.query('DELETE FROM slack_event');
    const insert = ['a', 'b', 'c', 'd'].map((key, i) =>
      dataSource.getRepository(SlackEvent).insert({ key, receivedAt: new Date(Date.UTC(2027, 2, 1 + i)) }),
    );
    await Promise.all(insert);
  });
  beforeEach(() => {
    builds = 0;
    select = new CachedQuery(dataSource, (db, { keys, from }) => {
      builds += 1;
      return db
        .createQueryBuilder()
        .from(SlackEvent, 'e')
        .select('e.key', 'key')
        .where('e.received_at >= :from', { from })
        .andWhere('e.key IN (:...keys)', { keys })
        .orderBy('e.key', 'ASC');
    });
  });
  afterAll(async () => {
    await dataSource.query('DELETE FROM slack_event');
    await app.close();
  });

  const keysOf = (rows: { key: string }[]): string[] => rows.map((r) => r.key);

  it('answers what getRawMany answers, with each call’s own values', async () => {
    const from = '2027-03-02T00:00:00.000Z';
    expect(keysOf(await select.getRawMany({ keys: ['a', 'b', 'c'], from }))).toEqual(['b', 'c']);
    expect(keysOf(await select.getRawMany({ keys: ['d', 'a', 'c'], from }))).toEqual(['c', 'd']);
    expect(keysOf(await select.getRawMany({ keys: ['a'], from: '2027-01-01T00:00:00.000Z' }))).toEqual(['a']);
  });

  it('builds the SQL once per length of list', async () => {
    const from = '2027-01-01T00:00:00.000Z';
    await select.getRawMany({ keys: ['a'], from });
    await select.getRawMany({ keys: ['b'], from });
    await select.getRawMany({ keys: ['a', 'b'], from });
    await select.getRawMany({ keys: ['c', 'd'], from });
    expect(builds).toBe(2);
  });
});
