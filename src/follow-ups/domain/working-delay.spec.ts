import { formatWorkingDelay, isImmediate, parseWorkingDelay } from './working-delay';

describe('parseWorkingDelay', () => {
  it.each([
    [0, { days: 0, hours: 0 }],
    ['0', { days: 0, hours: 0 }],
    ['immediately', { days: 0, hours: 0 }],
    ['2 working hours', { days: 0, hours: 2 }],
    ['1 working hour', { days: 0, hours: 1 }],
    ['1.5 working hours', { days: 0, hours: 1.5 }],
    ['1 working day', { days: 1, hours: 0 }],
    ['3  Working  Days', { days: 3, hours: 0 }],
    ['2 vendor working hours', { days: 0, hours: 2, side: 'vendor' }],
    ['1 client working day', { days: 1, hours: 0, side: 'client' }],
    ['1 working day and 4 working hours', { days: 1, hours: 4 }],
    ['1 client working day, 4 client working hours', { days: 1, hours: 4, side: 'client' }],
    [{ workingHours: 2 }, { days: 0, hours: 2 }],
    [
      { workingDays: 1, workingHours: 4, side: 'client' },
      { days: 1, hours: 4, side: 'client' },
    ],
  ])('reads %j', (input, expected) => {
    expect(parseWorkingDelay(input)).toEqual({ ok: true, delay: expected });
  });

  it.each([
    [2, '2 has no unit'],
    ['2 hours', '"2 hours" is not a delay'],
    ['2 working weeks', 'is not a delay'],
    ['-1 working day', 'is not a delay'],
    ['1.5 working days', 'whole working days'],
    ['1 vendor working day and 2 client working hours', 'names both sides'],
    ['1 working day and 2 working days', 'gives working days twice'],
    ['31 working days', 'over 30 working days'],
    ['241 working hours', 'over 240 working hours'],
    [{ workingHours: -1 }, 'must not be negative'],
    [{ workingHours: '2' }, 'workingHours must be a number'],
    [{ hours: 2 }, 'unknown key "hours"'],
    [{}, 'needs workingHours or workingDays'],
    [{ workingDays: 1, side: 'both' }, 'side must be vendor or client'],
    [null, 'must be a delay'],
    [['2 working hours'], 'must be a delay'],
  ])('refuses %j with a message that says why and how to write it', (input, why) => {
    const result = parseWorkingDelay(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(why);
  });

  it('shows the accepted forms in a syntax error', () => {
    const result = parseWorkingDelay('soon');
    expect(!result.ok && result.message).toContain('"2 working hours", "1 working day"');
  });
});

describe('formatWorkingDelay', () => {
  it('writes a delay back in the playbook’s words', () => {
    expect(formatWorkingDelay({ days: 0, hours: 0 })).toBe('immediately');
    expect(formatWorkingDelay({ days: 0, hours: 2, side: 'vendor' })).toBe('2 vendor working hours');
    expect(formatWorkingDelay({ days: 1, hours: 1 })).toBe('1 working day and 1 working hour');
  });

  it('round-trips through the parser', () => {
    for (const text of ['2 vendor working hours', '3 working days and 1.5 working hours', 'immediately']) {
      const parsed = parseWorkingDelay(text);
      expect(parsed.ok && formatWorkingDelay(parsed.delay)).toBe(text);
    }
  });

  it('calls only a zero delay immediate', () => {
    expect(isImmediate({ days: 0, hours: 0 })).toBe(true);
    expect(isImmediate({ days: 0, hours: 0.25 })).toBe(false);
  });
});
