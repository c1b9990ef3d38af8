import {
  FORCED_FRAME_MEASURES,
  SCHAKELOVERLEG_NOT_AGREED_REASONS,
  SCHAKELOVERLEG_WITHDRAWAL_REASONS,
  type LetterFacts,
  type SCHAKELOVERLEG_LETTER_KINDS,
} from '@cjg/domain';
import { datum, f, gemeente, type Templates } from './common';

type Kind = (typeof SCHAKELOVERLEG_LETTER_KINDS)[number];

/** The measure as a reader names it: "ondertoezichtstelling". */
const maatregel = (x: LetterFacts): string =>
  (
    FORCED_FRAME_MEASURES[f(x, 'measure') as keyof typeof FORCED_FRAME_MEASURES]?.name ??
    'maatregel'
  ).toLowerCase();

const lookup = (list: Record<string, string>, code: string): string =>
  (list[code] ?? code).replace(/^./, (c) => c.toLowerCase());

const aanbieders = (n: number): string => (n === 1 ? '1 zorgaanbieder' : `${n} zorgaanbieders`);

/**
 * The letters of the Schakeloverleg transfer, in Dutch. One text per kind serves every recipient
 * of it (GI, providers, family, CJG), so each speaks of the parties in the third person. The
 * subject names the transfer (`overdracht <organisation>.<reference>`); the GI's own reference
 * is in the body.
 */
