import type { Schemas } from '../api/client';
import { formatDate } from './labels';

/** The provider's words for what it is asked for (the API's ProviderDueItemDto kinds). */
export type ProviderDueKind = Schemas['ProviderDueItemDto']['kind'];

export const PROVIDER_DUE_KINDS: Record<ProviderDueKind, string> = {
  'provider-intake': 'Intake vastleggen (plan deel 2)',
  'end-evaluation': 'Eindevaluatie aanleveren',
  'beschikking-end': 'Einde toewijzing',
};

export function providerDueLabel(kind: string | null | undefined): string {
  if (!kind) return 'Niets open';
  return PROVIDER_DUE_KINDS[kind as ProviderDueKind] ?? kind.replace(/-/g, ' ');
}

/**
 * The day to show for a due item. The end of a toewijzing falls due at the start of the day after
 * its last day of care; people name the last day, so that one is shown.
 */
export function providerDueDay(kind: string | null | undefined, at: string | null | undefined) {
  if (!at) return '—';
  if (kind === 'beschikking-end') return formatDate(new Date(Date.parse(at) - 1).toISOString());
  return formatDate(at);
}

export const DIVERGENCE_STATUS: Record<string, string> = {
  pending: 'Het CJG beslist nog over uw aanvraag voor meer of andere inzet.',
  accepted: 'Het CJG heeft uw aanvraag voor meer of andere inzet geaccepteerd.',
  refused: 'Het CJG heeft uw aanvraag voor meer of andere inzet afgewezen.',
};

export const EVALUATION_KINDS: Record<'interim' | 'end', string> = {
  interim: 'Tussentijdse evaluatie',
  end: 'Eindevaluatie',
};
