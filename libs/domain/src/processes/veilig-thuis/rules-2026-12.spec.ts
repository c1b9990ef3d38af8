import { amsterdamInstant } from '../../time';
import {
  applyHandoverCommand,
  handoverCommandProblems,
  handoverLetterFactsFor,
  initialHandoverState,
  VEILIG_THUIS_PROCESS,
  VEILIG_THUIS_RULE_SETS,
  type HandoverCommand,
  type HandoverInput,
  type HandoverState,
} from '.';

const SAFETY = { textId: '6f1c2a9e-3b0d-4c1e-9a57-2d8e4f0b7c11', items: 3 };
const MONITORING = { textId: '0b7a9c3d-5e21-4f6a-8d90-1c2b3a4d5e6f', items: 2 };
const AGREEMENTS = { textId: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d', items: 4 };
const EXPLANATION = { textId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a', items: 1 };
const at = (date: string, hour = 10) => amsterdamInstant(date, hour);

const input: HandoverInput = {
  handoverId: 'VTH-2026-000001',
  organisationId: 'vt-limburg-noord',
  reference: 'VT-2026-04711',
  urgency: 'regular',
  handoverType: 'afschaling',
  municipalityCode: '0957',
  handoverLeadId: 'lead-bram',
  safetyConditions: SAFETY,
  monitoringAgreements: MONITORING,
};
const LEAD = { role: 'coordinator', id: 'lead-bram' } as const;
const VEILIG_THUIS = { role: 'organisation', id: 'vt-limburg-noord' } as const;
const FAMILY = { role: 'client', id: 'client-0001' } as const;
const COORDINATOR = { role: 'coordinator', id: 'coord-anna' } as const;

/** A handover received on Friday 20 November 2026, by the rules of December 2026 or before. */
function received(rules: 'current' | 'before-2026-12'): HandoverState {
  const state = initialHandoverState(input, at('2026-11-20'));
  if (rules === 'before-2026-12') delete state.rules;
  return state;
}

function run(state: HandoverState, command: HandoverCommand, now: Date) {
  expect(handoverCommandProblems(state, command, now)).toEqual([]);
  return applyHandoverCommand(state, command, now);
}

const REASON_RULE =
  "reason must be outside-region or not-competent: Veilig Thuis judges safety, the CJG refuses a handover only when the family lives outside its region or the case is not the CJG's to take";

describe('Veilig Thuis handover rules of December 2026 (issue 17)', () => {
  it('are the process’s rule sets, and a new handover runs by them', () => {
    expect(VEILIG_THUIS_PROCESS.ruleSets).toEqual(['veilig-thuis-rules-2026-12']);
    expect(received('current').rules).toBe(VEILIG_THUIS_RULE_SETS.length);
  });

  describe('refusal: only another region or lack of competence (Veilig Thuis judges safety)', () => {
    it.each(['not-safe-enough', 'care-elsewhere', 'other', 'unsafe'])(
      'refuses the reason %s, in every handover, also one from before the rules',
      (reason) => {
        for (const rules of ['current', 'before-2026-12'] as const) {
          const command = { type: 'refuse', reason, explanation: EXPLANATION } as never;
          expect(handoverCommandProblems(received(rules), command, at('2026-11-23'))).toEqual([
            REASON_RULE,
          ]);
        }
      },
    );

    it('takes lack of competence only with an explanation of whose case it is', () => {
      const state = received('current');
      expect(
        handoverCommandProblems(
          state,
          { type: 'refuse', reason: 'not-competent' },
          at('2026-11-23'),
        ),
      ).toEqual(['a refusal for lack of competence needs an explanation: whose case it is']);
      expect(
        handoverCommandProblems(
          state,
          { type: 'refuse', reason: 'not-competent', explanation: EXPLANATION },
          at('2026-11-23'),
        ),
      ).toEqual([]);
      // Another region is plain enough without one.
      expect(
        handoverCommandProblems(
          state,
          { type: 'refuse', reason: 'outside-region' },
          at('2026-11-23'),
        ),
      ).toEqual([]);
    });

    it('escalates a refusal to the handover lead, with the reason and the explanation', () => {
      const state = received('current');
      const letters = run(
        state,
        { type: 'refuse', reason: 'not-competent', explanation: EXPLANATION },
        at('2026-11-23'),
      );
      const facts = {
        caseNumber: 'VTH-2026-000001',
        reference: 'VT-2026-04711',
        urgency: 'regular',
        reason: 'not-competent',
        explanationTextId: EXPLANATION.textId,
      };
      expect(letters).toEqual([
        { type: 'letter', kind: 'vt-refused', to: [VEILIG_THUIS], facts },
        { type: 'letter', kind: 'vt-refusal-escalated', to: [LEAD], facts },
      ]);
      expect(state).toMatchObject({ status: 'refused', refusal: { reason: 'not-competent' } });
    });

    it('before the rules: the refusal goes to Veilig Thuis only', () => {
      const state = received('before-2026-12');
      const letters = run(state, { type: 'refuse', reason: 'outside-region' }, at('2026-11-23'));
      expect(letters.map((l) => [l.kind, l.to])).toEqual([['vt-refused', [VEILIG_THUIS]]]);
    });
  });

  describe('the safety conditions are not sent to the family in full', () => {
    /** The agreements letter of a held warm handover (any rules: it is the same letter). */
    function agreementsLetter() {
      const state = received('before-2026-12');
      run(state, { type: 'accept', coordinatorId: 'coord-anna' }, at('2026-11-23'));
      run(
        state,
        {
          type: 'planMeeting',
          date: '2026-11-26',
          jointHomeVisit: true,
          clientId: 'client-0001',
          familyId: 'fam-jansen',
        },
        at('2026-11-24'),
      );
      const [letter] = run(
        state,
        {
          type: 'recordMeeting',
          heldOn: '2026-11-26',
          jointHomeVisit: true,
          agreements: AGREEMENTS,
        },
        at('2026-11-26'),
      );
      return letter!;
    }

    it('the letter names the coordinator, so the family’s copy can say whom to ask', () => {
      const letter = agreementsLetter();
      expect(letter.kind).toBe('vt-agreements');
      expect(letter.to).toEqual([VEILIG_THUIS, FAMILY, COORDINATOR]);
      expect(letter.facts).toMatchObject({
        coordinatorId: 'coord-anna',
        safetyConditionsTextId: SAFETY.textId,
        monitoringAgreementsTextId: MONITORING.textId,
      });
    });

    it('the family’s copy leaves out the safety conditions and monitoring, keeps the agreements', () => {
      const { facts } = agreementsLetter();
      const forFamily = handoverLetterFactsFor(FAMILY, facts);
      expect(forFamily).not.toHaveProperty('safetyConditionsTextId');
      expect(forFamily).not.toHaveProperty('monitoringAgreementsTextId');
      expect(forFamily).toMatchObject({
        agreementsTextId: AGREEMENTS.textId,
        coordinatorId: 'coord-anna',
        safetyAgreementsWithheld: true,
      });
      // Veilig Thuis and the coordinator read them in full.
      expect(handoverLetterFactsFor(VEILIG_THUIS, facts)).toBe(facts);
      expect(handoverLetterFactsFor(COORDINATOR, facts)).toBe(facts);
    });

    it('a text already put in goes too; a letter without them is the family’s as it is', () => {
      const withText = {
        caseNumber: 'VTH-2026-000001',
        safetyConditionsTextId: 'x',
        safetyConditions: 'Vader woont elders',
      };
      expect(handoverLetterFactsFor(FAMILY, withText)).toEqual({
        caseNumber: 'VTH-2026-000001',
        safetyAgreementsWithheld: true,
      });
      const feedback = { caseNumber: 'VTH-2026-000001', decision: 'basic-support' };
      expect(handoverLetterFactsFor(FAMILY, feedback)).toBe(feedback);
    });
  });
});
