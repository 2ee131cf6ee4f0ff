import { InMemorySlackDedupeStore, slackDedupeKey } from './slack-dedupe.store';

describe('slackDedupeKey', () => {
  it('keys events by event_id and button clicks by trigger_id', () => {
    expect(slackDedupeKey({ type: 'event_callback', event_id: 'Ev1' })).toBe('event:Ev1');
    expect(slackDedupeKey({ type: 'block_actions', trigger_id: '1.2.3' })).toBe('block_actions:1.2.3');
  });

  it('does not key a delivery whose id is empty', () => {
    expect(slackDedupeKey({ type: 'event_callback', event_id: '' })).toBeUndefined();
    expect(slackDedupeKey({ type: 'block_actions', trigger_id: '' })).toBeUndefined();
  });

  it('does not key slash commands or url_verification, which are safe to repeat', () => {
    expect(slackDedupeKey({ command: '/cadence', trigger_id: '1.2.3' })).toBeUndefined();
    expect(slackDedupeKey({ type: 'url_verification', challenge: 'x' })).toBeUndefined();
  });
});

describe('InMemorySlackDedupeStore', () => {
  it('grants the first claim of a key and refuses the next ones', async () => {
    const store = new InMemorySlackDedupeStore(() => 0);

    expect(await store.claim('event:Ev1')).toBe(true);
    expect(await store.claim('event:Ev1')).toBe(false);
    expect(await store.claim('event:Ev2')).toBe(true);
  });

  it('forgets a key once its time to live has passed', async () => {
    let now = 0;
    const store = new InMemorySlackDedupeStore(() => now, 1000);
    await store.claim('event:Ev1');

    now = 999;
    expect(await store.claim('event:Ev1')).toBe(false);
    now = 2000;
    expect(await store.claim('event:Ev1')).toBe(true);
  });
});
