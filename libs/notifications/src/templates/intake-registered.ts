import type { LetterFacts } from '@cjg/domain';
import { f, gemeente, type Body } from './common';

/** To the coordinator: a new request for help has been registered and is theirs to take up. */
export const intakeRegistered = (x: LetterFacts): Body => [
  `Nieuwe aanmelding geregistreerd: casus ${f(x, 'caseNumber')}`,
  [
    `Er is een nieuwe hulpvraag geregistreerd onder casusnummer ${f(x, 'caseNumber')} (${gemeente(x)}). U bent de coördinator van deze casus.`,
    'De volgende stap is het intakegesprek en het samen met de jeugdige en ouders bepalen van de resultaten (ondersteuningsplan deel 1).',
  ],
];
