import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LETTER_KINDS } from '@cjg/domain';
import { LETTERS_DOC_BEGIN, withLettersDocSection } from './letters-doc';

describe(withLettersDocSection.name, () => {
  const file = path.resolve(__dirname, '../../../../docs/letters.md');
  const current = readFileSync(file, 'utf8');

  it('docs/letters.md shows every letter as the templates render it now (npm run docs:letters)', () => {
    expect(current).toContain(LETTERS_DOC_BEGIN);
    expect(withLettersDocSection(current)).toBe(current);
  });

  it('has an example of every letter kind', () => {
    for (const kind of LETTER_KINDS) expect(current).toContain(`### \`${kind}\``);
  });
});
