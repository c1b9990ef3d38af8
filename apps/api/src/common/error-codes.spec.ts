import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEM_CODES } from '@cjg/domain';
import { codeOfStatus, ERROR_CODES, isErrorCode, REQUEST_ERROR_CODES } from './error-codes';

describe('ERROR_CODES', () => {
  it('lists each code once, kebab-case: those of a request and those of its problems', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect(ERROR_CODES).toEqual([...REQUEST_ERROR_CODES, ...PROBLEM_CODES]);
    for (const code of ERROR_CODES) expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('is documented, each code with its meaning (docs/configuration.md, "Error codes")', () => {
    const docs = readFileSync(join(__dirname, '../../../../docs/configuration.md'), 'utf8');
    const undocumented = ERROR_CODES.filter(
      (code) => !new RegExp(`^\\| \`${code}\` +\\|`, 'm').test(docs),
    );
    expect(undocumented).toEqual([]);
  });

  it('is what the error body may carry, and nothing else', () => {
    expect(isErrorCode('not-possible-now')).toBe(true);
    expect(isErrorCode('validation-failed')).toBe(true);
    expect(isErrorCode('Not-Found')).toBe(false);
    expect(isErrorCode(404)).toBe(false);
    expect(ERROR_CODES).toContain(codeOfStatus(418));
    expect(codeOfStatus(418)).toBe('bad-request');
    expect(codeOfStatus(504)).toBe('internal');
  });
});
