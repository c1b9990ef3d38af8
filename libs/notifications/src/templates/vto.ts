import {
  VTO_GROUNDS,
  VTO_NOT_SENT_REASONS,
  VTO_WITHDRAWAL_REASONS,
  type LetterFacts,
  type VTO_LETTER_KINDS,
} from '@cjg/domain';
import { datum, f, gemeente, type Templates } from './common';

type Kind = (typeof VTO_LETTER_KINDS)[number];

/** The grounds (codes, comma-separated in the facts) in words. */
function grounds(x: LetterFacts): string {
  return f(x, 'grounds')
    .split(',')
    .filter(Boolean)
    .map((code) => VTO_GROUNDS[code as keyof typeof VTO_GROUNDS] ?? code)
    .join('; ');
}

const wording = (list: Record<string, string>, code: string) => list[code] ?? code;

/**
 * The letters of the verzoek tot onderzoek (VTO) at the Raad voor de Kinderbescherming, in Dutch
 * (002 §3.6). The facts are codes, dates and case numbers; the coordinator's explanation in words
 * never enters a letter (it may name people and stays in the case system).
 */
export const VTO_TEMPLATES: Templates<Kind> = {
  'vto-parents-informed': (x) => [
    `Verzoek tot onderzoek bij de Raad voor de Kinderbescherming, casus ${f(x, 'caseNumber')}`,
    [
      'Het CJG wil de Raad voor de Kinderbescherming vragen onderzoek te doen naar de situatie van uw kind: een verzoek tot onderzoek. Wij informeren u daarover altijd vooraf. Dit is de schriftelijke versie van het verzoek; uw jeugd- en gezinswerker licht het ook persoonlijk aan u toe.',
      `De redenen voor het verzoek: ${grounds(x)}.`,
      'Het verzoek wordt besproken op het beschermingsplein, een wekelijks overleg van het CJG, een onafhankelijk gedragswetenschapper en de Raad. U bent daarbij welkom; u hoort van ons wanneer het is. Het beschermingsplein besluit of het verzoek naar de Raad gaat.',
      'Heeft u vragen, of bent u het er niet mee eens? Neem dan contact op met uw jeugd- en gezinswerker.',
    ],
  ],
  'vto-parents-due': (x) => [
    `Herinnering: informeren ouders vastleggen, VTO ${f(x, 'caseNumber')}`,
    [
      `Bij het verzoek tot onderzoek ${f(x, 'caseNumber')} is nog niet vastgelegd dat de ouders vooraf zijn geïnformeerd. Dat moet uiterlijk ${datum(f(x, 'dueOn'))} gebeuren.`,
      'Het verzoek komt pas op de agenda van het beschermingsplein als dat is vastgelegd: ouders worden altijd vooraf geïnformeerd. Leg vast wanneer en hoe u de ouders heeft geïnformeerd.',
    ],
  ],
  'vto-parents-reminder': (x) => [
    `Informeren ouders nog niet vastgelegd: VTO ${f(x, 'caseNumber')}`,
    [
      `Bij het verzoek tot onderzoek ${f(x, 'caseNumber')} is nog niet vastgelegd dat de ouders vooraf zijn geïnformeerd. Dat had uiterlijk ${datum(f(x, 'dueOn'))} moeten gebeuren.`,
      'Het verzoek komt pas op de agenda van het beschermingsplein als dat is vastgelegd: ouders worden altijd vooraf geïnformeerd. Leg vast wanneer en hoe u de ouders heeft geïnformeerd.',
    ],
  ],
  'vto-agenda': (x) => {
    const items = Number(x.items ?? 0);
    return [
      `Agenda beschermingsplein ${datum(f(x, 'meetingDate'))} (${f(x, 'caseNumber')})`,
      items > 0
        ? [
            `Voor het beschermingsplein van ${datum(f(x, 'meetingDate'))} meldt het CJG ${items} ${items === 1 ? 'verzoek' : 'verzoeken'} tot onderzoek aan: ${f(x, 'caseNumbers').split(',').join(', ')}.`,
            'De ouders zijn vooraf geïnformeerd en voor het overleg uitgenodigd. De jeugd- en gezinswerker licht elk verzoek in het overleg toe.',
          ]
        : [
            `Voor het beschermingsplein van ${datum(f(x, 'meetingDate'))} heeft het CJG geen nieuwe verzoeken tot onderzoek.`,
          ],
    ];
  },
  'vto-on-agenda': (x) => [
    `Beschermingsplein ${datum(f(x, 'meetingDate'))}: verzoek tot onderzoek, casus ${f(x, 'caseNumber')}`,
    [
      `Het verzoek tot onderzoek ${f(x, 'caseNumber')} wordt besproken op het beschermingsplein van ${datum(f(x, 'meetingDate'))}.`,
      'Daar wordt het verzoek toegelicht en met de ouders besproken. Het beschermingsplein besluit daarna of het verzoek naar de Raad voor de Kinderbescherming gaat.',
      'Ouders: u bent van harte welkom. Uw jeugd- en gezinswerker laat u weten hoe laat en waar het overleg is.',
    ],
  ],
  'vto-decision-due': (x) => [
    `Herinnering: besluit beschermingsplein vastleggen, VTO ${f(x, 'caseNumber')}`,
    [
      `Het verzoek tot onderzoek ${f(x, 'caseNumber')} stond op de agenda van het beschermingsplein van ${datum(f(x, 'meetingDate'))}. Leg het besluit uiterlijk ${datum(f(x, 'dueOn'))} vast.`,
      'Leg vast of het verzoek naar de Raad gaat, niet gaat (met de reden) of is aangehouden.',
    ],
  ],
  'vto-decision-reminder': (x) => [
    `Besluit beschermingsplein nog niet vastgelegd: VTO ${f(x, 'caseNumber')}`,
    [
      `Het verzoek tot onderzoek ${f(x, 'caseNumber')} stond op de agenda van het beschermingsplein van ${datum(f(x, 'meetingDate'))}. Het besluit is nog niet vastgelegd; dat had uiterlijk ${datum(f(x, 'dueOn'))} moeten gebeuren.`,
      'Leg vast of het verzoek naar de Raad gaat, niet gaat (met de reden) of is aangehouden.',
    ],
  ],
  'vto-sent-to-raad': (x) => [
    `Verzoek tot onderzoek ${f(x, 'caseNumber')}`,
    [
      `Het beschermingsplein van ${datum(f(x, 'meetingDate'))} heeft besloten het verzoek tot onderzoek ${f(x, 'caseNumber')} (${gemeente(x)}) aan de Raad voor de Kinderbescherming voor te leggen.`,
      `De gronden: ${grounds(x)}.`,
      `De ouders zijn op ${datum(f(x, 'parentsInformedOn'))} geïnformeerd en hebben het verzoek schriftelijk ontvangen.${x.trajectoryCaseNumber ? ` Het gezin heeft bij het CJG het traject ${f(x, 'trajectoryCaseNumber')}.` : ''}`,
      'De onderbouwing ontvangt u via het beveiligde kanaal van de Raad. Laat het CJG weten of de Raad een onderzoek start, met uw kenmerk.',
    ],
  ],
  'vto-decision': (x) => [
    `Besluit over het verzoek tot onderzoek, casus ${f(x, 'caseNumber')}`,
    f(x, 'decision') === 'send'
      ? [
          `Het beschermingsplein van ${datum(f(x, 'meetingDate'))} heeft besloten het verzoek tot onderzoek voor te leggen aan de Raad voor de Kinderbescherming.`,
          'De Raad beslist of hij een onderzoek start en laat u dat zelf weten. Uw jeugd- en gezinswerker blijft bij uw gezin betrokken.',
        ]
      : [
          `Het beschermingsplein van ${datum(f(x, 'meetingDate'))} heeft besloten het verzoek tot onderzoek niet aan de Raad voor de Kinderbescherming voor te leggen: ${wording(VTO_NOT_SENT_REASONS, f(x, 'reason'))}.`,
          'Uw jeugd- en gezinswerker bespreekt met u hoe de hulp verder gaat.',
        ],
  ],
  'vto-raad-reminder': (x) => [
    `Herinnering: uw antwoord op verzoek tot onderzoek ${f(x, 'caseNumber')}`,
    [
      `Op ${datum(f(x, 'sentOn'))} heeft het CJG u het verzoek tot onderzoek ${f(x, 'caseNumber')} voorgelegd. Wij hebben uw antwoord nog niet ontvangen en verwachten het uiterlijk ${datum(f(x, 'dueOn'))}.`,
      'Laat het CJG weten of de Raad een onderzoek start, met uw kenmerk. Hebt u al geantwoord? Dan kunt u deze brief negeren.',
    ],
  ],
  'vto-raad-outcome-reminder': (x) => [
    `Antwoord van de Raad nog niet vastgelegd: VTO ${f(x, 'caseNumber')}`,
    [
      `Het verzoek tot onderzoek ${f(x, 'caseNumber')} is op ${datum(f(x, 'sentOn'))} aan de Raad voor de Kinderbescherming voorgelegd. Het antwoord (wel of geen onderzoek) is nog niet vastgelegd; het werd uiterlijk ${datum(f(x, 'dueOn'))} verwacht.`,
      'Vraag de Raad naar de stand van zaken en leg het antwoord vast.',
    ],
  ],
  'vto-withdrawn': (x) => [
    `Verzoek tot onderzoek ingetrokken, casus ${f(x, 'caseNumber')}`,
    [
      `Het CJG trekt het verzoek tot onderzoek ${f(x, 'caseNumber')} in: ${wording(VTO_WITHDRAWAL_REASONS, f(x, 'reason'))}.`,
      x.meetingDate
        ? `Het verzoek wordt niet besproken op het beschermingsplein van ${datum(f(x, 'meetingDate'))} en gaat niet naar de Raad voor de Kinderbescherming.`
        : 'Het verzoek gaat niet naar de Raad voor de Kinderbescherming.',
    ],
  ],
};

