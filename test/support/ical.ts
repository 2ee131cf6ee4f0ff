import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';

export interface ParsedInvite {
  method: string;
  uid: string;
  sequence: number;
  start: string;
  end: string;
  summary: string;
  description: string;
}

/**
 * Reads the calendar part of a received e-mail with ical.js, an iCalendar
 * parser independent of the `ics` package that wrote it.
 */
export function inviteOf(mail: ParsedMail): ParsedInvite {
  const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  const source =
    part?.content.toString('utf8') ??
    (typeof mail.text === 'string' && mail.text.includes('BEGIN:VCALENDAR') ? mail.text : null);
  if (source === null) throw new Error(`no text/calendar part in "${mail.subject ?? ''}"`);
  const calendar = new ICAL.Component(ICAL.parse(source) as unknown[]);
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  const event = new ICAL.Event(vevent);
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    summary: event.summary,
    description: event.description,
  };
}
