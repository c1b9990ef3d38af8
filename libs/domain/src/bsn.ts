/**
 * A burgerservicenummer is nine digits that pass the elfproef: the digits weighted 9..2 and the
 * last one by -1 sum to a multiple of 11 (and not to 0).
 */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.reduce((acc, digit, i) => acc + digit * (i === 8 ? -1 : 9 - i), 0);
  return sum !== 0 && sum % 11 === 0;
}