/** One realistic set of facts per letter kind of this process (tests and documentation). */
export const VTO_EXAMPLES: Record<Kind, LetterFacts> = {
  'vto-parents-informed': {
    caseNumber: 'VTO-2026-000012',
    grounds: 'ernstige-ontwikkelingsbedreiging,onvoldoende-beweging',
    proposedOn: '2026-11-23',
  },
  'vto-parents-due': { caseNumber: 'VTO-2026-000012', dueOn: '2026-11-30' },
  'vto-parents-reminder': { caseNumber: 'VTO-2026-000012', dueOn: '2026-11-30' },
  /** The agenda names itself by its meeting date: `caseNumber` is the agenda's reference. */
  'vto-agenda': {
    caseNumber: 'BP-2026-12-03',
    meetingDate: '2026-12-03',
    items: 2,
    caseNumbers: 'VTO-2026-000012,VTO-2026-000015',
  },
  'vto-on-agenda': { caseNumber: 'VTO-2026-000012', meetingDate: '2026-12-03' },
  'vto-decision-due': {
    caseNumber: 'VTO-2026-000012',
    meetingDate: '2026-12-03',
    dueOn: '2026-12-10',
  },
  'vto-decision-reminder': {
    caseNumber: 'VTO-2026-000012',
    meetingDate: '2026-12-03',
    dueOn: '2026-12-10',
  },
  'vto-sent-to-raad': {
    caseNumber: 'VTO-2026-000012',
    municipalityCode: '0957',
    grounds: 'ernstige-ontwikkelingsbedreiging,onvoldoende-beweging',
    meetingDate: '2026-12-03',
    parentsInformedOn: '2026-11-24',
    trajectoryCaseNumber: 'CJG-2026-000123',
  },
  'vto-decision': {
    caseNumber: 'VTO-2026-000012',
    decision: 'not-send',
    reason: 'vrijwillig-kader-voldoende',
    meetingDate: '2026-12-03',
  },
  'vto-raad-reminder': {
    caseNumber: 'VTO-2026-000012',
    sentOn: '2026-12-03',
    dueOn: '2026-12-17',
  },
  'vto-raad-outcome-reminder': {
    caseNumber: 'VTO-2026-000012',
    sentOn: '2026-12-03',
    dueOn: '2026-12-17',
  },
  'vto-withdrawn': {
    caseNumber: 'VTO-2026-000012',
    reason: 'ouders-werken-mee',
    meetingDate: '2026-12-03',
  },
};
