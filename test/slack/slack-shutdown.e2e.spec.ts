import { appHomeOpenedEvent, eventCallbackRequest } from '../fakes/slack-payloads';
import { MANAGER_SLACK_ID, SlackScenario } from './slack-e2e.harness';

describe('Slack: shutting down', () => {
  it('finishes the work already acknowledged to Slack before the database closes', async () => {
    const s = await SlackScenario.start();
    // Slack's side is slow to take the Home tab: the work outlives the HTTP answer by half a second.
    s.slack.failNext(1, { kind: 'delay', ms: 500 }, 'views.publish');

    const res = await s.postToSlackEvents(eventCallbackRequest(appHomeOpenedEvent(MANAGER_SLACK_ID)));
    expect(res.status).toBe(200);
    expect(s.slack.homeViews.get(MANAGER_SLACK_ID)).toBeUndefined();
    await s.close();

    const [view] = s.slack.homeViews.get(MANAGER_SLACK_ID) ?? [];
    expect(JSON.stringify(view)).toContain('1 engagement · nothing overdue');
  });
});
