import { DataSource } from 'typeorm';
import { newEngagement, type CreatedEngagement, type CreatedPerson } from '../factories/people.factory';
import { newReportCadence, newTouchpoint, type TouchpointInput } from '../factories/touchpoints.factory';
import type { HttpResult, TestApp } from '../support/test-app';

export const TABLES = ['status_report', 'report_token', 'touchpoint', 'outbox_message'] as const;

/** Every row of the tables a report can touch, to prove that a request changed nothing. */
export async function snapshot(app: TestApp): Promise<Record<string, unknown[]>> {
  const dataSource = app.app.get(DataSource);
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) out[table] = await dataSource.query(`SELECT * FROM ${table} ORDER BY id`);
  return out;
}

export interface ReportFixture {
  engagement: CreatedEngagement;
  vendorContact: CreatedPerson;
  cadenceId: string;
}

/** An engagement with a vendor contact in Manila and one weekly report cadence. */
export async function reportEngagement(
  app: TestApp,
  options: { name?: string; kpis?: CreatedEngagement['kpis'] } = {},
): Promise<ReportFixture> {
  const { engagement, vendorContact } = await newEngagement(app, {
    ...(options.name !== undefined && { name: options.name }),
    ...(options.kpis !== undefined && { kpis: options.kpis }),
    vendorContact: {
      role: 'vendor_contact',
      name: 'Maria Santos',
      timeZone: 'Asia/Manila',
      country: 'PH',
      locale: 'en-PH',
    },
  });
  const cadence = await newReportCadence(app, { engagementId: engagement.id });
  return { engagement, vendorContact, cadenceId: cadence.id };
}

export async function reportTouchpoint(
  app: TestApp,
  fixture: ReportFixture,
  at: string,
  extra: Partial<TouchpointInput> = {},
): Promise<string> {
  const touchpoint = await newTouchpoint(app, {
    engagementId: fixture.engagement.id,
    cadenceId: fixture.cadenceId,
    at,
    ...extra,
  });
  return touchpoint.id;
}

/** A fresh link through the API; answers the path (`/r/<token>`), since PUBLIC_URL names no real port here. */
export async function linkPath(app: TestApp, touchpointId: string): Promise<string> {
  const result = await app.api<{ url: string }>('POST', `/api/v1/touchpoints/${touchpointId}/report-link`);
  if (result.status !== 201) throw new Error(`issuing a link failed: ${result.status} ${result.text}`);
  return new URL(result.body.url).pathname;
}

/**
 * One browser's worth of state for the form over plain HTTP: the CSRF nonce
 * cookie, and the hidden field of the last form it was shown.
 */
export class FormSession {
  cookie: string | null = null;
  csrf: string | null = null;
  /** The radio buttons the last form had checked, as a browser would send them. */
  checked: Record<string, string> = {};

  constructor(private readonly app: TestApp) {}

  async open(path: string, headers: Record<string, string> = {}): Promise<HttpResult<string>> {
    const result = await this.app.fetch<string>(path, {
      headers: { ...(this.cookie && { cookie: this.cookie }), ...headers },
    });
    const setCookie = result.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? null;
    const csrf = /name="csrf" value="([^"]+)"/.exec(result.text);
    if (csrf) this.csrf = csrf[1] ?? null;
    if (result.text.includes('<form')) {
      this.checked = {};
      for (const [tag] of result.text.matchAll(/<input\b[^>]*>/g)) {
        const name = /\sname="([^"]+)"/.exec(tag)?.[1];
        const value = /\svalue="([^"]*)"/.exec(tag)?.[1];
        if (/type="radio"/.test(tag) && /\schecked\b/.test(tag) && name && value !== undefined)
          this.checked[name] = value;
      }
    }
    return result;
  }

  /**
   * Posts the form as a browser would: urlencoded, with the cookie, the hidden
   * field and the radio buttons left as the page checked them.
   */
  async post(
    path: string,
    fields: Record<string, string>,
    options: {
      csrf?: string | null;
      cookie?: string | null;
      headers?: Record<string, string>;
      /** Radio groups to send unanswered. */
      omit?: string[];
    } = {},
  ): Promise<HttpResult<string>> {
    const csrf = options.csrf === undefined ? this.csrf : options.csrf;
    const cookie = options.cookie === undefined ? this.cookie : options.cookie;
    const checked = Object.fromEntries(
      Object.entries(this.checked).filter(([name]) => !(options.omit ?? []).includes(name)),
    );
    const body = new URLSearchParams({ ...checked, ...(csrf !== null && { csrf }), ...fields });
    return this.app.fetch<string>(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(cookie !== null && { cookie }),
        ...options.headers,
      },
      body: body.toString(),
    });
  }
}

/** The visible text of an HTML page, roughly: tags dropped, entities of the five escaped characters decoded. */
export function textOf(page: string): string {
  return page
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
