import type { Schemas } from '../api/client';
import type { Option } from '../ui/ui';

/**
 * Dutch names of the partner processes' codes: the Veilig Thuis handover (docs/veilig-thuis.md),
 * the Schakeloverleg transfer (docs/schakeloverleg.md) and the VTO (docs/vto.md). The web app
 * cannot import @cjg/domain, so the codes are copied here; the tables are typed on the API's
 * schema where it lists them, so a code the API adds or drops fails the typecheck.
 */

/** The options of a <select> from a code table, in the table's order. */
export function optionsOf<K extends string>(table: Record<K, string>): Option[] {
  return (Object.keys(table) as K[]).map((value) => ({ value, label: table[value] }));
}

/** A code's Dutch name; the code itself (readable) for one the table does not know. */
export function nameOf(table: Record<string, string>, code: string | null | undefined): string {
  if (!code) return '—';
  return table[code] ?? code.replace(/-/g, ' ');
}

// ───────────────────────────────────────────────────────────── Veilig Thuis

type Handover = Schemas['HandoverDto'];
export type HandoverStatus = Handover['status'];
export type HandoverCommand = Handover['allowedCommands'][number];

export const HANDOVER_STATUSES: Record<HandoverStatus, string> = {
  received: 'Ontvangen',
  accepted: 'Overgenomen',
  'meeting-planned': 'Warme overdracht gepland',
  'meeting-held': 'Warme overdracht gehouden',
  'trajectory-started': 'Traject gestart',
  'basic-support': 'Basisondersteuning',
  refused: 'Niet overgenomen',
  withdrawn: 'Ingetrokken',
};

/** What an open handover waits for, per status (the list's "Wacht op"). */
export const HANDOVER_WAITS_FOR: Partial<Record<HandoverStatus, string>> = {
  received: 'Overnemen of weigeren door het CJG',
  accepted: 'Warme overdracht plannen',
  'meeting-planned': 'Warme overdracht houden',
  'meeting-held': 'Uitkomst en terugkoppeling aan Veilig Thuis',
};

export const HANDOVER_URGENCIES: Record<Handover['urgency'], string> = {
  regular: 'Regulier',
  urgent: 'Spoed',
};

export const HANDOVER_TYPES: Record<Handover['handoverType'], string> = {
  afschaling: 'Afschaling',
  'tijdens-onderzoek': 'Tijdens onderzoek van Veilig Thuis',
};

/**
 * The two reasons the CJG may refuse for now: Veilig Thuis judges safety, the CJG refuses only a
 * case that is not its own (issue 17).
 */
export const HANDOVER_REFUSAL_REASONS: Record<Schemas['RefuseHandoverDto']['reason'], string> = {
  'outside-region': 'Het gezin woont buiten onze gemeenten',
  'not-competent': 'Geen zaak voor het CJG (met toelichting wiens zaak het is)',
};

/** Every reason a refusal may show, also those of handovers refused before December 2026. */
export const HANDOVER_REFUSAL_REASONS_SHOWN: Record<Schemas['RefusalDto']['reason'], string> = {
  ...HANDOVER_REFUSAL_REASONS,
  'not-safe-enough': 'Niet veilig genoeg (reden van vóór december 2026)',
  'care-elsewhere': 'Hulp loopt elders (reden van vóór december 2026)',
  other: 'Andere reden (reden van vóór december 2026)',
};

export const HANDOVER_WITHDRAWAL_REASONS: Record<Schemas['WithdrawHandoverDto']['reason'], string> =
  {
    'veilig-thuis-continues': 'Veilig Thuis houdt of neemt de zaak zelf',
    'family-moved': 'Het gezin is verhuisd',
    'in-error': 'Ten onrechte of dubbel overgedragen',
  };