export const SCHAKELOVERLEG_TEMPLATES: Templates<Kind> = {
  'so-proposed': (x) => [
    `Voorstel Schakeloverleg: overdracht ${f(x, 'caseNumber')}`,
    [
      `De gecertificeerde instelling stelt voor de ${maatregel(x)} (kenmerk ${f(x, 'reference')}) op ${datum(f(x, 'measureEndDate'))} te laten eindigen en de hulp voort te zetten in het vrijwillig kader.`,
      `Plan het Schakeloverleg uiterlijk ${datum(f(x, 'planBy'))}; het overleg moet uiterlijk ${datum(f(x, 'latestMeetingDate'))} plaatsvinden. Bij de lopende hulp ${Number(x.providers) === 1 ? 'is' : 'zijn'} ${aanbieders(Number(x.providers ?? 0))} betrokken.`,
      `Het voorstel is te vinden onder overdracht ${f(x, 'caseNumber')} (${gemeente(x)}).`,
    ],
  ],
  'so-planning-reminder': (x) => [
    `Schakeloverleg nog niet gepland: overdracht ${f(x, 'caseNumber')}`,
    [
      `Het Schakeloverleg over de overgang naar het vrijwillig kader (kenmerk ${f(x, 'reference')}) is nog niet gepland. De ${maatregel(x)} eindigt op ${datum(f(x, 'measureEndDate'))}.`,
      `Plan het overleg uiterlijk ${datum(f(x, 'planBy'))}; het moet uiterlijk ${datum(f(x, 'latestMeetingDate'))} plaatsvinden.`,
    ],
  ],
  'so-planning-overdue': (x) => [
    `Schakeloverleg te laat gepland: overdracht ${f(x, 'caseNumber')}`,
    [
      `De uiterste datum om het Schakeloverleg te plannen (${datum(f(x, 'planBy'))}) is verstreken. De ${maatregel(x)} (kenmerk ${f(x, 'reference')}) eindigt op ${datum(f(x, 'measureEndDate'))}.`,
      `Plan het overleg direct; het moet uiterlijk ${datum(f(x, 'latestMeetingDate'))} plaatsvinden. Lukt dat niet, dan kan de overgang niet op tijd worden besproken en beslist de gecertificeerde instelling over voortzetting van de maatregel.`,
    ],
  ],
  'so-planned': (x) => [
    `${x.replanned ? 'Schakeloverleg verplaatst' : 'Uitnodiging Schakeloverleg'}: overdracht ${f(x, 'caseNumber')}`,
    [
      `Het Schakeloverleg over de overgang van de ${maatregel(x)} naar hulp in het vrijwillig kader ${x.replanned ? 'is verplaatst naar' : 'vindt plaats op'} ${datum(f(x, 'meetingDate'))}.`,
      `In dit overleg bespreken de ouders, de gecertificeerde instelling en het CJG of de hulp na het einde van de maatregel op ${datum(f(x, 'measureEndDate'))} vrijwillig kan doorgaan. Daarvoor is de instemming van de ouders nodig.`,
      `Kenmerk van de gecertificeerde instelling: ${f(x, 'reference')}.`,
    ],
  ],
  'so-outcome-reminder': (x) => [
    `Uitkomst Schakeloverleg ontbreekt: overdracht ${f(x, 'caseNumber')}`,
    [
      `Het Schakeloverleg van ${datum(f(x, 'meetingDate'))} is gehouden, maar de uitkomst is nog niet vastgelegd.`,
      `Leg de uitkomst vast vóór ${datum(f(x, 'measureEndDate'))}, de einddatum van de ${maatregel(x)}. Zonder vastgelegde uitkomst vervalt het voorstel op die dag.`,
    ],
  ],
  'so-outcome-overdue': (x) => [
    `Uitkomst Schakeloverleg nog steeds niet vastgelegd: overdracht ${f(x, 'caseNumber')}`,
    [
      `Het Schakeloverleg van ${datum(f(x, 'meetingDate'))} is gehouden, maar de uitkomst is nog altijd niet vastgelegd${x.coordinatorName ? ` (coördinator ${f(x, 'coordinatorName')})` : ''}.${x.teamLeadTold ? ' De teamleider ontvangt deze brief ook.' : ''}`,
      `Leg de uitkomst vandaag vast: afgesproken of niet afgesproken. Dat moet vóór ${datum(f(x, 'measureEndDate'))}, de einddatum van de ${maatregel(x)}. Zonder vastgelegde uitkomst vervalt het voorstel op die dag.`,
    ],
  ],
  'so-agreed': (x) => [
    `Overgang naar het vrijwillig kader afgesproken: overdracht ${f(x, 'caseNumber')}`,
    [
      `In het Schakeloverleg is afgesproken dat de hulp na de ${maatregel(x)} doorgaat in het vrijwillig kader. De ouders stemmen hiermee in.`,
      // The promise of care without interruption only where the beschikking is due before the
      // measure ends (issue 17: the trajectory starts now); before that, no promise.
      x.beschikkingBefore
        ? `Het CJG begint nu met het gezin (casus ${f(x, 'trajectoryCaseNumber')}) en besluit vóór ${datum(f(x, 'beschikkingBefore'))} over de hulp na de maatregel (de beschikking). Vanaf ${datum(f(x, 'startDate'))} begeleidt het CJG het gezin. ${Number(x.providers ?? 0) > 0 ? `De hulp die nu loopt (${aanbieders(Number(x.providers))}) gaat zo zonder onderbreking door.` : 'Er loopt nu geen gespecialiseerde hulp; het CJG bespreekt met het gezin wat nodig is.'}`
        : `Vanaf ${datum(f(x, 'startDate'))} begeleidt het CJG het gezin (casus ${f(x, 'trajectoryCaseNumber')}). ${Number(x.providers ?? 0) > 0 ? `Het CJG bespreekt met het gezin en de zorgaanbieders (${aanbieders(Number(x.providers))}) hoe de hulp die nu loopt daarna doorgaat, en besluit daarover.` : 'Er loopt nu geen gespecialiseerde hulp; het CJG bespreekt met het gezin wat nodig is.'}`,
      `Tot die datum blijft de gecertificeerde instelling verantwoordelijk (kenmerk ${f(x, 'reference')}).`,
    ],
  ],
  'so-not-agreed': (x) => [
    `Geen overgang naar het vrijwillig kader: overdracht ${f(x, 'caseNumber')}`,
    [
      `In het Schakeloverleg is nu geen overgang naar het vrijwillig kader afgesproken. De reden: ${lookup(SCHAKELOVERLEG_NOT_AGREED_REASONS, f(x, 'reason'))}.`,
      `De hulp blijft in het gedwongen kader, onder verantwoordelijkheid van de gecertificeerde instelling (kenmerk ${f(x, 'reference')}); de lopende hulp gaat door. De ${maatregel(x)} loopt tot ${datum(f(x, 'measureEndDate'))}.`,
      `Op ${datum(f(x, 'revisitDate'))} bekijken we opnieuw of de overgang mogelijk is.`,
    ],
  ],
  'so-revisit-due': (x) => [
    `Herbespreking Schakeloverleg: overdracht ${f(x, 'caseNumber')}`,
    [
      `Vandaag (${datum(f(x, 'revisitDate'))}) is de afgesproken datum om opnieuw te bekijken of de overgang naar het vrijwillig kader mogelijk is (kenmerk ${f(x, 'reference')}).`,
      `Plan het Schakeloverleg (ronde ${f(x, 'round')}) uiterlijk ${datum(f(x, 'planBy'))}; het moet uiterlijk ${datum(f(x, 'latestMeetingDate'))} plaatsvinden, want de ${maatregel(x)} eindigt op ${datum(f(x, 'measureEndDate'))}.`,
    ],
  ],
  'so-measure-end-changed': (x) => [
    `Einddatum maatregel gewijzigd: overdracht ${f(x, 'caseNumber')}`,
    [
      `De einddatum van de ${maatregel(x)} (kenmerk ${f(x, 'reference')}) is gewijzigd van ${datum(f(x, 'previousEndDate'))} naar ${datum(f(x, 'measureEndDate'))}.`,
      x.agreed
        ? `De hulp in het vrijwillig kader (casus ${f(x, 'trajectoryCaseNumber')}) begint daarom op ${datum(f(x, 'measureEndDate'))}; tot dan gaat de lopende hulp door zoals nu.`
        : 'De termijnen voor het Schakeloverleg zijn aangepast aan de nieuwe datum.',
      ...(x.trajectoryStarted
        ? [
            `Voor de coördinator: de termijn voor de beschikking in casus ${f(x, 'trajectoryCaseNumber')} verschuift niet mee. Geef de beschikking af vóór ${datum(f(x, 'measureEndDate'))}.`,
          ]
        : []),
    ],
  ],
  'so-trajectory-started': (x) => [
    `Hulp in het vrijwillig kader gestart: overdracht ${f(x, 'caseNumber')}`,
    [
      `Op ${datum(f(x, 'startDate'))} is de ${maatregel(x)} geëindigd en is de hulp overgegaan naar het vrijwillig kader.`,
      `Het CJG coördineert de hulp voortaan in casus ${f(x, 'trajectoryCaseNumber')}. De zorg die liep, gaat door; de coördinator neemt contact op over de verdere afspraken.`,
    ],
  ],
  'so-withdrawn': (x) => [
    `Voorstel Schakeloverleg ingetrokken: overdracht ${f(x, 'caseNumber')}`,
    [
      `De gecertificeerde instelling heeft het voorstel voor de overgang naar het vrijwillig kader (kenmerk ${f(x, 'reference')}) ingetrokken: ${lookup(SCHAKELOVERLEG_WITHDRAWAL_REASONS, f(x, 'reason'))}.`,
      'Een gepland Schakeloverleg gaat niet door. De hulp blijft onder verantwoordelijkheid van de gecertificeerde instelling.',
      ...(x.trajectoryCaseNumber
        ? [
            `Casus ${f(x, 'trajectoryCaseNumber')} was al gestart om de hulp na de maatregel voor te bereiden; de coördinator trekt die casus in.`,
          ]
        : []),
    ],
  ],
  'so-lapsed': (x) => [
    `Voorstel Schakeloverleg vervallen: overdracht ${f(x, 'caseNumber')}`,
    [
      `De ${maatregel(x)} (kenmerk ${f(x, 'reference')}) zou op ${datum(f(x, 'measureEndDate'))} eindigen, maar er is vóór die datum geen overgang naar het vrijwillig kader afgesproken ${x.planned ? '(de uitkomst van het geplande Schakeloverleg is niet vastgelegd)' : '(er is geen Schakeloverleg gepland)'}.`,
      'Het voorstel is daarom vervallen. De gecertificeerde instelling beslist over de voortzetting van de maatregel; een nieuw voorstel kan altijd worden gedaan.',
    ],
  ],
};

