/**
 * The rules of 2026-12 (issue 17) in a running workflow on the time-skipping server: the
 * intake's other ends, the referral's wait with its reminder and escalation, the coordination
 * decision's wait, and the end evaluation after a withdrawal once care started.
 */
import {
  advance,
  AGB_A,
  ALL_REACHED,
  command,
  env,
  eventually,
  input,
  kinds,
  PLAN,
  refusal,
  state,
  storedText,
  today,
  toMonitoring,
  useTimeSkippingServerPerTest,
  withTrajectory,
} from '../support/trajectory-harness';

jest.setTimeout(Number(process.env.WORKFLOW_TEST_TIMEOUT_MS ?? 60_000));
useTimeSkippingServerPerTest();

describe('trajectoryWorkflow under the rules of 2026-12', () => {
  it('closes the intake with advice: the family gets it in writing and the case ends', async () => {
    const rec = await withTrajectory(input(), async (handle) => {
      const explanation = storedText();
      await command(handle, 'closeWithAdvice', { advice: 'basisondersteuning', explanation });
      const result = await handle.result();
      expect(result.phase).toBe('closed');
      expect(result.intakeOutcome).toMatchObject({ kind: 'advice', text: explanation });
    });
    // The two last letters start together: their order is not fixed.
    expect(kinds(rec).sort()).toEqual(['advice-given', 'intake-registered', 'trajectory-ended']);
    expect(rec.letters.find((l) => l.kind === 'advice-given')?.facts).toMatchObject({
      advice: 'basisondersteuning',
    });
  });

  it('rejects a request after the provider intake: a decision to the family; the refusal of a bad ground never enters history', async () => {
    const rec = await withTrajectory(input(), async (handle) => {
      await command(handle, 'agreeResults', { plan: PLAN });
      await command(handle, 'referToProvider', { agbCode: AGB_A });
      expect(
        await refusal(
          command(handle, 'rejectRequest', {
            ground: 'geen-zin' as never,
            motivation: storedText(),
          }),
        ),
      ).toEqual([expect.stringMatching(/^ground must be one of /)]);
      await command(handle, 'rejectRequest', {
        ground: 'andere-wet',
        motivation: storedText(),
      });
      const result = await handle.result();
      expect(result.intakeOutcome).toMatchObject({ kind: 'rejected', ground: 'andere-wet' });
      expect(result.overdue).toBe(false);
    });
    expect(kinds(rec).slice(0, 3)).toEqual(['intake-registered', 'plan-deel-1', 'referral']);
    expect(kinds(rec).slice(3).sort()).toEqual(['request-rejected', 'trajectory-ended']);
    expect(rec.letters.find((l) => l.kind === 'trajectory-ended')?.to).toEqual([
      { role: 'coordinator', id: 'coord-anna' },
      { role: 'provider', agbCode: AGB_A },
    ]);
  });

  it('a referred provider gets the referral with its date, a reminder, and the case is overdue when the intake is late', async () => {
    const rec = await withTrajectory(input(), async (handle) => {
      await command(handle, 'agreeResults', { plan: PLAN });
      let s = await command(handle, 'referToProvider', { agbCode: AGB_A });
      const wait = s.providerIntakeWaits?.[AGB_A];
      expect(wait).toBeDefined();
      await advance(handle, Date.parse(wait!.dueAt) - Date.parse(await nowIso()) + 60_000);
      s = await eventually(
        () => state(handle),
        (v) => v.overdue,
      );
      expect(s.providerIntakeWaits?.[AGB_A]).toMatchObject({ reminded: true, overdue: true });
      s = await command(handle, 'recordProviderIntake', {
        agbCode: AGB_A,
        activities: storedText(),
        expectedDurationWeeks: 26,
      });
      expect(s.overdue).toBe(false);
    });
    expect(kinds(rec)).toEqual([
      'intake-registered',
      'plan-deel-1',
      'referral',
      'provider-intake-reminder',
      'provider-intake-overdue',
    ]);
    expect(rec.letters[2]?.facts).toMatchObject({ agbCode: AGB_A, intakeBy: expect.any(String) });
  });

  it('reminds the coordinator of the coordination decision and marks it overdue after two weeks', async () => {
    const rec = await withTrajectory(input(), async (handle) => {
      await command(handle, 'agreeResults', { plan: PLAN });
      await command(handle, 'recordProviderIntake', {
        agbCode: AGB_A,
        activities: storedText(),
        expectedDurationWeeks: 26,
      });
      const start = await today();
      await command(handle, 'issueBeschikking', {
        beschikking: {
          number: 'B-RULES-1',
          kind: 'pgb',
          startDate: start,
          endDate: start.replace(/^(\d{4})/, (y) => String(Number(y) + 1)),
          budgetEuro: 4000,
        },
      });
      await advance(handle, '15 days');
      const s = await eventually(
        () => state(handle),
        (v) => v.coordinationWait?.overdue === true,
      );
      expect(s.overdue).toBe(true);
    });
    expect(kinds(rec)).toEqual(
      expect.arrayContaining(['coordination-decision-reminder', 'coordination-decision-overdue']),
    );
  });

  it('a review that scales up is written to the family and provider, and the next review comes sooner', async () => {
    const rec = await withTrajectory(input(), async (handle) => {
      await toMonitoring(handle, { coordinate: true });
      const before = await state(handle);
      const s = await command(handle, 'recordReview', {
        outcomes: ALL_REACHED,
        decision: 'opschalen',
        reviewInterval: 'P1M',
      });
      expect(s.coordination?.reviewInterval).toBe('P1M');
      expect(Date.parse(s.monitoring.nextReviewDue!)).toBeLessThan(
        Date.parse(before.monitoring.nextReviewDue!),
      );
    });
    const outcome = rec.letters.find((l) => l.kind === 'review-outcome');
    expect(outcome?.to).toEqual([
      { role: 'client', id: expect.any(String) },
      { role: 'provider', agbCode: AGB_A },
    ]);
    expect(outcome?.facts).toMatchObject({
      decision: 'opschalen',
      reached: 1,
      partly: 1,
      total: 2,
    });
  });

  it('a withdrawal after the care started goes through the end evaluation before the case closes', async () => {
    const rec = await withTrajectory(input(), async (handle) => {
      await toMonitoring(handle, { coordinate: false });
      await command(handle, 'startZorg', { agbCode: AGB_A, date: await today() });
      const s = await command(handle, 'withdraw', { reason: storedText() });
      expect(s.phase).toBe('end-evaluation');
      expect(s.endEvaluation?.trigger).toBe('withdrawal');
      await command(handle, 'recordEndEvaluation', { goals: ALL_REACHED, decision: 'close' });
      await command(handle, 'answerQuestionnaire', { moment: 'end', rating: 4 });
      const result = await handle.result();
      expect(result.phase).toBe('closed');
      expect(result.withdrawal).toBeDefined();
    });
    expect(kinds(rec)).toEqual(expect.arrayContaining(['evaluation-request', 'trajectory-ended']));
  });
});

async function nowIso(): Promise<string> {
  return new Date(await env.currentTimeMs()).toISOString();
}
