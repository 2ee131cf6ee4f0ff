import type { EmailAddress } from '../email/email.types';
import type { SlackTarget } from '../slack/slack-web.client';

/** A fully rendered e-mail: what was queued is exactly what is sent, however late. */
export interface EmailPayload {
  kind: 'email';
  to: EmailAddress[];
  subject: string;
  html: string;
  text: string;
  invite?: { method: 'REQUEST' | 'CANCEL'; ics: string };
  listUnsubscribe?: { url: string; oneClick: boolean };
  headers?: Record<string, string>;
}

/** A Slack message: a DM to a user or a post to a channel. */
export interface SlackPayload {
  kind: 'slack';
  target: SlackTarget;
  /** Plain-text fallback (notifications, screen readers). */
  text: string;
  /** Block Kit blocks, already escaped. */
  blocks: unknown[];
  /** When Slack is not configured, the message goes by e-mail instead. */
  emailFallback: EmailPayload;
}

export type OutboxPayload = EmailPayload | SlackPayload;
