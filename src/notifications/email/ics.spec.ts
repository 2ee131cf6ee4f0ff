import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { buildInvite, InviteError, readIcsMethod, type InviteInput } from './ics';

const base: InviteInput = {
  uid: 'tp_01JQ3@cadence',
  sequence: 0,
  method: 'REQUEST',
  start: new Date('2027-03-09T14:00:00Z'),
  end: new Date('2027-03-09T14:45:00Z'),
  title: 'Weekly sync: Acme × Manila CX',
  description: 'Agenda: KPIs, blockers',
  organizer: { name: 'Cadence', email: 'cadence@acme.example' },
  attendees: [
    { name: 'Maria Santos', email: 'maria@manilacx.example' },
    { name: 'Dan Miller', email: 'dan@acme.example', role: 'OPT-PARTICIPANT' },
  ],
  stamp: new Date('2027-03-01T08:00:00Z'),
};

function parse(ics: string): { calendar: ICAL.Component; event: ICAL.Event } {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { calendar, event: new ICAL.Event(vevent) };
}

describe('buildInvite', () => {
  it('writes a REQUEST whose METHOD, UID, SEQUENCE and UTC times parse back', () => {
    const ics = buildInvite(base);
    const { calendar, event } = parse(ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe('tp_01JQ3@cadence');
    expect(event.sequence).toBe(0);
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-03-09T14:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-03-09T14:45:00.000Z');
    expect(ics).toContain('DTSTART:20270309T140000Z\r\n');
    expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(readIcsMethod(ics)).toBe('REQUEST');
  });

  it('takes DTSTAMP from the caller, not from the real clock', () => {
    const ics = buildInvite(base);
    expect(ics).toContain('DTSTAMP:20270301T080000Z\r\n');
    expect(buildInvite(base)).toBe(ics);
  });

  it('writes a CANCEL with STATUS:CANCELLED and the sequence given', () => {
    const ics = buildInvite({ ...base, method: 'CANCEL', sequence: 3 });
    const { calendar, event } = parse(ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.sequence).toBe(3);
    expect(event.uid).toBe(base.uid);
  });

  it('accepts Luxon DateTimes in any zone as instants', () => {
    const start = DateTime.fromISO('2027-03-09T22:00:00', { zone: 'Asia/Manila' });
    const ics = buildInvite({ ...base, start, end: start.plus({ minutes: 45 }) });
    expect(parse(ics).event.startDate.toJSDate().toISOString()).toBe('2027-03-09T14:00:00.000Z');
  });

  it('lists organizer and attendees with their roles', () => {
    const { event } = parse(buildInvite(base));
    const organizer = event.component.getFirstProperty('organizer');
    expect(organizer?.getFirstValue()).toBe('MAILTO:cadence@acme.example');
    const attendees = event.attendees.map((a) => ({
      value: a.getFirstValue(),
      cn: a.getParameter('cn'),
      role: a.getParameter('role'),
      rsvp: a.getParameter('rsvp'),
    }));
    expect(attendees).toEqual([
      { value: 'mailto:maria@manilacx.example', cn: 'Maria Santos', role: 'REQ-PARTICIPANT', rsvp: 'TRUE' },
      { value: 'mailto:dan@acme.example', cn: 'Dan Miller', role: 'OPT-PARTICIPANT', rsvp: 'TRUE' },
    ]);
  });

  it('escapes commas, semicolons, backslashes and every kind of line break in typed text', () => {
    const description = 'Moved: Araw ng Kagitingan (PH); see notes, please\\n\r\nline 2\rline 3\nline 4';
    const ics = buildInvite({ ...base, description, location: 'Room 1; Floor 2, Bldg A' });
    // No raw CR/LF inside a property: every line of the file is a property or a fold.
    for (const line of ics.split('\r\n').filter((l) => l !== '')) {
      expect(line).not.toMatch(/[\r\n]/);
    }
    const { event } = parse(ics);
    expect(event.description).toBe(
      'Moved: Araw ng Kagitingan (PH); see notes, please\\n\nline 2\nline 3\nline 4',
    );
    expect(event.location).toBe('Room 1; Floor 2, Bldg A');
  });

  it('keeps a typed name from injecting properties or breaking the CN quotes', () => {
    const ics = buildInvite({
      ...base,
      organizer: { name: 'Evil\r\nATTENDEE:mailto:x@evil.example', email: 'cadence@acme.example' },
      attendees: [{ name: 'Maria "the boss" Santos\nX: y', email: 'maria@manilacx.example' }],
    });
    const { event } = parse(ics);
    expect(event.attendees).toHaveLength(1);
    expect(event.attendees[0]?.getParameter('cn')).toBe("Maria 'the boss' Santos X: y");
    expect(event.component.getFirstProperty('organizer')?.getParameter('cn')).toBe(
      'Evil ATTENDEE:mailto:x@evil.example',
    );
  });

  it('keeps non-ASCII titles intact', () => {
    const { event } = parse(buildInvite({ ...base, title: 'Spotkanie: Kraków × Bogotá — 週次' }));
    expect(event.summary).toBe('Spotkanie: Kraków × Bogotá — 週次');
  });

  it('refuses input it cannot write safely', () => {
    expect(() => buildInvite({ ...base, uid: 'a b' })).toThrow(InviteError);
    expect(() => buildInvite({ ...base, uid: 'x\r\nMETHOD:PUBLISH' })).toThrow(InviteError);
    expect(() => buildInvite({ ...base, sequence: -1 })).toThrow(InviteError);
    expect(() => buildInvite({ ...base, sequence: 1.5 })).toThrow(InviteError);
    expect(() => buildInvite({ ...base, end: base.start })).toThrow(InviteError);
    expect(() => buildInvite({ ...base, attendees: [] })).toThrow(InviteError);
    expect(() => buildInvite({ ...base, attendees: [{ name: 'x', email: 'x@y.example\r\nA:B' }] })).toThrow(
      InviteError,
    );
    expect(() => buildInvite({ ...base, url: 'https://x.example/a b' })).toThrow(InviteError);
    expect(() => buildInvite({ ...base, start: new Date(Number.NaN) })).toThrow(InviteError);
  });

  it('writes the URL when given', () => {
    const { event } = parse(buildInvite({ ...base, url: 'https://cadence.example/t/tp_01JQ3' }));
    expect(event.component.getFirstPropertyValue('url')).toBe('https://cadence.example/t/tp_01JQ3');
  });
});
