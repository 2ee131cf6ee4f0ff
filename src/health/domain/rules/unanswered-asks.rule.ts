import type { DateTime } from 'luxon';
import type { ClientAsk, EngagementHistory } from '../engagement-history';
import { lookBack } from '../look-back';
import type { SignalResult } from '../signal-result';
import { reportsKnownAt } from '../submitted-reports';
import { sameSubject, textKey } from '../text-key';
import { count, days, quote } from '../wording';

/** An ask younger than this costs nothing: the client needs a few days to answer. */
const FREE_DAYS = 3;
/** Points per day beyond that, and the most one ask can cost. */
const PER_DAY = 4;
const PER_ASK_CAP = 35;

export interface AskStanding {
  text: string;
  askedAt: DateTime;
  answeredAt: DateTime | null;
  /** Effective days it has waited (until answered, or until now). */
  waitedDays: number;
}

export interface UnansweredAsksEvidence {
  /** Asks of the client still open, oldest first. */
  open: readonly AskStanding[];
  /** Asks answered within the window, latest answer first. */
  answered: readonly AskStanding[];
}

export type UnansweredAsksResult = SignalResult<'unanswered_asks', UnansweredAsksEvidence>;

/**
 * Unanswered asks: what the vendor asked of the client and is still waiting
 * for. It measures the client's side of the relationship, which matters as
 * much as the vendor's. An ask repeated in later reports is one ask, dated
 * from the first time it was asked. Ages are effective days, so a holiday week
 * does not age an ask.
 */
export function unansweredAsksRule(history: EngagementHistory, asOf: DateTime): UnansweredAsksResult {
  const window = lookBack(history, asOf);
  const asks: { key: ReadonlySet<string>; ask: ClientAsk; answeredAt: DateTime | null }[] = [];
  for (const report of reportsKnownAt(history, window)) {
    for (const ask of report.asks) {
      if (!window.isPast(ask.askedAt)) continue;
      const answeredAt = ask.answeredAt && window.isPast(ask.answeredAt) ? ask.answeredAt : null;
      const key = textKey(ask.text);
      const same = asks.find((a) => sameSubject(a.key, key));
      if (!same) {
        asks.push({ key, ask, answeredAt });
        continue;
      }
      if (ask.askedAt.toMillis() < same.ask.askedAt.toMillis()) same.ask = ask;
      if (answeredAt && (!same.answeredAt || answeredAt.toMillis() < same.answeredAt.toMillis())) {
        same.answeredAt = answeredAt;
      }
    }
  }
  const standings = asks.map(({ ask, answeredAt }): AskStanding => ({
    text: ask.text,
    askedAt: ask.askedAt,
    answeredAt,
    waitedDays: Math.max(0, window.hoursBetween(ask.askedAt, answeredAt ?? asOf) / 24),
  }));
  const open = standings
    .filter((a) => a.answeredAt === null)
    .sort((a, b) => a.askedAt.toMillis() - b.askedAt.toMillis());
  const answered = standings
    .filter(
      (a): a is AskStanding & { answeredAt: DateTime } =>
        a.answeredAt !== null && window.includes(a.answeredAt),
    )
    .sort((a, b) => b.answeredAt.toMillis() - a.answeredAt.toMillis());
  const penalty = open.reduce(
    (sum, a) => sum + Math.min(PER_ASK_CAP, PER_DAY * Math.max(0, a.waitedDays - FREE_DAYS)),
    0,
  );
  const evidence = { open, answered };
  return {
    key: 'unanswered_asks',
    score: Math.max(0, Math.round(100 - penalty)),
    explanation: explain(evidence),
    evidence,
  };
}

function explain(evidence: UnansweredAsksEvidence): string {
  const oldest = evidence.open[0];
  if (!oldest) {
    return evidence.answered.length > 0
      ? `Every ask of the client answered (${evidence.answered.length} recently).`
      : 'No ask of the client is waiting for an answer.';
  }
  const waited = `${quote(oldest.text)} for ${days(oldest.waitedDays * 24)}`;
  return evidence.open.length === 1
    ? `1 ask of the client unanswered: ${waited}.`
    : `${count(evidence.open.length, 'ask')} of the client unanswered; oldest ${waited}.`;
}
