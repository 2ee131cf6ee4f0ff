import { isIslamicRule } from './islamic-rule';

describe('Islamic-calendar rules', () => {
  it.each([
    '1 Shawwal P3D',
    '30 Ramadan P4D',
    '10 Dhu al-Hijjah',
    '12 Rabi al-awwal',
    '27 Rajab',
    '1 Muharram',
  ])('recognises %s', (rule) => expect(isIslamicRule(rule)).toBe(true));

  it.each([
    'easter -3',
    '15 Nisan',
    '1 Tishrei',
    'chinese 01-0-01',
    '4th thursday in November',
    '03-08 12:00',
  ])('leaves %s alone', (rule) => expect(isIslamicRule(rule)).toBe(false));
});
