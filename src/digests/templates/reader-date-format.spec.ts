import { ReaderDateFormat } from './reader-date-format';

// ICU puts thin and narrow no-break spaces around range dashes and before AM/PM, depending on its version.
function plain(text: string): string {
  return text.replace(/[\u00a0\u2009\u202f]/g, ' ');
}

describe('ReaderDateFormat', () => {
  const newYork = new ReaderDateFormat({ name: 'Dana', zone: 'America/New_York', locale: 'en-US' });

  it('shows an instant in the reader zone with its short zone name, on either side of the US clock change', () => {
    // Sunday 7 November 2027 at 2:00 the US goes back to standard time.
    expect(plain(newYork.dayAndTime('2027-11-05T14:00:00Z'))).toBe('Fri, Nov 5, 10:00 AM EDT');
    expect(plain(newYork.dayAndTime('2027-11-09T15:00:00Z'))).toBe('Tue, Nov 9, 10:00 AM EST');
  });

  it('shows the reader’s own date of an instant, which can differ from the UTC date', () => {
    expect(newYork.dayOf('2027-10-15T02:00:00Z')).toBe('Thu, Oct 14');
  });

  it('shows a local date as that date, whatever the reader’s zone', () => {
    const auckland = new ReaderDateFormat({ name: 'Aroha', zone: 'Pacific/Auckland', locale: 'en-NZ' });
    const honolulu = new ReaderDateFormat({ name: 'Kai', zone: 'Pacific/Honolulu', locale: 'en-US' });
    expect(auckland.day('2027-10-29')).toMatch(/Fri.*29.*Oct/);
    expect(honolulu.day('2027-10-29')).toBe('Fri, Oct 29');
  });

  it('follows the reader’s locale', () => {
    const london = new ReaderDateFormat({ name: 'Sam', zone: 'Europe/London', locale: 'en-GB' });
    expect(london.day('2027-11-01')).toBe('Mon 1 Nov');
    expect(london.dayAndTime('2027-10-26T13:00:00Z')).toBe('Tue 26 Oct, 14:00 BST');
    const berlin = new ReaderDateFormat({ name: 'Jo', zone: 'Europe/Berlin', locale: 'de-DE' });
    expect(berlin.day('2027-11-01')).toBe('Mo., 1. Nov.');
  });

  it('falls back to English for a malformed locale instead of the machine default', () => {
    const odd = new ReaderDateFormat({ name: 'X', zone: 'UTC', locale: 'en_US' });
    expect(odd.locale).toBe('en');
    expect(odd.day('2027-11-01')).toBe('Mon, Nov 1');
  });

  it('formats a week as a range', () => {
    expect(plain(newYork.range('2027-11-01', '2027-11-07'))).toBe('Nov 1 – 7, 2027');
    expect(plain(newYork.range('2027-12-27', '2028-01-02'))).toBe('Dec 27, 2027 – Jan 2, 2028');
  });

  it('names the zone as people say it, with the IANA name', () => {
    expect(newYork.zoneName()).toBe('Eastern Time (America/New_York)');
    expect(new ReaderDateFormat({ name: 'U', zone: 'UTC', locale: 'en' }).zoneName()).toMatch(/UTC/);
  });
});
