/** The Schakeloverleg transfer's code lists (000): the measures of the forced frame, the reasons. */
import type { ProductCategory } from '../../codes';

/**
 * The measures of the forced frame that can end in a transfer to the voluntary frame: the ones a
 * GI carries out and that end on a date after which the family may go on without a measure.
 * (Not the voorlopige OTS, which is followed by a decision on an OTS, nor a machtiging gesloten
 * jeugdhulp, which is not a GI's measure.) `productCategory` is the JZ020 category of the GI's
 * own product.
 */
export const FORCED_FRAME_MEASURES = {
  ots: {
    name: 'Ondertoezichtstelling',
    basis: 'BW 1:255; ten hoogste een jaar, telkens te verlengen (BW 1:260)',
    productCategory: '48',
  },
  voogdij: {
    name: 'Voogdij door een gecertificeerde instelling',
    basis: 'BW 1:302 lid 2; eindigt bij meerderjarigheid of herstel in het gezag (BW 1:277)',
    productCategory: '48',
  },
  jeugdreclassering: {
    name: 'Jeugdreclassering',
    basis: 'Jeugdwet art. 1.1 (jeugdreclassering); opgelegd door rechter of OM',
    productCategory: '47',
  },
} as const satisfies Record<
  string,
  { name: string; basis: string; productCategory: ProductCategory }
>;
export type ForcedFrameMeasure = keyof typeof FORCED_FRAME_MEASURES;
export const FORCED_FRAME_MEASURE_CODES = Object.keys(
  FORCED_FRAME_MEASURES,
) as readonly ForcedFrameMeasure[];

export function isForcedFrameMeasure(value: unknown): value is ForcedFrameMeasure {
  return typeof value === 'string' && Object.hasOwn(FORCED_FRAME_MEASURES, value);
}

/** Why a Schakeloverleg did not agree on the transfer (codes: the history holds no free text). */
export const SCHAKELOVERLEG_NOT_AGREED_REASONS = {
  'no-consent': 'De ouders stemmen (nog) niet in met hulp in het vrijwillig kader',
  'safety-not-ensured': 'De veiligheid van de jeugdige is zonder maatregel nog niet gewaarborgd',
  'care-not-in-place': 'De hulp die in het vrijwillig kader nodig is, is nog niet geregeld',
  other: 'Een andere reden, besproken in het Schakeloverleg',
} as const;
export type SchakeloverlegNotAgreedReason = keyof typeof SCHAKELOVERLEG_NOT_AGREED_REASONS;

/** Why the GI withdraws a proposed transfer (codes). */
export const SCHAKELOVERLEG_WITHDRAWAL_REASONS = {
  'measure-continues': 'De maatregel wordt voortgezet of verlengd',
  'family-moved': 'Het gezin is verhuisd naar een andere regio',
  'proposed-in-error': 'Het voorstel is ten onrechte gedaan',
  other: 'Een andere reden',
} as const;
export type SchakeloverlegWithdrawalReason = keyof typeof SCHAKELOVERLEG_WITHDRAWAL_REASONS;
