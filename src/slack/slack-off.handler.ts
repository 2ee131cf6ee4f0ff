import type { SlackHttpHandler, SlackHttpResponse } from '../notifications/slack/slack-http.types';

/** The message a Slack request gets when this Cadence has no Slack credentials. */
export const SLACK_OFF_MESSAGE =
  'Slack is not configured on this Cadence (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET); nudges go by e-mail.';

/**
 * `POST /slack/events` without Slack credentials: 404 in the API's error
 * shape, saying why, instead of the generic "no such route" — whoever set up
 * the Slack app's request URL learns what is missing.
 */
export const slackOffHandler: SlackHttpHandler = {
  handle: (): Promise<SlackHttpResponse> =>
    Promise.resolve({
      status: 404,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ error: { code: 'SLACK_NOT_CONFIGURED', message: SLACK_OFF_MESSAGE } }),
    }),
};
