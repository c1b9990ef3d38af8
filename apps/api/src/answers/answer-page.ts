import { createHash } from 'node:crypto';
import { escapeHtml, type AnswerQuestion } from '@cjg/notifications';

/**
 * The pages a client sees after following the link in a letter: the question, the thanks, or
 * why the link does not work. Plain Dutch, no scripts, nothing loaded from elsewhere, and
 * nothing personal: the case number and the question only.
 */

export function isAnswersPath(path: string): boolean {
  return path === '/answers' || path.startsWith('/answers/');
}

const STYLE =
  'body{font-family:system-ui,sans-serif;font-size:1.125rem;line-height:1.5;color:#1b1b1b;' +
  'max-width:36rem;margin:2rem auto;padding:0 1rem}' +
  'fieldset{border:1px solid #767676;border-radius:4px;padding:1rem}' +
  'legend{font-weight:bold;padding:0 .25rem}' +
  'label{display:block;padding:.375rem 0}' +
  'input[type=radio]{width:1.25rem;height:1.25rem;margin-right:.5rem;vertical-align:middle}' +
  'button{font-size:1.125rem;padding:.5rem 1.5rem;margin-top:1rem}' +
  '.error{color:#a4000f;font-weight:bold}.case{color:#4a4a4a}';

/** The CSP source that allows exactly this stylesheet (app.setup.ts). */
export const ANSWER_PAGE_STYLE_SOURCE = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/** Why a link gives no form; each has its own page and status (see answers.service.ts). */
export type AnswerRefusalReason =
  'invalid-link' | 'wrong-case' | 'expired' | 'used' | 'closed' | 'unknown-case' | 'unavailable';

interface Choice {
  value: string;
  label: string;
}

interface Field {
  legend: string;
  field: 'fitting' | 'rating' | 'ratingCjg' | 'ratingCoordinator';
  choices: Choice[];
}

interface QuestionText {
  intro: string;
  /** The questions on the page, each a group of radio buttons. */
  fields: Field[];
}

const RATING: Choice[] = [
  { value: '1', label: '1 – heel ontevreden' },
  { value: '2', label: '2 – ontevreden' },
  { value: '3', label: '3 – niet tevreden en niet ontevreden' },
  { value: '4', label: '4 – tevreden' },
  { value: '5', label: '5 – heel tevreden' },
];

/** 004: the help, the CJG and the coordinator, each rated 1–5. */
const RATINGS: Field[] = [
  {
    legend: 'Hoe tevreden bent u over de hulp van de zorgaanbieder?',
    field: 'rating',
    choices: RATING,
  },
  { legend: 'Hoe tevreden bent u over het CJG?', field: 'ratingCjg', choices: RATING },
  {
    legend: 'Hoe tevreden bent u over uw coördinator van het CJG?',
    field: 'ratingCoordinator',
    choices: RATING,
  },
];

/** 004: the 3-month check asks whether the care fits; the questionnaires three 1–5 ratings. */
const QUESTIONS: Record<AnswerQuestion, QuestionText> = {
  'three-month-check': {
    intro:
      'Een tijd geleden bent u doorverwezen naar jeugdhulp. We willen graag weten of dat de goede hulp is.',
    fields: [
      {
        legend: 'Past de hulp bij wat u nodig heeft?',
        field: 'fitting',
        choices: [
          { value: 'ja', label: 'Ja' },
          { value: 'nee', label: 'Nee' },
        ],
      },
    ],
  },
  'questionnaire-midway': {
    intro: 'U krijgt nu een tijd hulp. We horen graag wat u ervan vindt.',
    fields: RATINGS,
  },
  'questionnaire-end': {
    intro: 'De hulp is afgelopen. We horen graag wat u ervan vond.',
    fields: RATINGS,
  },
};

const CONTACT = 'Neem dan contact op met uw contactpersoon bij het CJG.';

