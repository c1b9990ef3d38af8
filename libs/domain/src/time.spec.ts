import {
  addDuration,
  addToDate,
  amsterdamDate,
  amsterdamInstant,
  isCalendarDate,
  parseDuration,
} from './time';

describe('calendar dates and durations in Europe/Amsterdam', () => {
  it.each([
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2026-13-01', false],
    ['23-11-2026', false],
  ])('knows real calendar dates: %s is one: %s', (date, real) => {
    expect(isCalendarDate(date)).toBe(real);
  });

  it.each([
    ['2026-01-31', 1, 0, '2026-02-28'],
    ['2026-08-31', 6, 0, '2027-02-28'],
    ['2026-11-23', 0, -1, '2026-11-22'],
    ['2026-12-15', 12, 0, '2027-12-15'],
  ])(
    'adds months the way a beschikking counts them: %s + %i months %i days',
    (date, months, days, sum) => {
      expect(addToDate(date, months, days)).toBe(sum);
    },
  );

  it('puts a due hour on the right instant in winter and summer time', () => {
    expect(amsterdamInstant('2026-01-15', 8).toISOString()).toBe('2026-01-15T07:00:00.000Z');
    expect(amsterdamInstant('2026-07-15', 8).toISOString()).toBe('2026-07-15T06:00:00.000Z');
    expect(amsterdamDate(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
  });

  it('parses ISO 8601 durations and refuses others', () => {
    expect(parseDuration('P6M')).toEqual({ months: 6, days: 0, seconds: 0 });
    expect(parseDuration('P2W')).toEqual({ months: 0, days: 14, seconds: 0 });
    expect(parseDuration('P1Y2DT30S')).toEqual({ months: 12, days: 2, seconds: 30 });
    expect(() => parseDuration('6 months')).toThrow(RangeError);
    expect(() => parseDuration('P')).toThrow(RangeError);
  });

  it('adds calendar days across the switch to summer time without losing the wall-clock hour', () => {
    const before = amsterdamInstant('2026-03-28', 8);
    expect(addDuration(before, 'P1D').toISOString()).toBe(
      amsterdamInstant('2026-03-29', 8).toISOString(),
    );
    expect(addDuration(before, 'PT30S').getTime() - before.getTime()).toBe(30_000);
  });
});
