import { createHash } from 'node:crypto';
import {
  ANSWER_PAGE_STYLE_SOURCE,
  isAnswersPath,
  renderQuestionPage,
  renderRefusalPage,
  renderThanksPage,
  type AnswerRefusalReason,
} from './answer-page';

const token = 'eyJ2IjoxfQ.c2lnbmF0dXJl';

type PageInput = Parameters<typeof renderQuestionPage>[0];

/** The question page of case CJG-1-2 for the 3-month check, with `token`, and what `input` changes. */
const page = (input: Partial<PageInput> = {}) =>
  renderQuestionPage({ caseNumber: 'CJG-1-2', question: 'three-month-check', token, ...input });

describe(renderQuestionPage.name, () => {
  it('asks the 3-month check as ja/nee, posting the token to its own path', () => {
    const html = page({ caseNumber: 'CJG-2026-000123' });
    expect(html).toContain('lang="nl"');
    expect(html).toContain('Past de hulp bij wat u nodig heeft?');
    expect(html).toContain('<form method="post" action="./CJG-2026-000123">');
    expect(html).toContain(`<input type="hidden" name="token" value="${token}">`);
    expect(html.match(/name="fitting"/g)).toHaveLength(2);
    expect(html).toContain('value="ja" required> Ja</label>');
    expect(html).toContain('value="nee" required> Nee</label>');
    expect(html).not.toContain('name="rating"');
    expect(html).toContain('Dossiernummer: CJG-2026-000123');
  });

  it.each(['questionnaire-midway', 'questionnaire-end'] as const)(
    'asks the %s as three ratings from 1 to 5: the help, the CJG and the coordinator (004)',
    (question) => {
      const html = page({ question });
      expect(html).toContain('Hoe tevreden bent u over de hulp van de zorgaanbieder?');
      expect(html).toContain('Hoe tevreden bent u over het CJG?');
      expect(html).toContain('Hoe tevreden bent u over uw coördinator van het CJG?');
      for (const field of ['rating', 'ratingCjg', 'ratingCoordinator'])
        expect(html.match(new RegExp(`name="${field}"`, 'g'))).toHaveLength(5);
      expect(html.match(/<fieldset/g)).toHaveLength(3);
      for (const value of ['1', '2', '3', '4', '5']) expect(html).toContain(`value="${value}"`);
      expect(html).not.toContain('name="fitting"');
    },
  );

  it('tells the midway and the end questionnaire apart', () => {
    const midway = page({ question: 'questionnaire-midway' });
    const end = page({ question: 'questionnaire-end' });
    expect(midway).toContain('U krijgt nu een tijd hulp');
    expect(end).toContain('De hulp is afgelopen');
  });

  it('escapes what it shows', () => {
    const html = page({ token: '"><script>alert(1)</script>', error: '<b>fout</b> & meer' });
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain('&lt;b&gt;fout&lt;/b&gt; &amp; meer');
  });

  it('shows an error above the form, tied to the choices', () => {
    const html = page({ error: 'Kies ja of nee.' });
    expect(html).toContain('<p class="error" id="fout">Kies ja of nee.</p>');
    expect(html).toContain('<fieldset aria-describedby="fout">');
  });

  it('loads nothing and runs no script: one inline stylesheet, allowed by its hash', () => {
    const html = page();
    expect(html).not.toMatch(/<script|<link|<img|src=|style="/i);
    const style = /<style>(.*)<\/style>/.exec(html)![1]!;
    expect(ANSWER_PAGE_STYLE_SOURCE).toBe(
      `'sha256-${createHash('sha256').update(style).digest('base64')}'`,
    );
  });
});

describe(renderThanksPage.name, () => {
  it('thanks in Dutch and names the case only', () => {
    const html = renderThanksPage('CJG-2026-000123');
    expect(html).toContain('<h1>Bedankt voor uw antwoord</h1>');
    expect(html).toContain('Dossiernummer: CJG-2026-000123');
    expect(html).not.toContain('<form');
  });
});

describe(renderRefusalPage.name, () => {
  const titles: Record<AnswerRefusalReason, string> = {
    'invalid-link': 'Deze link werkt niet',
    'wrong-case': 'Deze link werkt niet',
    expired: 'Deze link is verlopen',
    used: 'Deze link is al gebruikt',
    closed: 'Deze vraag is gesloten',
    'unknown-case': 'Niet gevonden',
    unavailable: 'Even niet bereikbaar',
  };

  it.each(Object.entries(titles))('says why for %s, without a form', (reason, title) => {
    const html = renderRefusalPage(reason as AnswerRefusalReason);
    expect(html).toContain(`<h1>${title}</h1>`);
    expect(html).not.toContain('<form');
  });
});

describe(isAnswersPath.name, () => {
  it('matches the answer pages only', () => {
    expect(isAnswersPath('/answers/CJG-1-2')).toBe(true);
    expect(isAnswersPath('/answers')).toBe(true);
    expect(isAnswersPath('/answersx')).toBe(false);
    expect(isAnswersPath('/trajectories')).toBe(false);
  });
});
