import { createEvents, type Attendee, type EventAttributes } from 'ics';
import { type DateTime } from 'luxon';

/** iTIP methods Cadence sends (RFC 5546): an invite or update, and a cancellation. */
export type InviteMethod = 'REQUEST' | 'CANCEL';

export type InviteRole = 'REQ-PARTICIPANT' | 'OPT-PARTICIPANT' | 'CHAIR' | 'NON-PARTICIPANT';

export interface InvitePerson {
  name: string;
  email: string;
}

export interface InviteAttendee extends InvitePerson {
  /** Defaults to REQ-PARTICIPANT. */
  role?: InviteRole;
}

export interface InviteInput {
  /** Stable per occurrence, e.g. `<touchpointId>@cadence`; every update and the cancel reuse it. */
  uid: string;
  /** Raised on every change of the occurrence; a CANCEL carries a higher one than the last REQUEST. */
  sequence: number;
  method: InviteMethod;
  start: Date | DateTime;
  end: Date | DateTime;
  title: string;
  description: string;
  organizer: InvitePerson;
  attendees: readonly InviteAttendee[];
  location?: string;
  url?: string;
  /**
   * DTSTAMP: when this version of the invite was created. Passed in (from the
   * injected clock) rather than read from the real clock, so simulations and
   * tests produce the same bytes.
   */
  stamp: Date | DateTime;
}

/** The invite input was unusable; the message says which field. */
export class InviteError extends Error {
  override readonly name = 'InviteError';
}

const PRODUCT_ID = '-//Cadence//Cadence invites//EN';

// UID is a TEXT value the ics package writes unescaped: keep it to characters
// that need no escaping and that no client mangles.
const UID_PATTERN = /^[A-Za-z0-9@._+-]{1,255}$/;
// The address goes after "mailto:" unescaped, so nothing that could end or split the line.
const EMAIL_PATTERN = /^[^\s"<>:;,\\@]+@[^\s"<>:;,\\@]+\.[^\s"<>:;,\\@]+$/;

function toMillis(value: Date | DateTime, field: string): number {
  const millis = value instanceof Date ? value.getTime() : value.toMillis();
  if (!Number.isFinite(millis)) throw new InviteError(`${field} is not a valid instant`);
  // The ics package takes epoch milliseconds as an integer and writes whole seconds.
  return Math.floor(millis / 1000) * 1000;
}

/**
 * Prepares text people typed for a TEXT property (SUMMARY, DESCRIPTION, LOCATION).
 *
 * The ics package escapes `\`, `;`, `,` and `\n` (RFC 5545 §3.3.11) but only
 * recognises CRLF and LF as line breaks: a lone CR would reach the file raw and
 * end the property early. So line breaks are normalised first, and the other
 * control characters, which TEXT does not allow, are dropped.
 */
function cleanText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/**
 * Prepares a name for a quoted parameter value (`CN="…"`).
 *
 * A quoted parameter cannot contain DQUOTE or control characters at all
 * (RFC 5545 §3.1), and the ics package writes ORGANIZER's CN without escaping
 * newlines, so a typed name could otherwise inject properties. Quotes become
 * apostrophes; control characters become spaces.
 */
function cleanParam(value: string): string {
  return value

    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/"/g, "'")
    .trim();
}

function checkEmail(email: string, field: string): string {
  if (!EMAIL_PATTERN.test(email)) throw new InviteError(`${field} is not a usable email address`);
  return email;
}

/**
 * Builds a single-event iCalendar object for an iTIP REQUEST or CANCEL.
 *
 * Times are written in UTC (`DTSTART:20270325T140000Z`), which every client
 * shows in the reader's own zone; the ics package cannot write VTIMEZONE and
 * a single occurrence does not need one. METHOD matches `method`, and a CANCEL
 * carries STATUS:CANCELLED, so the MIME `method=` the mailer sets from the same
 * value agrees with the file (Outlook rejects a mismatch).
 *
 * @throws InviteError when a field cannot be written safely.
 */
export function buildInvite(input: InviteInput): string {
  if (!UID_PATTERN.test(input.uid)) {
    throw new InviteError('uid must be 1–255 characters of letters, digits and @._+-');
  }
  if (!Number.isSafeInteger(input.sequence) || input.sequence < 0 || input.sequence > 2147483647) {
    throw new InviteError('sequence must be a non-negative integer');
  }
  const start = toMillis(input.start, 'start');
  const end = toMillis(input.end, 'end');
  if (end <= start) throw new InviteError('end must be after start');
  if (input.attendees.length === 0) throw new InviteError('an invite needs at least one attendee');

  const isCancel = input.method === 'CANCEL';
  const attendees: Attendee[] = input.attendees.map((attendee, i) => ({
    name: cleanParam(attendee.name),
    email: checkEmail(attendee.email, `attendees[${i}].email`),
    role: attendee.role ?? 'REQ-PARTICIPANT',
    partstat: 'NEEDS-ACTION',
    // A cancellation asks for no reply.
    rsvp: !isCancel,
  }));

  // `timestamp` (DTSTAMP) is read by the ics package but missing from its types.
  const event: EventAttributes & { timestamp: number } = {
    uid: input.uid,
    sequence: input.sequence,
    timestamp: toMillis(input.stamp, 'stamp'),
    start,
    startInputType: 'utc',
    startOutputType: 'utc',
    end,
    endInputType: 'utc',
    endOutputType: 'utc',
    title: cleanText(input.title),
    description: cleanText(input.description),
    status: isCancel ? 'CANCELLED' : 'CONFIRMED',
    organizer: {
      name: cleanParam(input.organizer.name),
      email: checkEmail(input.organizer.email, 'organizer.email'),
    },
    attendees,
  };
  if (input.location !== undefined && input.location !== '') event.location = cleanText(input.location);
  if (input.url !== undefined) {
    if (/[\s\u0000-\u001f\u007f]/.test(input.url)) throw new InviteError('url must not contain spaces');
    event.url = input.url;
  }

  const { error, value } = createEvents([event], { method: input.method, productId: PRODUCT_ID });
  if (error || value === null) {
    throw new InviteError(`the ics package refused the invite: ${error?.message ?? 'no output'}`);
  }
  return value;
}

/**
 * Reads the METHOD of an iCalendar object (`REQUEST`, `CANCEL`, …), or null.
 * The email adapter uses it to refuse a MIME `method=` that disagrees with the file.
 */
export function readIcsMethod(ics: string): string | null {
  const match = /^METHOD:([^\r\n]*)\r?$/m.exec(ics);
  return match?.[1] ? match[1].trim().toUpperCase() : null;
}
