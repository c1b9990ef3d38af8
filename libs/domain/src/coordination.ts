/**
 * 001: since April 2021 the CJG decides per case whether it coordinates and follows up, weighing
 * the type of care, the number of products, the complexity, the help question and the client's
 * self-reliance. This proposes a default; the coordinator decides.
 */

import { problem, type Problem } from './problems';
export const TYPES_OF_CARE = [
  'ambulant',
  'dagbehandeling',
  'verblijf',
  'ggz',
  'pgb',
  'other',
] as const;
export const COMPLEXITIES = ['low', 'medium', 'high'] as const;
export const HELP_QUESTIONS = ['clear', 'unclear', 'multiple'] as const;
export const SELF_RELIANCES = ['high', 'medium', 'low'] as const;
/** The number of products weighed is a whole number from 0 to this. */
export const MAX_NUMBER_OF_PRODUCTS = 50;

export interface CoordinationCriteria {
  /** The heaviest care in the beschikking. */
  typeOfCare: (typeof TYPES_OF_CARE)[number];
  numberOfProducts: number;
  complexity: (typeof COMPLEXITIES)[number];
  /** Is the help question clear and single, or still unclear / several at once? */
  helpQuestion: (typeof HELP_QUESTIONS)[number];
  /** Zelfredzaamheid en eigen kracht of client and family. */
  selfReliance: (typeof SELF_RELIANCES)[number];
}

export interface CoordinationProposal {
  coordinate: boolean;
  /** Why, in the criteria's words; empty when nothing calls for coordination. */
  reasons: string[];
}

export function proposeCoordination(criteria: CoordinationCriteria): CoordinationProposal {
  const reasons: string[] = [];
  if (criteria.typeOfCare === 'verblijf') reasons.push('care with verblijf');
  if (criteria.numberOfProducts >= 2) reasons.push(`${criteria.numberOfProducts} products`);
  if (criteria.complexity === 'high') reasons.push('high complexity');
  if (criteria.helpQuestion !== 'clear') reasons.push(`help question ${criteria.helpQuestion}`);
  if (criteria.selfReliance === 'low') reasons.push('low self-reliance');
  // One medium signal alone is not enough; two of them together are.
  const medium = [criteria.complexity === 'medium', criteria.selfReliance === 'medium'].filter(
    Boolean,
  );
  if (reasons.length === 0 && medium.length === 2)
    reasons.push('medium complexity and self-reliance');
  return { coordinate: reasons.length > 0, reasons };
}

export function coordinationCriteriaProblems(criteria: CoordinationCriteria): Problem[] {
  const problems: Problem[] = [];
  const oneOf = (value: unknown, allowed: readonly string[], name: string) => {
    if (typeof value !== 'string' || !allowed.includes(value)) {
      problems.push(
        problem('not-in-list', `criteria.${name} must be one of ${allowed.join(', ')}`),
      );
    }
  };
  oneOf(criteria?.typeOfCare, TYPES_OF_CARE, 'typeOfCare');
  oneOf(criteria?.complexity, COMPLEXITIES, 'complexity');
  oneOf(criteria?.helpQuestion, HELP_QUESTIONS, 'helpQuestion');
  oneOf(criteria?.selfReliance, SELF_RELIANCES, 'selfReliance');
  if (
    !Number.isInteger(criteria?.numberOfProducts) ||
    criteria.numberOfProducts < 0 ||
    criteria.numberOfProducts > MAX_NUMBER_OF_PRODUCTS
  ) {
    problems.push(
      problem(
        'out-of-range',
        `criteria.numberOfProducts must be a whole number from 0 to ${MAX_NUMBER_OF_PRODUCTS}`,
      ),
    );
  }
  return problems;
}
