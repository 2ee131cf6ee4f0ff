// The app runs on Fastify: building the Slack app must not load Express (which
// `@slack/bolt`'s index would, through ExpressReceiver). Any require of it fails here.
jest.mock('express', () => {
  throw new Error('express was loaded');
});

import { createSlackApp } from '../../../src/notifications/slack/slack-app';
import { InMemorySlackDedupeStore } from '../../../src/notifications/slack/slack-dedupe.store';
import { FakeSlackDomain } from '../../fakes/slack-domain.fake';
import { RecordingSlackLogger } from '../../fakes/slack-logger.fake';

describe('createSlackApp', () => {
  it('builds the Bolt app without loading Express', () => {
    const slack = createSlackApp(
      { botToken: 'xoxb-test', signingSecret: 'secret', logger: new RecordingSlackLogger() },
      {
        domain: new FakeSlackDomain(),
        dedupe: new InMemorySlackDedupeStore(() => 0),
        home: { publishHome: async () => {} },
      },
    );

    expect(typeof slack.handle).toBe('function');
  });

  it("would notice: Bolt's index does load Express", () => {
    expect(() => jest.requireActual<object>('@slack/bolt')).toThrow('express was loaded');
  });
});
