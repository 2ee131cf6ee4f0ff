import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../core/clock/clock';
import { AppConfig } from '../core/config/app-config';
import { hashToken } from '../core/auth/capability-token';
import { Conflict, DomainError, ValidationFailed } from '../core/errors/domain-error';
import { Person } from '../people/person.entity';
import {
  FORM_FIELDS,
  formValue,
  reportInputFromForm,
  type FormBody,
  type FormShape,
} from './domain/report-form-input';
import { FormCsrfService } from './form-csrf.service';
import { FormRateLimiter } from './form-rate-limiter';
import { isWithdrawn, type ReportSubject, ReportSubjectService } from './report-subject.service';
import { ReportSubmissionService } from './report-submission.service';
import { ReportTokenService } from './report-token.service';
import type { ReportToken } from './report-token.entity';
import { renderReportForm } from './views/report-form.view';
import { renderReportClosed, renderReportConfirmation } from './views/report-summary.view';
import {
  blankValues,
  carriedFor,
  formNotices,
  headingFor,
  kpiFieldsFor,
  readerOf,
  rowsFor,
  summaryFor,
  valuesFromBody,
  valuesFromReport,
  type Reader,
} from './views/report-view.builder';
import type { FormValues } from './views/report-view.model';

/** Who is asking, as far as the form cares. */
export interface FormVisitor {
  /** Client address, for rate limiting. */
  address: string;
  /** The CSRF nonce from the visitor's cookie, if any. */
  nonce: string | null;
  /** `Sec-Fetch-Site`, when the browser sends it. */
  fetchSite: string | null;
}

/** What to answer: a page (and the nonce cookie to set with it), or a redirect. */
export type FormPage =
  { kind: 'page'; status: number; html: string; nonce?: string } | { kind: 'redirect'; location: string };

/** The POST did not come from this link's form in this browser. */
export class FormNotTrusted extends DomainError {
  constructor() {
    super('FORM_EXPIRED', 'This form could not be accepted.', 403);
  }
}

/** The form posts `application/x-www-form-urlencoded`; anything else is not the form. */
export class NotAForm extends DomainError {
  constructor() {
    super('UNSUPPORTED_MEDIA_TYPE', 'Send the form from its page.', 415);
  }
}

/** A link, opened: the token row, its report and its reader. */
interface Opened {
  token: string;
  row: ReportToken;
  subject: ReportSubject;
  reader: Reader;
}

/**
 * The vendor form's flow: rate limit, link, CSRF, then the same submission
 * service as the API. GETs only read: opening a link (which mail scanners do)
 * never changes anything.
 */
