import { LETTER_KINDS, type LetterFacts } from '@cjg/domain';
import { LETTER_EXAMPLES } from './examples';
import { renderLetter } from './letters';

describe(renderLetter.name, () => {
  it.each(LETTER_KINDS.map((kind) => [kind]))('renders %s in Dutch with both parts', (kind) => {
    const letter = renderLetter(kind, LETTER_EXAMPLES[kind], 'Familie Jansen');
    const reference = String(LETTER_EXAMPLES[kind].caseNumber ?? LETTER_EXAMPLES[kind].caseNumbers);
    expect(letter.subject).toContain(reference);
    expect(letter.subject).not.toMatch(/undefined|null|\$\{/);
    expect(letter.text).toMatch(/^Beste Familie Jansen,\n\n/);
    expect(letter.text).toMatch(/Met vriendelijke groet,\n\nCentrum voor Jeugd en Gezin\n$/);
    expect(letter.text).not.toMatch(/undefined|null|\$\{|NaN/);
    expect(letter.html).toContain('<html lang="nl">');
    expect(letter.html).toContain('<p>Beste Familie Jansen,</p>');
    // Every paragraph of the text is in the HTML too.
    for (const paragraph of letter.text.trim().split('\n\n')) {
      const first = paragraph.split(': http')[0]!.slice(0, 40).replace(/&/g, '&amp;');
      expect(letter.html).toContain(first.replace(/"/g, '&quot;'));
    }
  });

  /** The names the send path looks up for the ids and codes a letter's facts carry. */
  const withNames = (facts: LetterFacts): LetterFacts => ({
    ...facts,
    ...(facts.coordinatorId ? { coordinatorName: 'Anna de Vries' } : {}),
    ...(facts.municipalityCode ? { municipalityName: 'Roermond' } : {}),
    ...(facts.agbCode ? { providerName: 'Jeugdhulp Zuid' } : {}),
  });
  /** Facts that hold an internal id or code: a letter names who or where, never these. */
  const ID_FACTS = ['coordinatorId', 'municipalityCode', 'agbCode', 'familyId', 'organisationId'];
  /** English that slipped into Dutch letters before (and its kin). */
  const ENGLISH =
    /\b(the|and|more|another|other|ends|provider|category|request|with|from|after|until|will|must|not)\b/i;

  it.each(LETTER_KINDS.map((kind) => [kind]))(
    'writes %s in Dutch, naming people and places, never an id, with or without registered names',
    (kind) => {
      const facts = LETTER_EXAMPLES[kind];
      for (const given of [withNames(facts), facts]) {
        const letter = renderLetter(kind, given, 'Familie Jansen');
        const words = `${letter.subject}\n${letter.text.replace(/https?:\/\/\S+/g, '')}`;
        expect(words).not.toMatch(ENGLISH);
        for (const key of ID_FACTS) {
          const id = facts[key];
          if (typeof id === 'string')
            expect({ key, words }).not.toEqual(
              expect.objectContaining({ words: expect.stringContaining(id) }),
            );
        }
      }
      const named = renderLetter(kind, withNames(facts), 'X').text;
      if (facts.municipalityCode && /gemeente/.test(named)) expect(named).toContain('Roermond');
    },
  );

  it('names the coordinator, the municipality and the provider when they are registered', () => {
    const accepted = renderLetter(
      'vt-accepted',
      withNames(LETTER_EXAMPLES['vt-accepted']),
      'Veilig Thuis',
    );
    expect(accepted.text).toContain('Coördinator Anna de Vries neemt contact met u op');
    const unnamed = renderLetter('vt-accepted', LETTER_EXAMPLES['vt-accepted'], 'Veilig Thuis');
    expect(unnamed.text).toContain('Een coördinator van het CJG neemt contact met u op');
    const divergence = renderLetter(
      'divergence-alert',
      withNames(LETTER_EXAMPLES['divergence-alert']),
      'Anna',
    );
    expect(divergence.subject).toBe(
      'Afwijking in de intake van Jeugdhulp Zuid, casus CJG-2026-000123',
    );
    expect(divergence.text).toContain(
      'van Jeugdhulp Zuid vraagt om meer omvang dan in deel 1 is vastgesteld',
    );
    const both = renderLetter(
      'divergence-alert',
      { ...LETTER_EXAMPLES['divergence-alert'], reasons: 'another product category, more omvang' },
      'Anna',
    );
    expect(both.text).toContain('vraagt om een andere productcategorie en meer omvang dan');
  });

  it('writes dates as a Dutch reader expects them', () => {
    const letter = renderLetter('beschikking-issued', LETTER_EXAMPLES['beschikking-issued'], 'X');
    expect(letter.text).toContain('van 1 december 2026 tot en met 30 november 2027');
  });

  it('puts the answer link into both parts of a client question, and falls back without one', () => {
    const withLink = renderLetter('three-month-check', LETTER_EXAMPLES['three-month-check'], 'X');
    expect(withLink.text).toContain(
      'Beantwoord de vraag: https://cjg.example/answers/CJG-2026-000123?token=abc.def',
    );
    expect(withLink.html).toContain(
      '<a href="https://cjg.example/answers/CJG-2026-000123?token=abc.def">Beantwoord de vraag</a>',
    );
    const without = renderLetter('three-month-check', { caseNumber: 'CJG-1-2' }, 'X');
    expect(without.text).not.toContain('http');
    expect(without.text).toContain('via uw coördinator');
  });

  it('names the undelivered letter and why, for the coordinator', () => {
    const letter = renderLetter('delivery-failed', LETTER_EXAMPLES['delivery-failed'], 'Anna');
    expect(letter.subject).toBe('Bericht niet bezorgd: casus CJG-2026-000123');
    expect(letter.text).toContain(
      'Het bericht "ondersteuningsplan deel 1" aan de cliënt (ouders/jeugdige) in casus CJG-2026-000123 kon niet worden bezorgd: de mailserver weigert het adres.',
    );
  });

  it('escapes names and facts in the HTML part', () => {
    const html = renderLetter(
      'plan-deel-1',
      LETTER_EXAMPLES['plan-deel-1'],
      '<b>Sam</b> & co',
    ).html;
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;b&gt;Sam&lt;/b&gt; &amp; co');
  });
});
