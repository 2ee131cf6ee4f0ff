import { describePeriod } from './report-period';

// ICU puts thin spaces around the range dash and, in some versions, narrow ones elsewhere.
const plain = (text: string): string => text.replace(/\s/g, ' ');

describe('describePeriod', () => {
  it('names an ISO week by its dates, in the reader’s locale', () => {
    expect(plain(describePeriod('2027-W12', 'en-US'))).toBe('Week 12: Mon, Mar 22 – Sun, Mar 28, 2027');
    expect(plain(describePeriod('2027-W12', 'en-GB'))).toBe('Week 12: Mon, 22 Mar – Sun, 28 Mar 2027');
  });

  it('handles a week that spans two years', () => {
    expect(plain(describePeriod('2026-W53', 'en-US'))).toBe('Week 53: Mon, Dec 28, 2026 – Sun, Jan 3, 2027');
  });

  it('names a month', () => {
    expect(describePeriod('2027-03', 'en-PH')).toBe('March 2027');
  });

  it('shows anything else as it is, including impossible weeks', () => {
    expect(describePeriod('2027-W60', 'en-US')).toBe('2027-W60');
    expect(describePeriod('Q1', 'en-US')).toBe('Q1');
  });
});
