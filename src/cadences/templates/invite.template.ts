import { html, text } from '../../notifications/email/html';
import { formatInstant } from '../../notifications/email/format';
import { renderEmailLayout } from '../../notifications/email/layout';

export interface InviteEmailInput {
  method: 'REQUEST' | 'CANCEL';
  /** 0 for the first invite; higher for updates. */
  sequence: number;
  title: string;
  engagementName: string;
  recipient: { name: string; timeZone: string; locale: string };
  start: Date;
  end: Date;
  /** Where the cadence rule had put it, when it moved. */
  originalAt: Date | null;
  /** Why it moved or was cancelled ("Maundy Thursday (PH)"). */
  reason: string | null;
  participants: { name: string; timeZone: string; locale: string; outOfHoursMinutes: number }[];
}

/** The e-mail around a calendar invite or cancellation, in the recipient's zone and locale. */
export function renderInviteEmail(input: InviteEmailInput): { subject: string; html: string; text: string } {
  const when = formatInstant(input.start, { zone: input.recipient.timeZone, locale: input.recipient.locale });
  const minutes = Math.round((input.end.getTime() - input.start.getTime()) / 60_000);
  const moved = input.originalAt !== null && input.originalAt.getTime() !== input.start.getTime();
  const originally =
    moved && input.originalAt
      ? formatInstant(input.originalAt, { zone: input.recipient.timeZone, locale: input.recipient.locale })
      : null;
  const verb = input.method === 'CANCEL' ? 'Cancelled' : input.sequence === 0 ? 'Invitation' : 'Updated';
  const subject = `${verb}: ${input.title} (${input.engagementName}) – ${when}`;

  const lines = input.participants.map((p) => {
    const local = formatInstant(input.start, { zone: p.timeZone, locale: p.locale });
    const late = p.outOfHoursMinutes > 0 ? ` – ${p.outOfHoursMinutes} min outside their working hours` : '';
    return { name: p.name, local, late };
  });

  const headline =
    input.method === 'CANCEL'
      ? `${input.title} on ${when} will not take place.`
      : moved
        ? `${input.title} moves to ${when}.`
        : `${input.title}: ${when}, ${minutes} minutes.`;

  const body = html` <p style="margin:0 0 12px">${headline}</p>
    ${input.reason ? html`<p style="margin:0 0 12px"><strong>Why:</strong> ${input.reason}</p>` : null}
    ${originally ? html`<p style="margin:0 0 12px;color:#555">Originally ${originally}.</p>` : null}
    <p style="margin:16px 0 4px"><strong>Who, in their own time</strong></p>
    <ul style="margin:0;padding-left:20px">
      ${lines.map((l) => html`<li>${l.name}: ${l.local}${l.late}</li>`)}
    </ul>
    <p style="margin:16px 0 0;color:#555">${input.engagementName}</p>`;

  return {
    subject,
    html: renderEmailLayout({ title: subject, body }),
    text: text`${headline}
${input.reason ? `Why: ${input.reason}` : null}
${originally ? `Originally ${originally}.` : null}

Who, in their own time:
${lines.map((l) => `- ${l.name}: ${l.local}${l.late}`)}

${input.engagementName}
`,
  };
}

/** The calendar entry's description: plain text, the reason first when it moved. */
export function inviteDescription(
  input: Pick<InviteEmailInput, 'engagementName' | 'reason' | 'title'>,
): string {
  return [
    input.reason ? `Moved or changed: ${input.reason}` : null,
    `${input.title} – ${input.engagementName}`,
    'Scheduled by Cadence.',
  ]
    .filter((line): line is string => line !== null)
    .join('\n');
}
