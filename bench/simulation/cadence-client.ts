/**
 * The slice of Cadence's public API (shared/docs/api.md) the simulator drives,
 * typed as far as the simulator reads it. Every call goes over HTTP with the
 * bearer token, as an integration would make it; a refusal stops the run with
 * the status and body, since a scenario that the API refuses is a broken one.
 */

export interface PersonBody {
  name: string;
  email: string;
  role: 'account_manager' | 'executive' | 'vendor_contact' | 'client_contact';
  timeZone: string;
  country: string;
  region?: string | null;
  workWeek?: string[];
  workingHours?: { start: string; end: string };
  locale?: string;
  slackUserId?: string | null;
}

export interface KpiBody {
  key: string;
  label: string;
  unit: string;
  target: number;
  direction: 'higher_is_better' | 'lower_is_better';
}

export interface EngagementBody {
  name: string;
  clientName: string;
  vendorName: string;
  accountManagerId: string;
  executiveId: string | null;
  vendorContactIds: string[];
  kpis: KpiBody[];
}

export type CadenceBody =
  | {
      kind: 'meeting';
      title: string;
      frequency: 'weekly' | 'biweekly' | 'monthly';
      durationMinutes: number;
      preferredWeekdays?: string[];
      holidayPolicy: 'shift' | 'skip';
      startsOn: string;
    }
  | {
      kind: 'status_report';
      title: string;
      frequency: 'weekly' | 'biweekly' | 'monthly';
      due: { weekday: string; time: string };
      holidayPolicy: 'shift' | 'skip';
      startsOn: string;
    };

export interface TouchpointView {
  id: string;
  cadenceId: string;
  kind: 'meeting' | 'status_report';
  status: string;
  scheduledAt: string;
  endsAt: string | null;
  originalAt: string;
  adjustment: { type: 'shifted' | 'skipped'; reason: string } | null;
}

export interface ReportBlockerBody {
  text?: string;
  status: 'open' | 'resolved';
  carriedFrom?: string;
}

export interface ReportBody {
  status: 'green' | 'amber' | 'red';
  kpis: Record<string, number>;
  highlights: string;
  blockers: ReportBlockerBody[];
  asks: string[];
  nextWeekPlan: string;
}

export interface ReportView {
  blockers: { id: string; text: string; status: 'open' | 'resolved' }[];
  late: boolean;
}

export interface HealthFlagView {
  code: string;
  severity: 'info' | 'warning' | 'critical';
  since: string;
  message: string;
}

export interface HealthView {
  score: number;
  band: 'healthy' | 'watch' | 'at_risk' | 'strained';
  trend: number | null;
  flags: HealthFlagView[];
  highlights: { code: string; message: string }[];
}

export interface HealthWeekView {
  week: string;
  weekStart: string;
  score: number;
  band: HealthView['band'];
  trend: number | null;
  flags: string[];
  paused: boolean;
}

export interface ClockSummary {
  from: string;
  to: string;
  steps: number;
  ran: Record<string, number>;
  failed: Record<string, string>;
}

/** One outbound message as GET /api/v1/messages lists it. */
export interface MessageView {
  id: string;
  channel: 'email' | 'slack';
  purpose: string;
  engagementId: string | null;
  touchpointId: string | null;
  recipientPersonId: string | null;
  recipient: string;
  summary: string;
  status: 'queued' | 'sent' | 'failed' | 'dead' | 'cancelled';
  sentAt: string | null;
}

export class ApiRefused extends Error {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    readonly body: string,
  ) {
    super(`${method} ${path} answered ${status}: ${body.slice(0, 500)}`);
    this.name = 'ApiRefused';
  }
}

export class CadenceClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  createPerson(body: PersonBody): Promise<{ id: string }> {
    return this.call('POST', '/api/v1/people', body);
  }

  createEngagement(body: EngagementBody): Promise<{ id: string }> {
    return this.call('POST', '/api/v1/engagements', body);
  }

  createCadence(engagementId: string, body: CadenceBody): Promise<{ id: string }> {
    return this.call('POST', `/api/v1/engagements/${engagementId}/cadences`, body);
  }

  /** Touchpoints scheduled between two UTC dates, both included. */
  touchpoints(engagementId: string, from: string, to: string): Promise<TouchpointView[]> {
    return this.call('GET', `/api/v1/engagements/${engagementId}/touchpoints?from=${from}&to=${to}`);
  }

  touchpoint(touchpointId: string): Promise<TouchpointView> {
    return this.call('GET', `/api/v1/touchpoints/${touchpointId}`);
  }

  submitReport(touchpointId: string, body: ReportBody): Promise<ReportView> {
    return this.call('POST', `/api/v1/touchpoints/${touchpointId}/report`, body);
  }

  markHeld(touchpointId: string, notes: string): Promise<TouchpointView> {
    return this.call('POST', `/api/v1/touchpoints/${touchpointId}/held`, { notes });
  }

  answerAsk(touchpointId: string, index: number): Promise<unknown> {
    return this.call('POST', `/api/v1/touchpoints/${touchpointId}/report/asks/${index}/answer`, {
      note: 'Answered in the weekly sync.',
    });
  }

  /** Weekly snapshots, oldest first. */
  healthHistory(engagementId: string, weeks: number): Promise<HealthWeekView[]> {
    return this.call('GET', `/api/v1/engagements/${engagementId}/health/history?weeks=${weeks}`);
  }

  /** Sent Slack messages of an engagement about a touchpoint, with the clock's time each went out. */
  slackMessages(engagementId: string, touchpointId: string): Promise<MessageView[]> {
    return this.messages({ engagementId, touchpointId, channel: 'slack' });
  }

  /** Every outbound message matching the filters, all pages, oldest first. */
  async messages(filters: Record<string, string> = {}): Promise<MessageView[]> {
    const all: MessageView[] = [];
    for (let offset = 0; ; offset += 200) {
      const query = new URLSearchParams({ ...filters, limit: '200', offset: String(offset) });
      const page = await this.call<{ items: MessageView[]; total: number }>(
        'GET',
        `/api/v1/messages?${query.toString()}`,
      );
      all.push(...page.items);
      if (page.items.length === 0 || all.length >= page.total) return all;
    }
  }

  /** The HTML of the executive's latest digest, exactly as mailed. */
  async latestDigest(executiveId: string): Promise<string> {
    return (await this.checked('GET', `/api/v1/executives/${executiveId}/digest`)).text();
  }

  /** A fresh link to the vendor's status report form for a report touchpoint. */
  reportLink(touchpointId: string): Promise<{ url: string; expiresAt: string }> {
    return this.call('POST', `/api/v1/touchpoints/${touchpointId}/report-link`, {});
  }

  /** Prometheus text of GET /metrics. */
  async metrics(): Promise<string> {
    return (await this.send('GET', '/metrics')).text();
  }

  moveClock(now: string): Promise<ClockSummary> {
    return this.call('POST', '/api/v1/clock', { now });
  }

  /** The current health view. */
  health(engagementId: string): Promise<HealthView> {
    return this.call('GET', `/api/v1/engagements/${engagementId}/health`);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.read<T>(await this.send(method, path, body), method, path);
  }

  private async checked(method: string, path: string): Promise<Response> {
    const response = await this.send(method, path);
    if (response.status >= 300) throw new ApiRefused(response.status, method, path, await response.text());
    return response;
  }

  private send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  private async read<T>(response: Response, method: string, path: string): Promise<T> {
    const text = await response.text();
    if (response.status >= 300) throw new ApiRefused(response.status, method, path, text);
    return JSON.parse(text) as T;
  }
}
