import { LETTER_KINDS } from '@cjg/domain';
import {
  DECISION_EXAMPLES,
  EXAMPLE_REGISTRY,
  LETTER_EXAMPLES,
  withExampleRegistry,
} from './examples';
import { renderLetter } from './letters';

describe(renderLetter.name, () => {
  it.each(LETTER_KINDS.map((kind) => [kind]))('renders %s in Dutch with both parts', (kind) => {
    const letter = renderLetter(kind, LETTER_EXAMPLES[kind], 'Familie Jansen');
    const reference = String(LETTER_EXAMPLES[kind].caseNumber ?? LETTER_EXAMPLES[kind].caseNumbers);
    expect(letter.subject).toContain(reference);
    expect(letter.subject).not.toMatch(/undefined|null|\$\{/);
    expect(letter.text).toMatch(/^Beste Familie Jansen,\n\n/);
    expect(letter.text).toMatch(
      /\n\nHeeft u vragen\? Neem dan contact op met [^\n]+\n\nMet vriendelijke groet,\n\nCentrum voor Jeugd en Gezin\n$/,
    );
    expect(letter.text).not.toMatch(/undefined|null|\$\{|NaN/);
    expect(letter.html).toContain('<html lang="nl">');
    expect(letter.html).toContain('<p>Beste Familie Jansen,</p>');
    // Every paragraph of the text is in the HTML too.
    for (const paragraph of letter.text.trim().split('\n\n')) {
      const first = paragraph.split(': http')[0]!.slice(0, 40).replace(/&/g, '&amp;');
      expect(letter.html).toContain(first.replace(/"/g, '&quot;'));
    }
  });

  /** The names and details the send path looks up for the ids and codes a letter's facts carry. */
  const withNames = withExampleRegistry;
  /** Facts that hold an internal id or code: a letter names who or where, never these. */
  const isIdFact = (key: string) =>
    /^(coordinatorId|municipalityCode|familyId|organisationId|clientId)$|AgbCode$|^agbCode$|TextId$/.test(
      key,
    );
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
        for (const [key, id] of Object.entries(facts).filter(([key]) => isIdFact(key))) {
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

  it.each(LETTER_KINDS.map((kind) => [kind]))(
    'ends %s with the coordinator and the municipality to contact, or the CJG when none is registered',
    (kind) => {
      const named = renderLetter(kind, withNames(LETTER_EXAMPLES[kind]), 'Maria Jansen').text;
      expect(named).toContain(
        'Heeft u vragen? Neem dan contact op met Anna de Vries, coördinator bij het Centrum voor Jeugd en Gezin: anna.devries@cjg.example.',
      );
      expect(named).toContain(
        'Gemeente Roermond: Postbus 900, 6040 AX Roermond, telefoon 14 0475, jeugd@roermond.example, www.roermond.example.',
      );
      const bare = renderLetter(kind, LETTER_EXAMPLES[kind], 'Maria Jansen').text;
      expect(bare).toContain(
        'Heeft u vragen? Neem dan contact op met het Centrum voor Jeugd en Gezin.',
      );
      expect(bare).not.toMatch(/Gemeente \S+:/);
    },
  );

  describe('the decision letters (Awb 3:45-3:47)', () => {
    const render = (example: keyof typeof DECISION_EXAMPLES, registered = true) =>
      renderLetter(
        'beschikking-issued',
        registered ? withNames(DECISION_EXAMPLES[example]) : DECISION_EXAMPLES[example],
        'Maria Jansen',
      ).text;
    const municipality = EXAMPLE_REGISTRY.municipalities['0957'];

    it.each([['zin'], ['pgb'], ['verlenging']] as const)(
      '%s: on behalf of the college, what, how much, when, why, and how to object',
      (example) => {
        const text = render(example);
        expect(text).toContain('namens het college van burgemeester en wethouders van Roermond');
        expect(text).toMatch(/De beschikking geldt van \d+ \w+ 20\d\d tot en met \d+ \w+ 20\d\d\./);
        expect(text).toContain('Waarom wij dit besluiten: ');
        expect(text).toContain('individuele voorziening (artikel 2.3)');
        // The bezwaarclausule: six weeks after the day of sending, to the college, and how.
        expect(text).toContain(
          'Dat doet u binnen zes weken na de dag waarop deze brief is verstuurd. Stuur een brief aan het college van burgemeester en wethouders van Roermond, Postbus 900, 6040 AX Roermond, t.a.v. de bezwaarcommissie.',
        );
        expect(text).toContain(
          'Schrijf in die brief uw naam en adres, de datum, het nummer van deze beschikking',
        );
        // Signed by the municipality's signatory, with the coordinator as contact.
        expect(text).toContain(
          `Met vriendelijke groet,\n\n${municipality.signatoryName}, ${municipality.signatoryFunction}\n\nCentrum voor Jeugd en Gezin\n`,
        );
        expect(text).toContain('Anna de Vries, coördinator');
      },
    );

    it('zin: each product in words, its omvang in words, and the provider by name', () => {
      const text = render('zin');
      expect(text).toContain(
        'U krijgt Jeugdhulp ambulant (productcode 45A13): 4 uur per week, van Jeugdhulp Zuid.',
      );
      expect(text).toContain('van 1 december 2026 tot en met 30 november 2027');
      expect(text).toContain(
        'samen met u hebben wij in deel 1 van het ondersteuningsplan afgesproken welke resultaten',
      );
    });

    it('verlenging: says it extends the care, with every toewijzing', () => {
      const text = render('verlenging');
      expect(text).toContain('besloten de jeugdhulp te verlengen');
      expect(text).toContain(
        'Jeugdhulp ambulant (productcode 45A13): 4 uur per week, van Jeugdhulp Zuid.',
      );
      expect(text).toContain(
        'U krijgt Dagbehandeling: 1 dagdeel van 4 uur per week, van Dagbehandeling De Linde.',
      );
      expect(text).toContain('tot en met 31 mei 2028');
    });

    it('pgb: the budget in euros, the inzet it is for, and the typed motivation', () => {
      const text = render('pgb');
      expect(text).toContain('U krijgt een persoonsgebonden budget (pgb) van €\u00a012.000,00.');
      expect(text).toContain('Jeugd-GGZ, 2 dagdelen van 4 uur per week');
      expect(text).toContain(
        `Waarom wij dit besluiten: ${EXAMPLE_REGISTRY.texts['3f1c2a9e-6d4b-4c8a-9f2e-1b7d5a0c8e42']}`,
      );
      expect(text).not.toContain('afgesproken welke resultaten');
    });

    it('without registered details: still on behalf of the college, and objection to the municipality in words', () => {
      const text = render('zin', false);
      expect(text).toContain('namens het college van burgemeester en wethouders van de gemeente');
      expect(text).toContain(
        'Stuur een brief aan het college van burgemeester en wethouders van de gemeente.',
      );
      expect(text).toContain('van de zorgaanbieder.');
      expect(text).toMatch(/Met vriendelijke groet,\n\nCentrum voor Jeugd en Gezin\n$/);
      expect(text).not.toMatch(/12345678|0957|coord-anna/);
    });

    it('tells a provider it receives a copy', () => {
      const letter = renderLetter(
        'beschikking-issued',
        withNames(DECISION_EXAMPLES.zin),
        'Jeugdhulp Zuid',
        'provider',
      );
      expect(letter.text).toContain(
        'U krijgt een kopie van dit besluit, omdat u de zorgaanbieder bent.',
      );
    });
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
