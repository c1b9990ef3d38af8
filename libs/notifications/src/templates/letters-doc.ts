import { LETTER_KINDS, type LetterFacts, type LetterKind, type Recipient } from '@cjg/domain';
import {
  DECISION_EXAMPLES,
  EXAMPLE_ADDRESSEES,
  LETTER_EXAMPLES,
  withExampleRegistry,
} from './examples';
import { renderLetter } from './letters';

/** The part of docs/letters.md that `npm run docs:letters` writes: between these two lines. */
export const LETTERS_DOC_BEGIN =
  '<!-- letters:begin (written by npm run docs:letters from templates/examples.ts; do not edit) -->';
export const LETTERS_DOC_END = '<!-- letters:end -->';

function example(
  heading: string,
  kind: LetterKind,
  facts: LetterFacts,
  addressee = EXAMPLE_ADDRESSEES[kind],
  role?: Recipient['role'],
): string {
  const letter = renderLetter(kind, facts, addressee, role);
  return [
    `### ${heading}`,
    '',
    '```text',
    `Aan: ${addressee}`,
    `Onderwerp: ${letter.subject}`,
    '',
    letter.text.trimEnd(),
    '```',
  ].join('\n');
}

/** Every letter kind rendered as sent, with the example registry's names and details. */
export function lettersDocSection(): string {
  const parts: string[] = [];
  for (const kind of LETTER_KINDS) {
    if (kind === 'beschikking-issued') {
      parts.push(
        example(
          '`beschikking-issued`: zorg in natura',
          kind,
          withExampleRegistry(DECISION_EXAMPLES.zin),
        ),
        example(
          '`beschikking-issued`: zorg in natura, as the provider gets its copy',
          kind,
          withExampleRegistry(DECISION_EXAMPLES.zin),
          'Jeugdhulp Zuid',
          'provider',
        ),
        example(
          '`beschikking-issued`: persoonsgebonden budget, with a typed motivation',
          kind,
          withExampleRegistry(DECISION_EXAMPLES.pgb),
        ),
        example(
          '`beschikking-issued`: verlenging',
          kind,
          withExampleRegistry(DECISION_EXAMPLES.verlenging),
        ),
        example(
          '`beschikking-issued`: nothing registered (no names, no municipality details, no motivation)',
          kind,
          DECISION_EXAMPLES.zin,
        ),
      );
    } else {
      parts.push(example(`\`${kind}\``, kind, withExampleRegistry(LETTER_EXAMPLES[kind])));
    }
  }
  return [LETTERS_DOC_BEGIN, '', parts.join('\n\n'), '', LETTERS_DOC_END].join('\n');
}

/** `markdown` with its generated section replaced by what the templates render now. */
export function withLettersDocSection(markdown: string): string {
  const begin = markdown.indexOf(LETTERS_DOC_BEGIN);
  const end = markdown.indexOf(LETTERS_DOC_END);
  if (begin < 0 || end < begin) {
    throw new Error(`docs/letters.md lacks the lines ${LETTERS_DOC_BEGIN} … ${LETTERS_DOC_END}`);
  }
  return (
    markdown.slice(0, begin) + lettersDocSection() + markdown.slice(end + LETTERS_DOC_END.length)
  );
}