const base = {
  caseNumber: 'gi-limburg.JB-2026-1234',
  reference: 'JB-2026-1234',
  measure: 'ots',
  measureEndDate: '2027-03-01',
};

/** One realistic set of facts per letter kind of this process (tests and documentation). */
export const SCHAKELOVERLEG_EXAMPLES: Record<Kind, LetterFacts> = {
  'so-proposed': {
    ...base,
    municipalityCode: '0957',
    planBy: '2027-01-18',
    latestMeetingDate: '2027-02-15',
    providers: 2,
  },
  'so-planning-reminder': { ...base, planBy: '2027-01-18', latestMeetingDate: '2027-02-15' },
  'so-planning-overdue': { ...base, planBy: '2027-01-18', latestMeetingDate: '2027-02-15' },
  'so-planned': { ...base, meetingDate: '2027-02-03', round: 1, replanned: false },
  'so-outcome-reminder': { ...base, meetingDate: '2027-02-03' },
  'so-outcome-overdue': {
    ...base,
    meetingDate: '2027-02-03',
    coordinatorId: 'coord-anna',
    teamLeadTold: true,
  },
  'so-agreed': {
    ...base,
    trajectoryCaseNumber: 'CJG-2027-000042',
    startDate: '2027-03-01',
    providers: 2,
    beschikkingBefore: '2027-03-01',
  },
  'so-not-agreed': {
    ...base,
    measureEndDate: '2028-03-01',
    reason: 'no-consent',
    revisitDate: '2027-09-01',
  },
  'so-revisit-due': {
    ...base,
    measureEndDate: '2028-03-01',
    revisitDate: '2027-09-01',
    round: 2,
    planBy: '2028-01-19',
    latestMeetingDate: '2028-02-16',
  },
  'so-measure-end-changed': {
    ...base,
    measureEndDate: '2027-04-01',
    previousEndDate: '2027-03-01',
    agreed: true,
    trajectoryCaseNumber: 'CJG-2027-000042',
  },
  'so-trajectory-started': {
    ...base,
    trajectoryCaseNumber: 'CJG-2027-000042',
    startDate: '2027-03-01',
  },
  'so-withdrawn': { ...base, reason: 'measure-continues' },
  'so-lapsed': { ...base, planned: false },
};
