/**
 * The data set as a plan: which cases exist, who they belong to, which phase each should reach
 * and the commands that take it there. Everything random is drawn here from the seed and the
 * case's index (not from the count or the clock), so a re-run, or a run with a larger count,
 * plans the same case the same way. Dates are made from the case's own start date when the
 * commands are built, so a resumed case sends the same bodies as the first run did.
 */
import {
  addToDate,
  isValidBsn,
  proposeCoordination,
  TRAJECTORY_PHASES,
  type CalendarDate,
  type CommandType,
  type CoordinationCriteria,
  type EndReason,
  type ProductCategory,
  type TrajectoryPhase,
} from '@cjg/domain';
import {
  ACTIVITIES,
  CATEGORY_WEIGHTS,
  CHILD_FIRST_NAMES,
  COORDINATORS,
  DIVERGENCE_REASONS,
  END_EVALUATION_REASONS,
  MUNICIPALITIES,
  OMVANG_SHAPES,
  PROVIDERS,
  REASSIGN_REASONS,
  RESULTS,
  slug,
  SURNAMES,
  typeOfCare,
  VERDAGING_REASONS,
  WITHDRAW_REASONS,
  type Coordinator,
} from './data';
import { Prng } from './prng';

export type Phase = TrajectoryPhase;

/** How a block of 20 consecutive cases is spread over the phases (so every 20 cover all). */
export const BLOCK: Readonly<Record<Phase, number>> = {
  intake: 2,
  'results-agreed': 2,
  'provider-intake': 2,
  beschikking: 2,
  monitoring: 6,
  'end-evaluation': 2,
  closed: 3,
  withdrawn: 1,
};
const BLOCK_SIZE = Object.values(BLOCK).reduce((a, b) => a + b, 0);

/** The order of the phases a trajectory goes through (withdrawn aside). */
const ORDER: readonly Phase[] = TRAJECTORY_PHASES.filter((p) => p !== 'withdrawn');
const reaches = (reach: Phase, phase: Phase) => ORDER.indexOf(reach) >= ORDER.indexOf(phase);

export interface Omvang {
  volume: number;
  unit: string;
  frequency: string;
}
export interface Inzet {
  productCategory: ProductCategory;
  productCode?: string;
  omvang: Omvang;
}
type Outcome = 'reached' | 'partly' | 'not';

export interface ClientSpec {
  id: string;
  name: string;
  bsn: string;
  dateOfBirth: CalendarDate;
  email: string;
}

/** Every choice a case's commands are made of, drawn once from the PRNG. */
export interface Scenario {
  /** The last phase of the normal road this case reaches (for a withdrawn case: before it). */
  reach: Phase;
  withdraw?: string;
  results: Array<{ id: string; description: string; measure: string }>;
  inzet: Inzet;
  /** Providers referred to (verwijzing); all of them record an intake once reach allows. */
  providers: string[];
  /** For a case that stops at results-agreed: whether the family was referred yet. */
  referred: boolean;
  activities: string[][];
  durationWeeks: number[];
  divergence?: { volume: number; decision: 'accept' | 'refuse' | 'pending' };
  verdaging?: { at: 'start' | 'agreed' | 'intake'; extraDays: number; reason: string };
  beschikking: {
    kind: 'zin' | 'pgb';
    startOffsetDays: number;
    months: number;
    budgetEuro: number;
  };
  startZorg: boolean;
  startZorgDelayDays: number;
  coordinate: boolean;
  criteria: CoordinationCriteria;
  reviewInterval?: string;
  interimEvaluation: boolean;
  review?: { outcomes: Outcome[]; decision: 'continue' | 'afschalen' | 'opschalen' };
  verlenging: boolean;
  reassignTo?: string;
  reassignReason: string;
  endRoute: 'request' | 'stop' | 'review';
  endReason: string;
  stopReason: EndReason;
  endReports: boolean;
  endGoals: Outcome[];
  rating: number;
}

