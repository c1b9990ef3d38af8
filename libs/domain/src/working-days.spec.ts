import {
  addWorkingDays,
  easterSunday,
  isWorkingDay,
  publicHolidays,
  workingDaysBetween,
} from './working-days';

describe('working days (Algemene termijnenwet art. 3)', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2030, '2030-04-21'],
    [2038, '2038-04-25'],
    [2100, '2100-03-28'],
  ])('finds Easter %i on %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('lists the holidays of 2026, Koningsdag on the 27th', () => {
    expect(publicHolidays(2026).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-04-27',
      '2026-05-05',
      '2026-05-14',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  it('moves Koningsdag to the 26th when the 27th is a Sunday (2025, 2031)', () => {
    expect(publicHolidays(2025).find((h) => h.name === 'Koningsdag')?.date).toBe('2025-04-26');
    expect(publicHolidays(2031).find((h) => h.name === 'Koningsdag')?.date).toBe('2031-04-26');
  });

  it('skips weekends and holidays, not Goede Vrijdag', () => {
    expect(isWorkingDay('2026-11-23')).toBe(true); // a Monday
    expect(isWorkingDay('2026-11-22')).toBe(false); // Sunday
    expect(isWorkingDay('2026-04-06')).toBe(false); // Tweede Paasdag
    expect(isWorkingDay('2026-04-03')).toBe(true); // Goede Vrijdag
    expect(isWorkingDay('2027-05-05')).toBe(false); // Bevrijdingsdag, a Wednesday
  });

  it('counts five working days from a handover, across Easter and Christmas', () => {
    expect(addWorkingDays('2026-11-20', 5)).toBe('2026-11-27'); // Friday → Friday
    expect(addWorkingDays('2026-04-02', 5)).toBe('2026-04-10'); // over Tweede Paasdag
    expect(addWorkingDays('2026-12-23', 5)).toBe('2026-12-31'); // over both Kerstdagen
    expect(addWorkingDays('2026-12-23', 6)).toBe('2027-01-04'); // and Nieuwjaarsdag
    expect(addWorkingDays('2027-05-04', 5)).toBe('2027-05-13'); // 5 mei, Hemelvaart (6 mei)
    expect(addWorkingDays('2026-11-23', 0)).toBe('2026-11-23');
  });

  it('counts the working days between two dates', () => {
    expect(workingDaysBetween('2026-12-23', '2027-01-04')).toBe(6);
    expect(workingDaysBetween('2026-11-27', '2026-11-20')).toBe(0);
  });

  it('has 250 to 256 working days in every year of two decades', () => {
    for (let year = 2020; year <= 2040; year += 1) {
      const days = workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`);
      expect({ year, ok: days >= 250 && days <= 256 }).toEqual({ year, ok: true });
    }
  });
});