export const HANDOVER_DUE_KINDS: Record<Schemas['DeadlineDto']['kind'], string> = {
  'accept-reminder': 'Overnemen of weigeren komt eraan',
  'accept-overdue': 'Overnemen of weigeren te laat',
  'meeting-reminder': 'Warme overdracht komt eraan',
  'meeting-overdue': 'Warme overdracht te laat',
  'feedback-reminder': 'Terugkoppeling komt eraan',
  'feedback-overdue': 'Terugkoppeling te laat',
};

export const HANDOVER_COMMANDS: Record<HandoverCommand, string> = {
  accept: 'Overnemen',
  refuse: 'Niet overnemen',
  planMeeting: 'Warme overdracht plannen',
  recordMeeting: 'Warme overdracht vastleggen',
  startTrajectory: 'Traject starten',
  closeWithBasicSupport: 'Afsluiten met basisondersteuning',
  withdraw: 'Overdracht intrekken',
};

// ───────────────────────────────────────────────────────────── Schakeloverleg

type Transfer = Schemas['TransferStateDto'];
export type TransferStatus = Transfer['status'];

export const TRANSFER_STATUSES: Record<TransferStatus, string> = {
  proposed: 'Voorgesteld',
  planned: 'Gepland',
  'not-agreed': 'Niet akkoord',
  agreed: 'Akkoord',
  started: 'Vrijwillig kader begonnen',
  withdrawn: 'Ingetrokken',
  lapsed: 'Vervallen',
};

/** What an open transfer waits for, per status. */
export const TRANSFER_WAITS_FOR: Partial<Record<TransferStatus, string>> = {
  proposed: 'Schakeloverleg plannen (CJG)',
  planned: 'Uitkomst vastleggen (CJG)',
  'not-agreed': 'Opnieuw bekijken op de afgesproken datum',
  agreed: 'Einddatum van de maatregel',
};

export const MEASURES: Record<Transfer['measure'], string> = {
  ots: 'Ondertoezichtstelling (OTS)',
  voogdij: 'Voogdij door een gecertificeerde instelling',
  jeugdreclassering: 'Jeugdreclassering',
};

export const TRANSFER_NOT_AGREED_REASONS: Record<
  NonNullable<Schemas['RecordTransferOutcomeDto']['reason']>,
  string
> = {
  'no-consent': 'De ouders stemmen (nog) niet in met hulp in het vrijwillig kader',
  'safety-not-ensured': 'De veiligheid is zonder maatregel nog niet gewaarborgd',
  'care-not-in-place': 'De nodige hulp in het vrijwillig kader is nog niet geregeld',
  other: 'Een andere reden, besproken in het Schakeloverleg',
};

export const TRANSFER_WITHDRAWAL_REASONS: Record<Schemas['WithdrawTransferDto']['reason'], string> =
  {
    'measure-continues': 'De maatregel wordt voortgezet of verlengd',
    'family-moved': 'Het gezin is verhuisd naar een andere regio',
    'proposed-in-error': 'Het voorstel is ten onrechte gedaan',
    other: 'Een andere reden',
  };

/** The transfer's deadlines; `outcome-overdue` is missing from the API's enum but can occur. */
export const TRANSFER_DUE_KINDS: Record<
  Schemas['TransferDueItemDto']['kind'] | 'outcome-overdue',
  string
> = {
  'planning-reminder': 'Schakeloverleg plannen komt eraan',
  'planning-overdue': 'Schakeloverleg plannen te laat',
  'outcome-reminder': 'Uitkomst vastleggen komt eraan',
  'outcome-overdue': 'Uitkomst vastleggen te laat',
  'measure-end': 'Einde van de maatregel',
  revisit: 'Opnieuw bekijken',
  'trajectory-start': 'Begin van het vrijwillig kader',
};

/** The transfer's commands (the API lists `allowedCommands` as text). */
export const TRANSFER_COMMANDS: Record<
  'plan' | 'recordOutcome' | 'changeMeasureEnd' | 'withdraw',
  string
> = {
  plan: 'Schakeloverleg plannen',
  recordOutcome: 'Uitkomst vastleggen',
  changeMeasureEnd: 'Einddatum van de maatregel wijzigen',
  withdraw: 'Voorstel intrekken',
};