export interface CaseSpec {
  index: number;
  caseNumber: string;
  target: Phase;
  municipalityCode: string;
  coordinatorId: string;
  teamId: string;
  familyId: string;
  samenloop: boolean;
  /** How many days before its registration the request was received (the Awb clock's start). */
  receivedDaysBefore: number;
  client: ClientSpec;
  scenario: Scenario;
}

export interface Caller {
  role: 'coordinator' | 'provider' | 'team-lead';
  agbCode?: string;
}

/** One command of a case, with what it needs to be sent. */
export interface Step {
  /** Unique within the case: part of the Idempotency-Key. */
  id: string;
  command: CommandType;
  as: Caller;
  body: Record<string, unknown>;
}

export interface PlanOptions {
  seed: number;
  prefix: string;
  count: number;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** `CJG-2026` + seed 42 + index 0 → `CJG-2026-420001`. */
export function caseNumberOf(prefix: string, seed: number, index: number): string {
  return `${prefix}-${pad(seed % 100, 2)}${pad(index + 1, 4)}`;
}

/** A nine-digit number that passes the elfproef, drawn from the PRNG. */
export function makeBsn(rng: Prng): string {
  for (;;) {
    const digits = Array.from({ length: 8 }, (_, i) => (i === 0 ? rng.int(1, 9) : rng.int(0, 9)));
    const sum = digits.reduce((acc, d, i) => acc + d * (9 - i), 0);
    const last = sum % 11;
    if (last === 10) continue;
    const bsn = `${digits.join('')}${last}`;
    if (isValidBsn(bsn)) return bsn;
  }
}

const OUTCOME_AT_REVIEW = { reached: 35, partly: 45, not: 20 } as const;
const OUTCOME_AT_END = { reached: 60, partly: 30, not: 10 } as const;
const RATINGS = { '5': 30, '4': 35, '3': 20, '2': 10, '1': 5 } as const;
const STOP_REASONS: Partial<Record<EndReason, number>> = {
  '02': 50,
  '05': 20,
  '03': 10,
  '08': 10,
  '06': 5,
  '11': 5,
};
const WITHDRAWN_FROM = {
  intake: 25,
  'results-agreed': 25,
  'provider-intake': 20,
  beschikking: 10,
  monitoring: 20,
} as const;

function drawInzet(rng: Prng, category: ProductCategory): Inzet {
  const shape = rng.pick(OMVANG_SHAPES[category]!);
  const step = shape.step ?? 1;
  const volume = shape.min + step * rng.int(0, Math.floor((shape.max - shape.min) / step));
  const inzet: Inzet = {
    productCategory: category,
    omvang: { volume, unit: shape.unit, frequency: shape.frequency },
  };
  // Some regions work with product codes; the category's first letters, then a made-up number.
  if (rng.chance(0.4)) inzet.productCode = `${category}A${pad(rng.int(1, 20), 2)}`;
  return inzet;
}

function drawScenario(
  rng: Prng,
  target: Phase,
  samenloopProvider: string | undefined,
  coordinator: Coordinator,
  municipalityCode: string,
): Scenario {
  const reach: Phase =
    target === 'withdrawn' ? rng.weighted<keyof typeof WITHDRAWN_FROM>(WITHDRAWN_FROM) : target;
  const provider = samenloopProvider
    ? PROVIDERS.find((p) => p.agbCode === samenloopProvider)!
    : undefined;
  const category: ProductCategory = provider
    ? rng.pick(provider.categories)
    : rng.weighted(CATEGORY_WEIGHTS as Record<ProductCategory, number>);
  const offering = PROVIDERS.filter((p) => p.categories.includes(category)).map((p) => p.agbCode);
  const providers = provider
    ? [provider.agbCode]
    : rng.sample(offering, offering.length >= 2 && rng.chance(0.12) ? 2 : 1);
  const inzet = drawInzet(rng, category);
  const results = rng.sample(RESULTS, rng.int(1, 3)).map((r) => ({ ...r }));
  const zin = providers.length > 1 || samenloopProvider !== undefined || rng.chance(0.85);
  const startZorg = zin && rng.chance(0.7);
  const criteria: CoordinationCriteria = {
    typeOfCare: zin ? typeOfCare(category) : 'pgb',
    numberOfProducts: zin ? providers.length : 1,
    complexity: rng.weighted({ low: 30, medium: 45, high: 25 }),
    helpQuestion: rng.weighted({ clear: 65, unclear: 20, multiple: 15 }),
    selfReliance: rng.weighted({ high: 30, medium: 45, low: 25 }),
  };
  const coordinate = samenloopProvider !== undefined || rng.chance(0.6);
  // Mostly the coordinator follows the proposal of 001; where it does not, the criteria lean its way.
  if (coordinate && !proposeCoordination(criteria).coordinate) criteria.complexity = 'high';
  if (!coordinate && proposeCoordination(criteria).coordinate && rng.chance(0.7)) {
    Object.assign(criteria, { complexity: 'low', helpQuestion: 'clear', selfReliance: 'high' });
  }
  const endRoute: Scenario['endRoute'] =
    startZorg && rng.chance(0.4) ? 'stop' : coordinate && rng.chance(0.2) ? 'review' : 'request';
  const divergenceDecision = rng.weighted({ accept: 40, refuse: 60 });
  const verdagingAt = rng.weighted({ start: 30, agreed: 30, intake: 40 });
  const reassign = COORDINATORS.filter(
    (c) =>
      c.teamId === coordinator.teamId &&
      c.id !== coordinator.id &&
      c.municipalities.includes(municipalityCode),
  );
  return {
    reach,
    ...(target === 'withdrawn' ? { withdraw: rng.pick(WITHDRAW_REASONS) } : {}),
    results,
    inzet,
    providers,
    referred: rng.chance(0.5),
    activities: providers.map(() => rng.sample(ACTIVITIES[category]!, rng.int(1, 2))),
    durationWeeks: providers.map(() => rng.pick([12, 16, 20, 26, 39, 52])),
    ...(rng.chance(0.2)
      ? {
          divergence: {
            volume: Math.ceil(inzet.omvang.volume * 1.5),
            decision: reach === 'provider-intake' ? 'pending' : divergenceDecision,
          },
        }
      : {}),
    ...(rng.chance(0.15)
      ? {
          verdaging: {
            at: verdagingAt,
            extraDays: rng.int(14, 42),
            reason: rng.pick(VERDAGING_REASONS),
          },
        }
      : {}),
    beschikking: {
      kind: zin ? 'zin' : 'pgb',
      // Care that has started began on or before today; the rest starts within two weeks.
      startOffsetDays: startZorg ? -rng.int(0, 21) : rng.int(-14, 14),
      months: rng.int(6, 12),
      budgetEuro: 100 * rng.int(24, 240),
    },
    startZorg,
    startZorgDelayDays: rng.int(0, 7),
    coordinate,
    criteria,
    ...(coordinate && rng.chance(0.4) ? { reviewInterval: rng.pick(['P3M', 'P4M']) } : {}),
    interimEvaluation: zin && rng.chance(0.25),
    ...(coordinate && rng.chance(0.45)
      ? {
          review: {
            outcomes: results.map(() => rng.weighted(OUTCOME_AT_REVIEW)),
            decision: rng.weighted({ continue: 60, afschalen: 25, opschalen: 15 }),
          },
        }
      : {}),
    verlenging: rng.chance(0.1),
    ...(reassign.length > 0 && rng.chance(0.06) ? { reassignTo: rng.pick(reassign).id } : {}),
    reassignReason: rng.pick(REASSIGN_REASONS),
    endRoute,
    endReason: rng.pick(END_EVALUATION_REASONS),
    stopReason: rng.weighted(STOP_REASONS as Record<EndReason, number>),
    endReports: zin && rng.chance(0.6),
    endGoals: results.map(() => rng.weighted(OUTCOME_AT_END)),
    rating: Number(rng.weighted(RATINGS)),
  };
}

interface FamilySlot {
  slot: number;
  samenloopProvider?: string;
}

/** The cases of one block of 20, in index order. */
function planBlock(options: PlanOptions, block: number): CaseSpec[] {
  const rng = new Prng(options.seed, options.prefix, 'block', block);
  const phases = rng.shuffle(
    (Object.entries(BLOCK) as Array<[Phase, number]>).flatMap(([phase, n]) =>
      Array.from({ length: n }, () => phase),
    ),
  );
  // Families: every third block has one of three children, each with another provider at once
  // (samenloop, 004); elsewhere some families have two or three children in care.
  const families: FamilySlot[][] = [];
  const taken = new Set<number>();
  if (block % 3 === 0) {
    const slots = phases.flatMap((p, i) => (p === 'monitoring' ? [i] : [])).slice(0, 3);
    const providers = rng.sample(
      PROVIDERS.filter((p) => !p.categories.includes('42')),
      3,
    );
    families.push(slots.map((slot, i) => ({ slot, samenloopProvider: providers[i]!.agbCode })));
    for (const s of slots) taken.add(s);
  }
  for (let slot = 0; slot < BLOCK_SIZE; slot++) {
    if (taken.has(slot)) continue;
    const family: FamilySlot[] = [{ slot }];
    taken.add(slot);
    const size = rng.weighted({ one: 78, two: 17, three: 5 });
    const extra = size === 'one' ? 0 : size === 'two' ? 1 : 2;
    for (let next = slot + 1; family.length <= extra && next < BLOCK_SIZE; next++) {
      if (!taken.has(next)) {
        family.push({ slot: next });
        taken.add(next);
      }
    }
    families.push(family);
  }

  const specs: CaseSpec[] = [];
  const weights = Object.fromEntries(MUNICIPALITIES.map((m) => [m.code, m.weight]));
  const thisYear = new Date().getUTCFullYear();
  for (const family of families) {
    const frng = new Prng(options.seed, options.prefix, 'family', block, family[0]!.slot);
    const municipalityCode = frng.weighted(weights);
    const coordinator = frng.pick(
      COORDINATORS.filter((c) => c.municipalities.includes(municipalityCode)),
    );
    const surname = frng.pick(SURNAMES);
    const firstNames = frng.sample(CHILD_FIRST_NAMES, family.length);
    const firstIndex = block * BLOCK_SIZE + Math.min(...family.map((f) => f.slot));
    const familyNumber = caseNumberOf(options.prefix, options.seed, firstIndex);
    const familyId = `fam-${slug(surname)}-${slug(familyNumber)}`;
    const email = `ouders.${slug(surname).replace(/-/g, '')}.${familyNumber.slice(-6)}@gezin.example`;
    family.forEach(({ slot, samenloopProvider }, child) => {
      const index = block * BLOCK_SIZE + slot;
      const crng = new Prng(options.seed, options.prefix, 'case', index);
      const caseNumber = caseNumberOf(options.prefix, options.seed, index);
      const target = phases[slot]!;
      specs.push({
        index,
        caseNumber,
        target,
        municipalityCode,
        coordinatorId: coordinator.id,
        teamId: coordinator.teamId,
        familyId,
        samenloop: samenloopProvider !== undefined,
        // Its own generator, so the other draws stay as they were. Under six weeks: the Awb
        // warning (P6W) does not fall due at the start.
        receivedDaysBefore: new Prng(options.seed, options.prefix, 'received', index).int(2, 40),
        client: {
          id: `client-${slug(caseNumber)}`,
          name: `${firstNames[child]!} ${surname}`,
          bsn: makeBsn(crng),
          dateOfBirth: `${thisYear - crng.int(1, 17)}-${pad(crng.int(1, 12), 2)}-${pad(crng.int(1, 28), 2)}`,
          email,
        },
        scenario: drawScenario(crng, target, samenloopProvider, coordinator, municipalityCode),
      });
    });
  }
  return specs.sort((a, b) => a.index - b.index);
}

/** The first `count` cases of the data set for this seed and prefix. */
export function planCases(options: PlanOptions): CaseSpec[] {
  const blocks = Math.ceil(options.count / BLOCK_SIZE);
  return Array.from({ length: blocks }, (_, b) => planBlock(options, b))
    .flat()
    .slice(0, options.count);
}

/** The day a case's request was received, for a case registered on `anchor`. */
export function receivedOnOf(spec: CaseSpec, anchor: CalendarDate): CalendarDate {
  return addToDate(anchor, 0, -spec.receivedDaysBefore);
}

/**
 * The commands that take a case from its start to its target phase, with dates counted from
 * the day it started (`anchor`). Pure: the same case and anchor give the same steps.
 */
export function buildSteps(spec: CaseSpec, anchor: CalendarDate): Step[] {
  const s = spec.scenario;
  const steps: Step[] = [];
  const coordinator: Caller = { role: 'coordinator' };
  const provider = (agbCode: string): Caller => ({ role: 'provider', agbCode });
  const add = (id: string, command: CommandType, body: Record<string, unknown>, as = coordinator) =>
    steps.push({ id, command, as, body });
  const judged = (outcomes: Outcome[]) =>
    s.results.map((r, i) => ({ resultId: r.id, outcome: outcomes[i] ?? 'partly' }));
  const verdaging = (at: 'start' | 'agreed' | 'intake') => {
    if (s.verdaging?.at !== at) return;
    // The Awb decision period is eight weeks from the start; the new date lies after it.
    add('verdaging', 'recordVerdaging', {
      newDueDate: addToDate(anchor, 0, 56 + s.verdaging.extraDays),
      reason: s.verdaging.reason,
    });
  };
  const digits = spec.caseNumber.slice(-6);

  verdaging('start');
  if (!reaches(s.reach, 'results-agreed')) return withdrawn(spec, steps);
  add('agree-results', 'agreeResults', { plan: { results: s.results, inzet: s.inzet } });
  verdaging('agreed');
  const referred =
    s.reach === 'results-agreed' ? (s.referred ? s.providers.slice(0, 1) : []) : s.providers;
  referred.forEach((agbCode, i) => add(`refer-${i + 1}`, 'referToProvider', { agbCode }));
  if (!reaches(s.reach, 'provider-intake')) {
    if (s.verdaging?.at === 'intake') verdaging('intake');
    return withdrawn(spec, steps);
  }
  s.providers.forEach((agbCode, i) =>
    add(
      `intake-${i + 1}`,
      'recordProviderIntake',
      {
        agbCode,
        activities: s.activities[i],
        expectedDurationWeeks: s.durationWeeks[i],
        ...(i === 0 && s.divergence
          ? {
              requestedInzet: {
                ...s.inzet,
                omvang: { ...s.inzet.omvang, volume: s.divergence.volume },
              },
            }
          : {}),
      },
      provider(agbCode),
    ),
  );
  verdaging('intake');
  if (!reaches(s.reach, 'beschikking')) return withdrawn(spec, steps);

  const accepted = s.divergence?.decision === 'accept';
  if (s.divergence) {
    add('decide-divergence', 'decideDivergence', {
      agbCode: s.providers[0],
      accept: accepted,
      reason: accepted ? DIVERGENCE_REASONS.accept : DIVERGENCE_REASONS.refuse,
    });
  }
  const startDate = addToDate(anchor, 0, s.beschikking.startOffsetDays);
  const endDate = addToDate(startDate, s.beschikking.months, -1);
  const number = `B-${spec.caseNumber.replace(/^CJG-/, '')}`;
  add('issue-beschikking', 'issueBeschikking', {
    beschikking:
      s.beschikking.kind === 'pgb'
        ? { number, kind: 'pgb', startDate, endDate, budgetEuro: s.beschikking.budgetEuro }
        : {
            number,
            kind: 'zin',
            startDate,
            endDate,
            toewijzingen: s.providers.map((agbCode, i) => ({
              agbCode,
              toewijzingnummer: `T${digits}-${i + 1}`,
              ...s.inzet,
              omvang:
                i === 0 && accepted && s.divergence
                  ? { ...s.inzet.omvang, volume: s.divergence.volume }
                  : s.inzet.omvang,
            })),
          },
  });
  // Start zorg is reported after the fact: on a day between the start of the beschikking and today.
  const careStart = addToDate(
    startDate,
    0,
    Math.min(s.startZorgDelayDays, -s.beschikking.startOffsetDays),
  );
  const startZorg = () => {
    // A family that withdraws does so before its care starts: once care has started, the end
    // evaluation follows a withdrawal (rules of 2026-12), which the demo's withdrawn cases skip.
    if (!s.startZorg || spec.scenario.withdraw) return;
    s.providers.forEach((agbCode, i) =>
      add(`start-zorg-${i + 1}`, 'startZorg', { agbCode, date: careStart }, provider(agbCode)),
    );
  };
  if (!reaches(s.reach, 'monitoring')) {
    startZorg();
    return withdrawn(spec, steps);
  }

  add('decide-coordination', 'decideCoordination', {
    coordinate: s.coordinate,
    criteria: s.criteria,
    ...(s.coordinate && s.reviewInterval ? { reviewInterval: s.reviewInterval } : {}),
  });
  startZorg();
  if (s.interimEvaluation) {
    add(
      'interim-evaluation',
      'reportEvaluation',
      {
        agbCode: s.providers[0],
        kind: 'interim',
        outcomes: judged(s.review?.outcomes ?? s.endGoals),
      },
      provider(s.providers[0]!),
    );
  }
  if (s.review) {
    add('review-1', 'recordReview', {
      outcomes: judged(s.review.outcomes),
      decision: s.review.decision,
      // Opschalen follows up more often: monthly (every seeded interval is longer).
      ...(s.review.decision === 'opschalen' ? { reviewInterval: 'P1M' } : {}),
    });
  }
  if (!reaches(s.reach, 'end-evaluation')) {
    if (s.verlenging && spec.target === 'monitoring') {
      add('verlenging-request', 'requestEndEvaluation', {
        reason: 'Het einde van de beschikking nadert',
      });
      add('verlenging', 'recordEndEvaluation', {
        goals: judged(s.review?.outcomes ?? s.endGoals),
        decision: 'verlenging',
        verlenging: { number: `${number}-V`, endDate: addToDate(endDate, 6) },
      });
    }
    if (s.reassignTo && spec.target === 'monitoring') {
      add(
        'reassign',
        'reassignCoordinator',
        { coordinatorId: s.reassignTo, reason: s.reassignReason },
        { role: 'team-lead' },
      );
    }
    return withdrawn(spec, steps);
  }

  if (s.endRoute === 'stop' && s.startZorg) {
    const today = anchor < careStart ? careStart : anchor;
    s.providers.forEach((agbCode, i) =>
      add(
        `stop-zorg-${i + 1}`,
        'stopZorg',
        { agbCode, date: today, reason: s.stopReason },
        provider(agbCode),
      ),
    );
  } else if (s.endRoute === 'review' && s.coordinate) {
    add('review-end', 'recordReview', { outcomes: judged(s.endGoals), decision: 'end' });
  } else {
    add('request-end-evaluation', 'requestEndEvaluation', { reason: s.endReason });
  }
  if (s.endReports && s.beschikking.kind === 'zin') {
    s.providers.forEach((agbCode, i) =>
      add(
        `end-evaluation-${i + 1}`,
        'reportEvaluation',
        { agbCode, kind: 'end', outcomes: judged(s.endGoals) },
        provider(agbCode),
      ),
    );
  }
  if (!reaches(s.reach, 'closed')) return steps;
  add('record-end-evaluation', 'recordEndEvaluation', {
    goals: judged(s.endGoals),
    decision: 'close',
  });
  // The coordinator enters the client's answer to the closing questionnaire on its behalf.
  add('end-questionnaire', 'answerQuestionnaire', { moment: 'end', rating: s.rating });
  return steps;
}

function withdrawn(spec: CaseSpec, steps: Step[]): Step[] {
  if (spec.scenario.withdraw) {
    steps.push({
      id: 'withdraw',
      command: 'withdraw',
      as: { role: 'coordinator' },
      body: { reason: spec.scenario.withdraw },
    });
  }
  return steps;
}
