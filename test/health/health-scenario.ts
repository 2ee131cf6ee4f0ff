import { DateTime } from 'luxon';
import type { TestApp } from '../support/test-app';

/*
 * Drives engagements through real weeks over HTTP and the manual clock: the
 * vendor sends each report on time, late or not at all, the account manager
 * marks each meeting held or lets it lapse, and the clock walks to the end of
 * the week so the weekly snapshot is taken. Several engagements share one
 * clock, so their actions are interleaved in time order.
 */

export interface TouchpointBody {
  id: string;
  kind: 'meeting' | 'status_report';
  status: string;
  periodKey: string;
  scheduledAt: string;
  endsAt: string | null;
  adjustment: { type: 'shifted' | 'skipped'; reason: string } | null;
}

export interface HealthBody {
  score: number;
  band: string;
  trend: number | null;
  signals: { key: string; score: number | null; weight: number; explanation: string }[];
  flags: { code: string; severity: string; since: string; message: string }[];
  highlights: { code: string; message: string }[];
}

export interface HealthWeekBody {
  week: string;
  weekStart: string;
  score: number;
  band: string;
  trend: number | null;
  flags: string[];
  paused: boolean;
}

export interface MessageBody {
  id: string;
  purpose: string;
  recipient: string;
  status: string;
  summary: string;
  touchpointId: string | null;
  idempotencyKey: string;
}

export interface WeekBehaviour {
  report?: 'on_time' | 'missed' | { lateHours: number };
  meeting?: 'held' | 'missed';
  colour?: 'green' | 'amber' | 'red';
  kpis?: Record<string, number>;
  asks?: string[];
}

interface Action {
  at: DateTime;
  run: () => Promise<void>;
}

export class HealthScenario {
  constructor(private readonly app: TestApp) {}

  /** Moves the manual clock (never back) and runs everything due on the way. */
  async advance(to: DateTime): Promise<void> {
    if (to <= this.app.clock.now()) return;
    await this.app.advanceClock(to);
  }

  async touchpoints(engagementId: string, from: DateTime, to: DateTime): Promise<TouchpointBody[]> {
    const result = await this.app.api<TouchpointBody[]>(
      'GET',
      `/api/v1/engagements/${engagementId}/touchpoints?from=${from.toUTC().minus({ days: 1 }).toISODate()}&to=${to.toUTC().plus({ days: 1 }).toISODate()}`,
    );
    if (result.status !== 200) throw new Error(`listing touchpoints failed: ${result.status} ${result.text}`);
    return result.body.filter((t) => {
      const at = DateTime.fromISO(t.scheduledAt);
      return at >= from && at < to;
    });
  }

  /**
   * Plays one local week, `monday` 00:00 to the next Monday 00:00 in its
   * zone, for each engagement with its behaviour, then lets the week end.
   */
  async week(
    monday: DateTime,
    plays: readonly { engagementId: string; behaviour: WeekBehaviour }[],
  ): Promise<void> {
    const end = monday.plus({ weeks: 1 });
    const actions: Action[] = [];
    for (const { engagementId, behaviour } of plays) {
      for (const touchpoint of await this.touchpoints(engagementId, monday, end)) {
        const action = this.actionFor(touchpoint, behaviour);
        if (action !== null) actions.push(action);
      }
    }
    actions.sort((a, b) => a.at.toMillis() - b.at.toMillis());
    for (const action of actions) {
      await this.advance(action.at);
      await action.run();
    }
    // A minute past the end of the week: the snapshot is due at its very end.
    await this.advance(end.plus({ minutes: 1 }));
  }

  async health(engagementId: string): Promise<HealthBody> {
    const result = await this.app.api<HealthBody>('GET', `/api/v1/engagements/${engagementId}/health`);
    if (result.status !== 200) throw new Error(`reading health failed: ${result.status} ${result.text}`);
    return result.body;
  }

  async history(engagementId: string, weeks = 26): Promise<HealthWeekBody[]> {
    const result = await this.app.api<HealthWeekBody[]>(
      'GET',
      `/api/v1/engagements/${engagementId}/health/history?weeks=${weeks}`,
    );
    if (result.status !== 200) throw new Error(`reading history failed: ${result.status} ${result.text}`);
    return result.body;
  }

  async nudges(engagementId: string): Promise<MessageBody[]> {
    const result = await this.app.api<{ items: MessageBody[] }>(
      'GET',
      `/api/v1/messages?engagementId=${engagementId}&purpose=nudge&limit=200`,
    );
    return result.body.items;
  }

  private actionFor(touchpoint: TouchpointBody, behaviour: WeekBehaviour): Action | null {
    if (touchpoint.status === 'skipped' || touchpoint.status === 'cancelled') return null;
    const at = DateTime.fromISO(touchpoint.scheduledAt, { zone: 'utc' });
    if (touchpoint.kind === 'meeting') {
      if ((behaviour.meeting ?? 'held') !== 'held') return null;
      const end = touchpoint.endsAt === null ? at : DateTime.fromISO(touchpoint.endsAt, { zone: 'utc' });
      return {
        at: end.plus({ minutes: 5 }),
        run: async () => {
          const held = await this.app.api('POST', `/api/v1/touchpoints/${touchpoint.id}/held`, {});
          if (held.status !== 200 && held.status !== 201)
            throw new Error(`held failed: ${held.status} ${held.text}`);
        },
      };
    }
    const plan = behaviour.report ?? 'on_time';
    if (plan === 'missed') return null;
    return {
      at: plan === 'on_time' ? at.minus({ hours: 2 }) : at.plus({ hours: plan.lateHours }),
      run: async () => {
        const sent = await this.app.api('POST', `/api/v1/touchpoints/${touchpoint.id}/report`, {
          status: behaviour.colour ?? 'green',
          kpis: behaviour.kpis ?? { close_rate: 14 },
          highlights: 'Steady week on the phones.',
          blockers: [],
          asks: behaviour.asks ?? [],
          nextWeekPlan: 'More of the same.',
        });
        if (sent.status !== 200) throw new Error(`report failed: ${sent.status} ${sent.text}`);
      },
    };
  }
}

/** Mondays 00:00 in `zone` from the week of `firstMonday` on. */
export function mondays(firstMonday: string, zone: string, count: number): DateTime[] {
  const first = DateTime.fromISO(firstMonday, { zone }).startOf('week');
  return Array.from({ length: count }, (_, i) => first.plus({ weeks: i }));
}
