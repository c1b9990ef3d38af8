import { ownLettersFromAgeFromEnv } from './letter-recipients';

describe(ownLettersFromAgeFromEnv.name, () => {
  it('is 16 unless set', () => {
    expect(ownLettersFromAgeFromEnv({})).toBe(16);
    expect(ownLettersFromAgeFromEnv({ CLIENT_OWN_LETTERS_FROM_AGE: ' ' })).toBe(16);
  });

  it('takes a whole age from 12 to 18', () => {
    expect(ownLettersFromAgeFromEnv({ CLIENT_OWN_LETTERS_FROM_AGE: '12' })).toBe(12);
    expect(ownLettersFromAgeFromEnv({ CLIENT_OWN_LETTERS_FROM_AGE: '18' })).toBe(18);
  });

  it.each([['11'], ['19'], ['16.5'], ['zestien'], ['-16']])(
    'refuses %s, naming the variable',
    (value) => {
      expect(() => ownLettersFromAgeFromEnv({ CLIENT_OWN_LETTERS_FROM_AGE: value })).toThrow(
        /CLIENT_OWN_LETTERS_FROM_AGE must be a whole number from 12 to 18/,
      );
    },
  );
});