const REFUSALS: Record<AnswerRefusalReason, { title: string; text: string[] }> = {
  'invalid-link': {
    title: 'Deze link werkt niet',
    text: [
      'De link is niet compleet of niet juist. Gebruik de link uit uw brief of e-mail precies zoals hij is.',
      `Lukt het niet? ${CONTACT}`,
    ],
  },
  'wrong-case': {
    title: 'Deze link werkt niet',
    text: [
      'De link hoort niet bij deze pagina. Gebruik de link uit uw brief of e-mail precies zoals hij is.',
      `Lukt het niet? ${CONTACT}`,
    ],
  },
  expired: {
    title: 'Deze link is verlopen',
    text: [
      'De tijd om via deze link te antwoorden is voorbij.',
      `Wilt u toch iets laten weten? ${CONTACT}`,
    ],
  },
  used: {
    title: 'Deze link is al gebruikt',
    text: [
      'Met deze link is al geantwoord. Een link werkt maar één keer.',
      'U hoeft niets meer te doen.',
    ],
  },
  closed: {
    title: 'Deze vraag is gesloten',
    text: [
      'Deze vraag staat niet meer open, bijvoorbeeld omdat de tijd om te antwoorden voorbij is. Uw antwoord is niet verwerkt.',
      `Wilt u toch iets laten weten? ${CONTACT}`,
    ],
  },
  'unknown-case': {
    title: 'Niet gevonden',
    text: ['Bij deze link hoort geen dossier dat wij kennen.', `Klopt dat niet? ${CONTACT}`],
  },
  unavailable: {
    title: 'Even niet bereikbaar',
    text: [
      'Het systeem is op dit moment niet bereikbaar. Uw antwoord is nog niet verwerkt.',
      'Probeer het over een paar minuten opnieuw met dezelfde link.',
    ],
  },
};

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)} – CJG</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

function caseLine(caseNumber: string): string {
  return `<p class="case">Dossiernummer: ${escapeHtml(caseNumber)}</p>`;
}

export interface QuestionPage {
  caseNumber: string;
  question: AnswerQuestion;
  token: string;
  /** Shown above the form when an answer was sent without a choice. */
  error?: string;
}

/** The question with its form; it posts to its own address (without the token in the URL). */
export function renderQuestionPage({ caseNumber, question, token, error }: QuestionPage): string {
  const text = QUESTIONS[question];
  const fieldsets = text.fields
    .map(
      (field) => `<fieldset${error ? ' aria-describedby="fout"' : ''}>
<legend>${escapeHtml(field.legend)}</legend>
${field.choices
  .map(
    (choice) =>
      `<label><input type="radio" name="${field.field}" value="${escapeHtml(choice.value)}" required> ${escapeHtml(choice.label)}</label>`,
  )
  .join('\n')}
</fieldset>`,
    )
    .join('\n');
  return page(
    'Vraag over de hulp',
    `${caseLine(caseNumber)}
<p>${escapeHtml(text.intro)}</p>
${error ? `<p class="error" id="fout">${escapeHtml(error)}</p>\n` : ''}<form method="post" action="./${escapeHtml(encodeURIComponent(caseNumber))}">
<input type="hidden" name="token" value="${escapeHtml(token)}">
${fieldsets}
<p>U kunt één keer antwoorden.</p>
<button type="submit">Versturen</button>
</form>`,
  );
}

export function renderThanksPage(caseNumber: string): string {
  return page(
    'Bedankt voor uw antwoord',
    `${caseLine(caseNumber)}
<p>Uw antwoord is ontvangen. U hoeft verder niets te doen.</p>
<p>U kunt deze pagina sluiten.</p>`,
  );
}

export function renderRefusalPage(reason: AnswerRefusalReason): string {
  const { title, text } = REFUSALS[reason];
  return page(title, text.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n'));
}

/** The question's text, for JSON callers: its questions, one after the other. */
export function questionText(question: AnswerQuestion): string {
  return QUESTIONS[question].fields.map((f) => f.legend).join(' ');
}
