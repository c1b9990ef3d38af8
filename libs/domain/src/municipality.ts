/**
 * Municipalities are identified by their four-digit CBS code (gemeentecode), e.g. `0957` Roermond.
 * The leading zeros are significant, so codes are strings.
 */
export const CBS_MUNICIPALITY_CODE_PATTERN = /^\d{4}$/;

export function isValidMunicipalityCode(value: string): boolean {
  return CBS_MUNICIPALITY_CODE_PATTERN.test(value);
}
