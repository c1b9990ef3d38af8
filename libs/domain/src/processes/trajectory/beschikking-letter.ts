/**
 * What the beschikking letter must say, as codes and numbers (Awb 3:46: a decision says what is
 * decided and why): the municipality on whose behalf, the coordinator to contact, each
 * toewijzing (provider, product, omvang) or the PGB budget, and the reference to the typed
 * motivation. The letters activity puts in the names and the texts at send time; a history
 * holds none of them.
 *
 * Letter facts are flat, so the toewijzingen are numbered: `toewijzingen` is how many, and
 * `toewijzing<n>AgbCode`, `…ProductCategory`, `…ProductCode`, `…Volume`, `…Unit`, `…Frequency`
 * describe the n-th (from 1). A PGB has no provider: its one item is the inzet of plan deel 1 the
 * budget is for.
 */
import type { LetterFacts } from '../../letters';
import { freeTextFacts, type FreeText } from '../../text-ref';
import type { Beschikking, Inzet, TrajectoryState } from './state';

/** The prefix of the n-th (from 1) toewijzing's facts. */
export const toewijzingPrefix = (n: number): string => `toewijzing${n}`;

function inzetFacts(n: number, inzet: Inzet & { agbCode?: string }): LetterFacts {
  const p = toewijzingPrefix(n);
  return {
    ...(inzet.agbCode ? { [`${p}AgbCode`]: inzet.agbCode } : {}),
    [`${p}ProductCategory`]: inzet.productCategory,
    ...(inzet.productCode ? { [`${p}ProductCode`]: inzet.productCode } : {}),
    [`${p}Volume`]: inzet.omvang.volume,
    [`${p}Unit`]: inzet.omvang.unit,
    [`${p}Frequency`]: inzet.omvang.frequency,
  };
}

/** The facts of the `beschikking-issued` letter beyond its number, kind and period. */
export function beschikkingLetterFacts(
  state: TrajectoryState,
  beschikking: Beschikking,
  motivation?: FreeText,
): LetterFacts {
  const items: Array<Inzet & { agbCode?: string }> =
    beschikking.kind === 'zin' ? beschikking.toewijzingen : state.plan ? [state.plan.inzet] : [];
  return {
    municipalityCode: state.municipalityCode,
    coordinatorId: state.coordinatorId,
    ...(beschikking.kind === 'pgb' ? { budgetEuro: beschikking.budgetEuro } : {}),
    toewijzingen: items.length,
    ...Object.assign({}, ...items.map((item, i) => inzetFacts(i + 1, item))),
    ...(motivation ? freeTextFacts('motivation', motivation) : {}),
  };
}