@Injectable()
export class ReportFormService {
  private readonly basePath: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: ReportTokenService,
    private readonly subjects: ReportSubjectService,
    private readonly submissions: ReportSubmissionService,
    private readonly csrf: FormCsrfService,
    private readonly limiter: FormRateLimiter,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.basePath = basePathOf(config.server.publicUrl);
  }

  /** `GET /r/:token`: the form, filled with what was sent before when it is an edit. */
  async open(token: string, visitor: FormVisitor): Promise<FormPage> {
    const opened = await this.resolve(token, visitor);
    const closed = this.closedPage(opened);
    if (closed !== null) return closed;
    const { subject } = opened;
    const values =
      subject.report === null
        ? blankValues(subject.previousOpenBlockers)
        : valuesFromReport(subject.report, subject.previousOpenBlockers);
    return this.formPage(opened, visitor, values, {}, 200);
  }

  /** `POST /r/:token`: stores the report and redirects to the confirmation, or shows the errors. */
  async submit(token: string, body: unknown, formEncoded: boolean, visitor: FormVisitor): Promise<FormPage> {
    const opened = await this.resolve(token, visitor);
    if (!formEncoded || !isFormBody(body)) throw new NotAForm();
    const sameOrigin = visitor.fetchSite === null || visitor.fetchSite === 'same-origin';
    if (
      !sameOrigin ||
      !this.csrf.verify(opened.row.tokenHash, visitor.nonce, formValue(body, FORM_FIELDS.csrf))
    ) {
      throw new FormNotTrusted();
    }
    const closed = this.closedPage(opened);
    if (closed !== null) return closed;

    const shape = shapeOf(opened.subject);
    try {
      await this.submissions.submitTo(opened.subject, reportInputFromForm(body, shape), opened.row.personId);
    } catch (error) {
      if (error instanceof ValidationFailed) {
        return this.formPage(opened, visitor, valuesFromBody(body, shape), error.fields ?? {}, 400);
      }
      if (error instanceof Conflict)
        return this.closedPage(await this.reopen(opened), error.message) ?? raise(error);
      throw error;
    }
    // Post/redirect/get: reloading the confirmation does not send the report again.
    return { kind: 'redirect', location: `${this.basePath}/r/${token}/sent` };
  }

  /** `GET /r/:token/sent`: what was stored. */
  async sent(token: string, visitor: FormVisitor): Promise<FormPage> {
    const opened = await this.resolve(token, visitor);
    const { subject, reader } = opened;
    if (subject.report === null) return { kind: 'redirect', location: `${this.basePath}/r/${token}` };
    const editable = !isWithdrawn(subject.touchpoint) && this.clock.now() < subject.editableUntil;
    const view = summaryFor(subject, subject.report, reader, {
      basePath: this.basePath,
      edit: editable ? { href: `${this.basePath}/r/${token}`, until: subject.editableUntil } : null,
    });
    return { kind: 'page', status: 200, html: renderReportConfirmation(view) };
  }

  private async resolve(token: string, visitor: FormVisitor): Promise<Opened> {
    // Counted before the lookup, so guessing links costs the guesser, not the database.
    this.limiter.hit(visitor.address, hashToken(token));
    const row = await this.tokens.resolve(token);
    const subject = await this.subjects.load(row.touchpointId);
    const person = await this.dataSource.getRepository(Person).findOneBy({ id: row.personId });
    return { token, row, subject, reader: readerOf(person) };
  }

  private async reopen(opened: Opened): Promise<Opened> {
    return { ...opened, subject: await this.subjects.load(opened.subject.touchpoint.id) };
  }

  /** A 409 page when the report takes nothing (withdrawn, or closed); null when it is open. */
  private closedPage(opened: Opened, reason?: string): FormPage | null {
    const { subject, reader } = opened;
    let message: string;
    try {
      this.subjects.assertAccepting(subject, this.clock.now());
      if (reason === undefined) return null;
      message = reason;
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
      message = isWithdrawn(subject.touchpoint)
        ? `This report is not expected${subject.touchpoint.adjustmentReason ? `: ${subject.touchpoint.adjustmentReason}` : ''}. There is nothing to send.`
        : `This report can no longer be sent or changed: that closed when the next report was due.`;
    }
    const stored =
      subject.report === null
        ? null
        : summaryFor(subject, subject.report, reader, { basePath: this.basePath, edit: null });
    return {
      kind: 'page',
      status: 409,
      html: renderReportClosed({
        basePath: this.basePath,
        heading: headingFor(subject, reader),
        message,
        stored,
      }),
    };
  }

  private formPage(
    opened: Opened,
    visitor: FormVisitor,
    values: FormValues,
    errors: Readonly<Record<string, string>>,
    status: 200 | 400,
  ): FormPage {
    const { subject, reader, row } = opened;
    // Keep the browser's nonce: a second tab of the form stays valid.
    const nonce = this.csrf.isNonce(visitor.nonce) ? visitor.nonce : this.csrf.newNonce();
    const html = renderReportForm({
      basePath: this.basePath,
      heading: headingFor(subject, reader),
      notices: formNotices(subject, reader, this.clock.now(), this.config.reports.lateGraceMinutes),
      kpis: kpiFieldsFor(subject.engagement.kpis, reader),
      carried: carriedFor(subject.previousOpenBlockers, reader),
      newBlockerSlots: rowsFor(values, 'newBlockers'),
      askSlots: rowsFor(values, 'asks'),
      values,
      errors,
      csrf: this.csrf.fieldFor(row.tokenHash, nonce),
      submitLabel: subject.report === null ? 'Send report' : 'Save changes',
    });
    return { kind: 'page', status, html, nonce };
  }
}

/** The path part of PUBLIC_URL (`https://x.example/cadence` → `/cadence`), for links and assets. */
export function basePathOf(publicUrl: string): string {
  return new URL(publicUrl).pathname.replace(/\/+$/, '');
}

function shapeOf(subject: ReportSubject): FormShape {
  return {
    kpiKeys: subject.engagement.kpis.map((k) => k.key),
    previousOpenBlockerIds: subject.previousOpenBlockers.map((b) => b.id),
  };
}

function isFormBody(body: unknown): body is FormBody {
  return typeof body === 'object' && body !== null && !Array.isArray(body);
}

function raise(error: Error): never {
  throw error;
}
