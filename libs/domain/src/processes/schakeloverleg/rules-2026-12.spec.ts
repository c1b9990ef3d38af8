import { amsterdamInstant } from '../../time';
import {
  allowedTransferCommands,
  applyTransferCommand,
  applyTransferDeadline,
  initialTransferState,
  linkedTrajectoryInput,
  pendingTransferDeadlines,
  recordTrajectoryStarted,
  SCHAKELOVERLEG_PROCESS,
  SCHAKELOVERLEG_RULE_SETS,
  transferCommandProblems,
  type TransferCommand,
  type TransferEffect,
  type TransferState,
} from '.';

/** Monday 23 November 2026; the measure ends on Monday 1 March 2027. */
const NOW = new Date('2026-11-23T10:00:00Z');
const END = '2027-03-01';
const at = (date: string, hour = 12) => amsterdamInstant(date, hour);
const GI_CARE_AND_FAMILY = [
  { role: 'organisation', id: 'gi-limburg' },
  { role: 'provider', agbCode: '12345678' },
  { role: 'client', id: 'client-0001' },
];

function give(state: TransferState, command: TransferCommand, now: Date): TransferEffect[] {
  expect(transferCommandProblems(state, command, now)).toEqual([]);
  return applyTransferCommand(state, command, now);
}

/** Planned for 3 February 2027 and agreed that day. */
function agreed(): { state: TransferState; effects: TransferEffect[] } {
  const state = initialTransferState(
    {
      transferId: 'gi-limburg.JB-2026-1234',
      organisationId: 'gi-limburg',
      reference: 'JB-2026-1234',
      municipalityCode: '0957',
      familyId: 'fam-jansen',
      clientId: 'client-0001',
      measure: 'ots',
      measureEndDate: END,
      care: [{ agbCode: '12345678', productCategory: '45' }],
      contactId: 'coord-schakel',
      escalateToId: 'lead-bram',
    },
    NOW,
  );
  give(state, { type: 'plan', meetingDate: '2027-02-03', coordinatorId: 'coord-anna' }, NOW);
  const effects = give(
    state,
    { type: 'recordOutcome', agreed: true, parentsConsent: true, caseNumber: 'CJG-2027-000042' },
    at('2027-02-03'),
  );
  return { state, effects };
}

describe('Schakeloverleg rules of December 2026 (issue 17): the care decided before the measure ends', () => {
  it('are the process’s rule sets, and a new transfer runs by them', () => {
    expect(SCHAKELOVERLEG_PROCESS.ruleSets).toEqual(['schakeloverleg-rules-2026-12']);
    expect(agreed().state.rules).toBe(SCHAKELOVERLEG_RULE_SETS.length);
  });

  it('agreed: the trajectory starts at once, its beschikking due before the end date', () => {
    const { state, effects } = agreed();
    expect(effects).toEqual([
      expect.objectContaining({
        kind: 'so-agreed',
        facts: expect.objectContaining({ startDate: END, beschikkingBefore: END }),
      }),
      { type: 'start-trajectory' },
    ]);
    // While it starts, nothing else happens to the transfer.
    expect(state.agreement?.startingAt).toBe(at('2027-02-03').toISOString());
    expect(pendingTransferDeadlines(state)).toEqual([]);
    expect(linkedTrajectoryInput(state)).toEqual({
      caseNumber: 'CJG-2027-000042',
      municipalityCode: '0957',
      coordinatorId: 'coord-anna',
      clientId: 'client-0001',
      familyId: 'fam-jansen',
      previousCaseNumber: 'JB-2026-1234',
      decideBefore: { date: END, why: 'measure-ends', escalateToId: 'lead-bram' },
    });
  });

  it('stays agreed until the measure ends; then the voluntary frame begins and the parties are told', () => {
    const { state } = agreed();
    expect(recordTrajectoryStarted(state, false, at('2027-02-03'))).toEqual([]);
    expect(state).toMatchObject({
      status: 'agreed',
      trajectory: { caseNumber: 'CJG-2027-000042', alreadyExisted: false },
    });
    expect(state.agreement?.startingAt).toBeUndefined();
    expect(allowedTransferCommands(state, at('2027-02-04'))).toEqual([
      'changeMeasureEnd',
      'withdraw',
    ]);
    expect(pendingTransferDeadlines(state)).toEqual([
      { kind: 'trajectory-start', at: amsterdamInstant(END, 8).toISOString() },
    ]);

    const effects = applyTransferDeadline(state, 'trajectory-start', amsterdamInstant(END, 8));
    expect(effects).toEqual([
      {
        type: 'letter',
        kind: 'so-trajectory-started',
        to: GI_CARE_AND_FAMILY,
        facts: {
          caseNumber: 'gi-limburg.JB-2026-1234',
          reference: 'JB-2026-1234',
          measure: 'ots',
          measureEndDate: END,
          trajectoryCaseNumber: 'CJG-2027-000042',
          startDate: END,
        },
      },
    ]);
    expect(state.status).toBe('started');
    expect(state.closedAt).toBe(amsterdamInstant(END, 8).toISOString());
  });

  it('a changed end date moves the start of the voluntary frame; the coordinator is told the beschikking’s term does not follow', () => {
    const { state } = agreed();
    recordTrajectoryStarted(state, false, at('2027-02-03'));
    const [letter] = give(
      state,
      { type: 'changeMeasureEnd', endDate: '2027-02-22' },
      at('2027-02-04'),
    );
    expect(letter).toMatchObject({
      kind: 'so-measure-end-changed',
      facts: { agreed: true, trajectoryStarted: true, trajectoryCaseNumber: 'CJG-2027-000042' },
    });
    expect(pendingTransferDeadlines(state)).toEqual([
      { kind: 'trajectory-start', at: amsterdamInstant('2027-02-22', 8).toISOString() },
    ]);
  });

  it('withdrawn after the trajectory started: the letter names it, for the coordinator to withdraw', () => {
    const { state } = agreed();
    recordTrajectoryStarted(state, false, at('2027-02-03'));
    const [letter] = give(
      state,
      { type: 'withdraw', reason: 'measure-continues' },
      at('2027-02-10'),
    );
    expect(letter).toMatchObject({
      kind: 'so-withdrawn',
      facts: { reason: 'measure-continues', trajectoryCaseNumber: 'CJG-2027-000042' },
    });
  });

  it('before the rules: agreed starts nothing until the end date, and the trajectory has no earlier due date', () => {
    const { state } = agreed();
    // The same transfer, as one started before the rules would have been agreed.
    const old = structuredClone(state);
    delete old.rules;
    old.agreement = { caseNumber: 'CJG-2027-000042', agreedAt: at('2027-02-03').toISOString() };
    expect(linkedTrajectoryInput(old)).not.toHaveProperty('decideBefore');
    expect(pendingTransferDeadlines(old)).toEqual([
      { kind: 'trajectory-start', at: amsterdamInstant(END, 8).toISOString() },
    ]);
    expect(applyTransferDeadline(old, 'trajectory-start', amsterdamInstant(END, 8))).toEqual([
      { type: 'start-trajectory' },
    ]);
    const started = recordTrajectoryStarted(old, false, amsterdamInstant(END, 8));
    expect(old.status).toBe('started');
    expect(started.map((e) => (e.type === 'letter' ? e.kind : e.type))).toEqual([
      'so-trajectory-started',
    ]);
  });
});
