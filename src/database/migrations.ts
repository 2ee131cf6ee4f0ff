import { Foundation1764000000000 } from './migrations/1764000000000-foundation';
import { CadencesAndOutbox1764100000000 } from './migrations/1764100000000-cadences-and-outbox';
import { HolidayAdjustments1764150000000 } from './migrations/1764150000000-holiday-adjustments';
import { TouchpointInvites1764160000000 } from './migrations/1764160000000-touchpoint-invites';
import { Reports1764200000000 } from './migrations/1764200000000-reports';
import { FollowUps1764300000000 } from './migrations/1764300000000-follow-ups';
import { Health1764400000000 } from './migrations/1764400000000-health';
import { Digests1764500000000 } from './migrations/1764500000000-digests';
import { Slack1764600000000 } from './migrations/1764600000000-slack';
import { AskChecks1764700000000 } from './migrations/1764700000000-ask-checks';
import { DigestWebLinks1764800000000 } from './migrations/1764800000000-digest-web-links';
import { NudgeTriggers1764900000000 } from './migrations/1764900000000-nudge-triggers';

/** In order. Never edit a migration once merged; add a new one. */
export const MIGRATIONS = [
  Foundation1764000000000,
  CadencesAndOutbox1764100000000,
  HolidayAdjustments1764150000000,
  TouchpointInvites1764160000000,
  Reports1764200000000,
  FollowUps1764300000000,
  Health1764400000000,
  Digests1764500000000,
  Slack1764600000000,
  AskChecks1764700000000,
  DigestWebLinks1764800000000,
  NudgeTriggers1764900000000,
];
