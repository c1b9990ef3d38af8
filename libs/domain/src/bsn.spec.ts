import { isValidBsn } from './bsn';

describe(isValidBsn.name, () => {
  it('accepts numbers that pass the elfproef', () => {
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('111222333')).toBe(true);
  });

  it('refuses numbers that fail it, and anything not nine digits', () => {
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('12345678')).toBe(false);
    expect(isValidBsn('12345678a')).toBe(false);
  });
});
