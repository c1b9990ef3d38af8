import { randomUUID } from 'node:crypto';
import {
  activeProviders,
  amsterdamDate,
  applyCommand,
  COMMAND_FREE_TEXT,
  commandProblems,
  initialState,
  isValidBsn,
  isValidCaseNumber,
  isValidPersonId,
  mapFreeText,
  TRAJECTORY_PHASES,
  trajectoryInputProblems,
  type TrajectoryCommand,
  type TrajectoryState,
} from '@cjg/domain';
import { COORDINATORS, MUNICIPALITIES } from './data';
import { buildSteps, planCases, receivedOnOf, type CaseSpec } from './plan';

/**
 * Runs a case's steps through the domain rules the workflow applies, as the API would: with each
 * free text stored (here: a reference to nothing) and the reference in its place.
 */
function walk(spec: CaseSpec, now: Date): TrajectoryState {
  const input = {
    caseNumber: spec.caseNumber,
    municipalityCode: spec.municipalityCode,
    coordinatorId: spec.coordinatorId,
    clientId: spec.client.id,
    familyId: spec.familyId,
    receivedOn: receivedOnOf(spec, amsterdamDate(now)),
  };
  expect(trajectoryInputProblems(input, now)).toEqual([]);
  const state = initialState(input, now);
  for (const step of buildSteps(spec, amsterdamDate(now))) {
    const body = mapFreeText(step.body, COMMAND_FREE_TEXT[step.command] ?? [], (value) => ({
      textId: randomUUID(),
      items: Array.isArray(value) ? value.length : 1,
    }));
    const command = { type: step.command, ...body } as TrajectoryCommand;
    expect({
      case: spec.caseNumber,
      step: step.id,
      problems: commandProblems(state, command, now),
    }).toEqual({ case: spec.caseNumber, step: step.id, problems: [] });
    applyCommand(state, command, now);
  }
  return state;
}

describe('the seed plan', () => {
  const options = { seed: 42, prefix: 'CJG-2026', count: 300 };
  const cases = planCases(options);

  it('has each request received a few days to some weeks before its registration, varying', () => {
    const days = cases.map((c) => c.receivedDaysBefore);
    expect(Math.min(...days)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...days)).toBeLessThanOrEqual(40);
    // Spread, not one value for all: many distinct days, from under a week to over four weeks.
    expect(new Set(days).size).toBeGreaterThan(20);
    expect(days.some((d) => d < 7)).toBe(true);
    expect(days.some((d) => d > 28)).toBe(true);
    expect(receivedOnOf(cases[0]!, '2026-11-23')).toBe(
      new Date(Date.UTC(2026, 10, 23 - cases[0]!.receivedDaysBefore)).toISOString().slice(0, 10),
    );
  });

  it('is the same for the same seed, and the first cases do not depend on the count', () => {
    expect(planCases(options)).toEqual(cases);
    expect(planCases({ ...options, count: 24 })).toEqual(cases.slice(0, 24));
    expect(planCases({ ...options, seed: 7 })[0]).not.toEqual(cases[0]);
  });

  it('has valid, unique ids, BSNs and example addresses, in the municipalities of its coordinators', () => {
    expect(new Set(cases.map((c) => c.caseNumber)).size).toBe(300);
    expect(new Set(cases.map((c) => c.client.id)).size).toBe(300);
    for (const c of cases) {
      expect(isValidCaseNumber(c.caseNumber)).toBe(true);
      expect(c.caseNumber).toMatch(/^CJG-2026-42\d{4}$/);
      expect([c.client.id, c.familyId, c.coordinatorId].every(isValidPersonId)).toBe(true);
      expect(isValidBsn(c.client.bsn)).toBe(true);
      expect(c.client.email).toMatch(/^[a-z0-9.]+@gezin\.example$/);
      expect(MUNICIPALITIES.map((m) => m.code)).toContain(c.municipalityCode);
      const coordinator = COORDINATORS.find((x) => x.id === c.coordinatorId)!;
      expect(coordinator.municipalities).toContain(c.municipalityCode);
    }
  });

  it('covers every phase in every 20 cases', () => {
    for (let from = 0; from < 300; from += 20) {
      const phases = new Set(cases.slice(from, from + 20).map((c) => c.target));
      expect([...phases].sort()).toEqual([...TRAJECTORY_PHASES].sort());
    }
  });

  it('takes every case to its target phase with commands the domain accepts', () => {
    const now = new Date('2026-03-10T09:30:00Z');
    const families = new Map<string, Set<string>>();
    for (const spec of cases) {
      const state = walk(spec, now);
      expect({ case: spec.caseNumber, phase: state.phase }).toEqual({
        case: spec.caseNumber,
        phase: spec.target,
      });
      const active = families.get(spec.familyId) ?? new Set<string>();
      for (const agb of activeProviders(state)) active.add(agb);
      families.set(spec.familyId, active);
    }
    const samenloop = new Set(cases.filter((c) => c.samenloop).map((c) => c.familyId));
    expect(samenloop.size).toBeGreaterThanOrEqual(3);
    for (const family of samenloop) expect(families.get(family)!.size).toBeGreaterThanOrEqual(3);
  });

  it('has the variety a demo needs', () => {
    const now = new Date('2026-03-10T09:30:00Z');
    const steps = cases.flatMap((spec) => buildSteps(spec, amsterdamDate(now)));
    const used = new Set(steps.map((s) => s.command));
    for (const command of [
      'recordVerdaging',
      'decideDivergence',
      'startZorg',
      'stopZorg',
      'recordReview',
      'reportEvaluation',
      'requestEndEvaluation',
      'recordEndEvaluation',
      'answerQuestionnaire',
      'reassignCoordinator',
      'withdraw',
    ]) {
      expect(used).toContain(command);
    }
    const kinds = new Set(
      steps
        .filter((s) => s.command === 'issueBeschikking')
        .map((s) => (s.body.beschikking as { kind: string }).kind),
    );
    expect(kinds).toEqual(new Set(['zin', 'pgb']));
    const pending = cases.filter(
      (c) => c.target === 'provider-intake' && c.scenario.divergence?.decision === 'pending',
    );
    expect(pending.length).toBeGreaterThan(0);
  });
});