// ───────────────────────────────────────────────────────────── VTO

type Vto = Schemas['VtoStateDto'];
export type VtoStatus = Vto['status'];

export const VTO_STATUSES: Record<VtoStatus, string> = {
  'parents-to-inform': 'Ouders informeren',
  'awaiting-agenda': 'Wacht op de agenda',
  'on-agenda': 'Op de agenda',
  'sent-to-raad': 'Verstuurd naar de Raad',
  'raad-investigates': 'De Raad onderzoekt',
  'raad-declined': 'De Raad onderzoekt niet',
  'not-sent': 'Niet verstuurd',
  withdrawn: 'Ingetrokken',
};

export const VTO_GROUNDS: Record<Vto['grounds'][number], string> = {
  'ernstige-ontwikkelingsbedreiging':
    '(Vermoedens van) een ernstige bedreiging van de ontwikkeling van het kind',
  'onvoldoende-beweging': 'Er komt binnen het vrijwillig kader onvoldoende beweging',
  'zorgen-niet-erkend': 'De ouders erkennen de zorgen onvoldoende',
  'hulp-geweigerd': 'Noodzakelijke hulp wordt geweigerd of afgebroken',
  'afspraken-niet-nagekomen': 'Gemaakte afspraken worden niet nagekomen',
  'veiligheid-onvoldoende': 'De veiligheid van het kind is onvoldoende gewaarborgd',
};

export const PARENTS_INFORMED_HOW: Record<Schemas['RecordParentsInformedDto']['how'], string> = {
  conversation: 'In een gesprek',
  letter: 'Met een brief',
};

export const VTO_DECISIONS: Record<Schemas['RecordDecisionDto']['decision'], string> = {
  send: 'Versturen naar de Raad',
  'not-send': 'Niet versturen',
  postpone: 'Aanhouden tot de volgende vergadering',
};

export const VTO_NOT_SENT_REASONS: Record<
  NonNullable<Schemas['RecordDecisionDto']['reason']>,
  string
> = {
  'vrijwillig-kader-voldoende': 'Hulp in het vrijwillig kader is (weer) mogelijk',
  'onvoldoende-grond': 'De zorgen zijn onvoldoende onderbouwd voor een onderzoek',
  'andere-route': 'Een andere route past beter',
};

export const VTO_WITHDRAWAL_REASONS: Record<Schemas['WithdrawVtoDto']['reason'], string> = {
  'ouders-werken-mee': 'De ouders werken nu mee aan de hulp',
  'situatie-veranderd': 'De situatie is veranderd',
  'andere-route': 'Een andere route past beter',
  'onjuist-geregistreerd': 'Het verzoek is onjuist geregistreerd',
};

/** The VTO's deadlines (the API gives them as text: libs/domain's VTO_DEADLINE_KINDS). */
export const VTO_DUE_KINDS: Record<string, string> = {
  'parents-informed-due': 'Ouders geïnformeerd vastleggen komt eraan',
  'parents-informed-reminder': 'Ouders geïnformeerd vastleggen te laat',
  'decision-due': 'Besluit beschermingsplein komt eraan',
  'decision-reminder': 'Besluit beschermingsplein te laat',
  'raad-outcome-due': 'Antwoord van de Raad komt eraan',
  'raad-outcome-reminder': 'Antwoord van de Raad te laat',
};

/** The VTO's commands (the API lists `allowedCommands` as text). */
export const VTO_COMMANDS: Record<
  'recordParentsInformed' | 'recordDecision' | 'recordRaadOutcome' | 'withdraw',
  string
> = {
  recordParentsInformed: 'Ouders geïnformeerd',
  recordDecision: 'Besluit beschermingsplein',
  recordRaadOutcome: 'Antwoord van de Raad',
  withdraw: 'Verzoek intrekken',
};

/** Yes and no, for a question asked as a <select>. */
export const YES_NO: Record<'ja' | 'nee', string> = { ja: 'Ja', nee: 'Nee' };
