import { messagesOf } from '../../problems';
import { amsterdamInstant } from '../../time';
import {
  applyDeadline,
  pendingDeadlines,
  trajectoryInputProblems,
  type DecideBefore,
  type TrajectoryState,
} from '.';
import { at, COORDINATOR, fresh, INPUT, START } from './fixtures';

const LEAD = { role: 'coordinator', id: 'lead-bram' } as const;
const before = (date: string): DecideBefore => ({
  date,
  why: 'measure-ends',
  escalateToId: 'lead-bram',
});
const deadline = (s: TrajectoryState, kind: string) =>
  pendingDeadlines(s).find((d) => d.kind === kind)?.at;

describe('a beschikking due before a Schakeloverleg’s measure ends (issue 17)', () => {
  it('is due at the start of the end date when that comes before the Awb term', () => {
    // Started Monday 23 November 2026; the Awb term ends 18 January, the measure on 4 January.
    const s = fresh({ decideBefore: before('2027-01-04') });
    expect(s.awb.dueAt).toBe(amsterdamInstant('2027-01-04').toISOString());
    expect(s.decideBefore).toEqual(before('2027-01-04'));
    // Reminded two weeks before, as the Awb warning comes two weeks before the Awb term.
    expect(deadline(s, 'awb-warning')).toBe(amsterdamInstant('2026-12-21').toISOString());
    expect(deadline(s, 'awb-overdue')).toBe(amsterdamInstant('2027-01-04').toISOString());
  });

  it('reminds halfway when less than twice the lead is left', () => {
    const s = fresh({ decideBefore: before('2026-12-07') });
    const due = amsterdamInstant('2026-12-07');
    expect(deadline(s, 'awb-warning')).toBe(
      new Date((START.getTime() + due.getTime()) / 2).toISOString(),
    );
    expect(deadline(s, 'awb-overdue')).toBe(due.toISOString());
  });

  it('keeps the Awb term when the measure ends after it', () => {
    const s = fresh({ decideBefore: before('2027-03-01') });
    expect(deadline(s, 'awb-warning')).toBe(at('2027-01-04').toISOString());
    expect(deadline(s, 'awb-overdue')).toBe(at('2027-01-18').toISOString());
  });

  it('reminds the coordinator, and escalates to the team lead at the date', () => {
    const s = fresh({ decideBefore: before('2027-01-04') });
    const warning = applyDeadline(s, 'awb-warning', amsterdamInstant('2026-12-21'));
    expect(warning).toEqual([
      {
        type: 'letter',
        kind: 'awb-warning',
        to: [COORDINATOR],
        facts: {
          caseNumber: INPUT.caseNumber,
          dueDate: '2027-01-04',
          decideBefore: '2027-01-04',
          decideBeforeWhy: 'measure-ends',
          coordinatorId: 'coord-anna',
        },
      },
    ]);
    const overdue = applyDeadline(s, 'awb-overdue', amsterdamInstant('2027-01-04'));
    expect(overdue).toMatchObject([
      { kind: 'awb-overdue', to: [COORDINATOR, LEAD], facts: { decideBefore: '2027-01-04' } },
    ]);
    expect(s.awb.overdue).toBe(true);
    expect(pendingDeadlines(s).map((d) => d.kind)).not.toContain('awb-overdue');
  });

  it('escalates to nobody else when the team lead is the coordinator, or none was named', () => {
    for (const decideBefore of [
      { ...before('2027-01-04'), escalateToId: 'coord-anna' },
      { date: '2027-01-04', why: 'measure-ends' as const },
    ]) {
      const s = fresh({ decideBefore });
      expect(applyDeadline(s, 'awb-overdue', amsterdamInstant('2027-01-04'))).toMatchObject([
        { kind: 'awb-overdue', to: [COORDINATOR] },
      ]);
    }
  });

  it('before the trajectory’s rules of 2026-12: the Awb reminder and a letter to the coordinator only', () => {
    const s = fresh({ decideBefore: before('2027-01-04') });
    delete s.rules;
    expect(deadline(s, 'awb-warning')).toBe(at('2027-01-04').toISOString());
    expect(applyDeadline(s, 'awb-overdue', amsterdamInstant('2027-01-04'))).toEqual([
      {
        type: 'letter',
        kind: 'awb-overdue',
        to: [COORDINATOR],
        facts: { caseNumber: INPUT.caseNumber, dueDate: '2027-01-04' },
      },
    ]);
  });

  it('is checked at the start', () => {
    expect(
      messagesOf(
        trajectoryInputProblems(
          { ...INPUT, decideBefore: { date: '4 januari', why: 'x', escalateToId: '' } as never },
          START,
        ),
      ),
    ).toEqual([
      'decideBefore.date must be a calendar date YYYY-MM-DD',
      'decideBefore.why must be measure-ends',
      'decideBefore.escalateToId is not a valid id',
    ]);
    expect(
      messagesOf(trajectoryInputProblems({ ...INPUT, decideBefore: before('2027-01-04') }, START)),
    ).toEqual([]);
  });
});
