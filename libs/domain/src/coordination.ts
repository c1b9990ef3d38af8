/**
 * 001: since April 2021 the CJG decides per case whether it coordinates and follows up, weighing
 * the type of care, the number of products, the complexity, the help question and the client's
 * self-reliance. This proposes a default; the coordinator decides.
 */
export interface CoordinationCriteria {
  /** The heaviest care in the beschikking. */
  typeOfCare: 'ambulant' | 'dagbehandeling' | 'verblijf' | 'ggz' | 'pgb' | 'other';
  numberOfProducts: number;
  complexity: 'low' | 'medium' | 'high';
  /** Is the help question clear and single, or still unclear / several at once? */
  helpQuestion: 'clear' | 'unclear' | 'multiple';
  /** Zelfredzaamheid en eigen kracht of client and family. */
  selfReliance: 'high' | 'medium' | 'low';
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

export function coordinationCriteriaProblems(criteria: CoordinationCriteria): string[] {
  const problems: string[] = [];
  const oneOf = (value: unknown, allowed: readonly string[], name: string) => {
    if (typeof value !== 'string' || !allowed.includes(value)) {
      problems.push(`criteria.${name} must be one of ${allowed.join(', ')}`);
    }
  };
  oneOf(
    criteria?.typeOfCare,
    ['ambulant', 'dagbehandeling', 'verblijf', 'ggz', 'pgb', 'other'],
    'typeOfCare',
  );
  oneOf(criteria?.complexity, ['low', 'medium', 'high'], 'complexity');
  oneOf(criteria?.helpQuestion, ['clear', 'unclear', 'multiple'], 'helpQuestion');
  oneOf(criteria?.selfReliance, ['high', 'medium', 'low'], 'selfReliance');
  if (
    !Number.isInteger(criteria?.numberOfProducts) ||
    criteria.numberOfProducts < 0 ||
    criteria.numberOfProducts > 50
  ) {
    problems.push('criteria.numberOfProducts must be a whole number from 0 to 50');
  }
  return problems;
}
