import { htmlLetter, type Letter } from '../letter';

export interface IntakeRegisteredData {
  coordinatorName: string;
  caseNumber: string;
  /** "gemeente Roermond" (templates/common.ts, gemeente). */
  gemeente: string;
}

/** To the coordinator: a new request for help has been registered and is theirs to take up. */
export function renderIntakeRegistered(data: IntakeRegisteredData): Letter {
  const subject = `Nieuwe aanmelding geregistreerd: casus ${data.caseNumber}`;
  const paragraphs = [
    `Beste ${data.coordinatorName},`,
    `Er is een nieuwe hulpvraag geregistreerd onder casusnummer ${data.caseNumber} (${data.gemeente}). U bent de coördinator van deze casus.`,
    'De volgende stap is het intakegesprek en het samen met de jeugdige en ouders bepalen van de resultaten (ondersteuningsplan deel 1).',
    'Met vriendelijke groet,',
    'Centrum voor Jeugd en Gezin',
  ];
  return { subject, text: paragraphs.join('\n\n') + '\n', html: htmlLetter(subject, paragraphs) };
}
