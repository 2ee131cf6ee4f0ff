import {
  SLACK_CHANNEL_MIN_INTERVAL_MS,
  SlackChannelPacer,
  nextSlackSendAt,
  slackPacingKey,
} from './slack-pacing';

describe('Slack pacing', () => {
  it('paces a DM by its person and a channel by its id', () => {
    expect(slackPacingKey({ kind: 'user', userId: 'U1' })).toBe('user:U1');
    expect(slackPacingKey({ kind: 'channel', channelId: 'C1' })).toBe('channel:C1');
  });

  it('lets a message go now when the channel has been quiet for a second', () => {
    expect(nextSlackSendAt(undefined, 10_000)).toBe(10_000);
    expect(nextSlackSendAt(8_000, 10_000)).toBe(10_000);
    expect(nextSlackSendAt(9_500, 10_000)).toBe(10_500);
  });

  it('spaces messages to one channel a second apart and leaves other channels alone', () => {
    const pacer = new SlackChannelPacer();

    expect(pacer.take('user:U1', 0)).toBe(0);
    expect(pacer.take('user:U1', 0)).toBe(SLACK_CHANNEL_MIN_INTERVAL_MS);
    expect(pacer.take('user:U2', 0)).toBe(0);
  });

  it('lets a message told to wait go when it comes back at that instant', () => {
    const pacer = new SlackChannelPacer();
    pacer.take('user:U1', 0);
    const waitUntil = [pacer.take('user:U1', 0), pacer.take('user:U1', 0)];

    // Both waited for the same instant; at it, one goes and the other waits a second more.
    expect(waitUntil).toEqual([1_000, 1_000]);
    expect(pacer.take('user:U1', 1_000)).toBe(1_000);
    expect(pacer.take('user:U1', 1_000)).toBe(2_000);
    expect(pacer.take('user:U1', 2_000)).toBe(2_000);
  });

  it('holds a channel back until a Retry-After has passed', () => {
    const pacer = new SlackChannelPacer();
    pacer.take('channel:C1', 0);

    pacer.blockUntil('channel:C1', 30_000);

    expect(pacer.take('channel:C1', 1_000)).toBe(30_000);
    expect(pacer.take('channel:C1', 29_999)).toBe(30_000);
    expect(pacer.take('channel:C1', 30_000)).toBe(30_000);
    expect(pacer.take('channel:C1', 30_000)).toBe(31_000);
  });
});
