import { amsterdamInstant } from './time';
import type { Process, ProcessTypes } from './processes/process';
import { TRAJECTORY_PROCESS } from './processes/trajectory';
import {
  fresh,
  inEndEvaluation,
  INPUT as TRAJECTORY_INPUT,
  issued,
  monitored,
  START,
  withIntake,
} from './processes/trajectory/fixtures';
import { VEILIG_THUIS_PROCESS, type HandoverInput } from './processes/veilig-thuis';
import { SCHAKELOVERLEG_PROCESS, type TransferInput } from './processes/schakeloverleg';
import { placeOnAgenda, VTO_PROCESS, type VtoCommand, type VtoInput } from './processes/vto';
import { PROBLEM_CODES, type Problem } from './problems';

/**
 * Every problem the processes' commands and inputs answer carries a code of PROBLEM_CODES and an
 * English message: for each command, in states along each process, with bodies of every wrong
 * kind (nothing, blanks, wrong types, unknown fields, dates that do not exist, lie in the past or
 * far ahead) and the bodies that pass.
 */

const at = (date: string, hour = 10) => amsterdamInstant(date, hour);
const TEXT = { textId: '6f1c2a9e-3b0d-4c1e-9a57-2d8e4f0b7c11', items: 2 };

/** Fields the API fills from its own configuration, never from a request: not probed. */
const FROM_CONFIGURATION = new Set(['policy']);

/** Values of every wrong kind (and a few right ones), tried in every field of every command. */
const PROBES: unknown[] = [
  undefined,
  null,
  '',
  ' ',
  'x',
  'Jan Jansen',
  0,
  -1,
  3,
  1.5,
  1e9,
  true,
  false,
  [],
  [{}],
  {},
  { textId: 'x', items: 0, extra: 1 },
  TEXT,
  'P3M',
  'P9Y',
  '2026-02-30',
  '2020-01-01',
  '2026-11-30',
  '2999-12-31',
  '12345678',
  'coord-anna',
  'CJG-2026-000123',
];

interface Checked {
  problems: number;
  codes: Set<string>;
  wrong: Array<{ where: string; problem: unknown }>;
}

function check(found: Problem[], where: string, into: Checked): void {
  for (const problem of found) {
    into.problems += 1;
    into.codes.add(problem.code);
    const known = (PROBLEM_CODES as readonly string[]).includes(problem.code);
    const worded = typeof problem.message === 'string' && problem.message.trim() !== '';
    if (!known || !worded || Object.keys(problem).length !== 2) into.wrong.push({ where, problem });
  }
}

/** Every command of `process` with every probe in every field, and with an unknown field. */
function probeCommands<T extends ProcessTypes>(
  name: string,
  process: Process<T>,
  states: Array<[string, () => T['state']]>,
  now: Date,
  into: Checked,
): void {
  const fields = Object.fromEntries(
    Object.entries(process.commandFields as Record<string, readonly string[]>).map(
      ([type, names]) => [type, names.filter((name) => !FROM_CONFIGURATION.has(name))],
    ),
  );
  for (const [stateName, make] of states) {
    // The checks are pure: one state serves every probe (a change would show in the next one).
    const made = make();
    const state = () => made;
    for (const type of Object.keys(fields)) {
      const where = `${name} ${stateName} ${type}`;
      check(process.commandStateProblems(state(), type, now), `${where} (state)`, into);
      const bodies: object[] = [
        {},
        { ...Object.fromEntries(fields[type]!.map((f) => [f, 'x'])), unknown: 1 },
      ];
      for (const probe of PROBES) {
        bodies.push(Object.fromEntries(fields[type]!.map((field) => [field, probe])));
        for (const field of fields[type]!) bodies.push({ [field]: probe });
      }
      for (const body of bodies) {
        const command = { ...body, type } as T['command'];
        check(
          process.commandProblems(state(), command, now),
          `${where} ${JSON.stringify(body)}`,
          into,
        );
      }
    }
  }
}

/** The input with every probe in each of its fields. */
function probeInput<T extends ProcessTypes>(
  name: string,
  process: Process<T>,
  input: T['input'],
  now: Date,
  into: Checked,
): void {
  check(process.inputProblems(input, now), `${name} input`, into);
  for (const field of Object.keys(input as object).filter((f) => !FROM_CONFIGURATION.has(f))) {
    for (const probe of PROBES) {
      const changed = { ...(input as object), [field]: probe } as T['input'];
      check(process.inputProblems(changed, now), `${name} input ${field}=${String(probe)}`, into);
    }
  }
}

const HANDOVER: HandoverInput = {
  handoverId: 'VTH-2026-000001',
  organisationId: 'vt-limburg-noord',
  reference: 'VT-2026-04711',
  urgency: 'regular',
  handoverType: 'afschaling',
  municipalityCode: '0957',
  handoverLeadId: 'lead-bram',
  safetyConditions: TEXT,
};

const TRANSFER: TransferInput = {
  transferId: 'gi-limburg.JB-2026-1234',
  organisationId: 'gi-limburg',
  reference: 'JB-2026-1234',
  municipalityCode: '0957',
  familyId: 'fam-jansen',
  clientId: 'client-0001',
  measure: 'ots',
  measureEndDate: '2027-03-01',
  care: [{ agbCode: '12345678', productCategory: '45' }],
};

const VTO: VtoInput = {
  caseNumber: 'VTO-2026-000012',
  municipalityCode: '0957',
  coordinatorId: 'coord-anna',
  clientId: 'client-0001',
  familyId: 'fam-jansen',
  grounds: ['ernstige-ontwikkelingsbedreiging'],
};

/** A process's state after the commands, each of which must be accepted. */
function after<T extends ProcessTypes>(
  process: Process<T>,
  input: T['input'],
  start: Date,
  commands: Array<[T['command'], Date]>,
  prepare?: (state: T['state']) => void,
): () => T['state'] {
  return () => {
    const state = process.initialState(input, start);
    prepare?.(state);
    for (const [command, now] of commands) {
      const problems = process.commandProblems(state, command, now);
      if (problems.length > 0) throw new Error(`${command.type}: ${JSON.stringify(problems)}`);
      process.applyCommand(state, command, now);
    }
    return state;
  };
}

describe('the codes of the processes’ problems', () => {
  it('every problem of the trajectory’s commands and input has a code of the list and a message', () => {
    const checked: Checked = { problems: 0, codes: new Set(), wrong: [] };
    probeCommands(
      'trajectory',
      TRAJECTORY_PROCESS,
      [
        ['intake', () => fresh()],
        ['provider-intake', () => withIntake()],
        ['beschikking', () => issued()],
        ['monitoring', () => monitored()],
        ['end-evaluation', () => inEndEvaluation()],
      ],
      at('2027-02-01'),
      checked,
    );
    probeInput('trajectory', TRAJECTORY_PROCESS, TRAJECTORY_INPUT, START, checked);
    expect(checked.wrong).toEqual([]);
    expect(checked.problems).toBeGreaterThan(10_000);
    // The probes reach the state's refusals and the data's, of many kinds.
    for (const code of [
      'not-possible-now',
      'required',
      'invalid-format',
      'invalid-date',
      'not-in-list',
      'out-of-range',
      'wrong-type',
      'date-too-early',
      'nothing-pending',
      'provider-not-assigned',
      'unknown-result',
    ])
      expect({ code, found: checked.codes.has(code) }).toEqual({ code, found: true });
  });

  it('every problem of the partners’ commands and inputs has a code of the list and a message', () => {
    const checked: Checked = { problems: 0, codes: new Set(), wrong: [] };
    const received = at('2026-11-20');
    probeCommands(
      'veilig-thuis',
      VEILIG_THUIS_PROCESS,
      [
        ['received', after(VEILIG_THUIS_PROCESS, HANDOVER, received, [])],
        [
          'accepted',
          after(VEILIG_THUIS_PROCESS, HANDOVER, received, [
            [{ type: 'accept', coordinatorId: 'coord-anna' }, at('2026-11-23')],
          ]),
        ],
        [
          'meeting-held',
          after(VEILIG_THUIS_PROCESS, HANDOVER, received, [
            [{ type: 'accept', coordinatorId: 'coord-anna' }, at('2026-11-23')],
            [
              {
                type: 'planMeeting',
                date: '2026-11-26',
                jointHomeVisit: false,
                clientId: 'client-0001',
                familyId: 'fam-jansen',
              },
              at('2026-11-24'),
            ],
            [
              {
                type: 'recordMeeting',
                heldOn: '2026-11-26',
                jointHomeVisit: false,
                agreements: TEXT,
              },
              at('2026-11-26', 16),
            ],
          ]),
        ],
      ],
      at('2026-11-27'),
      checked,
    );
    probeInput('veilig-thuis', VEILIG_THUIS_PROCESS, HANDOVER, received, checked);

    const proposed = new Date('2026-11-23T10:00:00Z');
    probeCommands(
      'schakeloverleg',
      SCHAKELOVERLEG_PROCESS,
      [
        ['proposed', after(SCHAKELOVERLEG_PROCESS, TRANSFER, proposed, [])],
        [
          'planned',
          after(SCHAKELOVERLEG_PROCESS, TRANSFER, proposed, [
            [{ type: 'plan', meetingDate: '2027-02-03', coordinatorId: 'coord-anna' }, proposed],
          ]),
        ],
      ],
      at('2027-02-03', 14),
      checked,
    );
    probeInput('schakeloverleg', SCHAKELOVERLEG_PROCESS, TRANSFER, proposed, checked);

    const monday = new Date('2026-11-23T09:00:00Z');
    const informed: [VtoCommand, Date] = [
      {
        type: 'recordParentsInformed',
        informedOn: '2026-11-23',
        how: 'conversation',
        recordedBy: 'coord-anna',
      },
      monday,
    ];
    probeCommands(
      'vto',
      VTO_PROCESS,
      [
        ['parents-to-inform', after(VTO_PROCESS, VTO, monday, [])],
        ['awaiting-agenda', after(VTO_PROCESS, VTO, monday, [informed])],
        [
          'on-agenda',
          () => {
            const state = after(VTO_PROCESS, VTO, monday, [informed])();
            placeOnAgenda(
              state,
              {
                agendaId: 'BP-2026-11-26',
                meetingDate: '2026-11-26',
                beschermingspleinId: 'bp-midden-limburg',
                raadId: 'raad-limburg',
              },
              new Date('2026-11-24T08:00:00Z'),
            );
            return state;
          },
        ],
      ],
      new Date('2026-11-25T12:00:00Z'),
      checked,
    );
    probeInput('vto', VTO_PROCESS, VTO, monday, checked);

    expect(checked.wrong).toEqual([]);
    expect(checked.problems).toBeGreaterThan(5_000);
    for (const code of [
      'not-possible-now',
      'not-allowed',
      'invalid-date',
      'date-too-early',
      'not-a-working-day',
      'meeting-not-yet-held',
      'required-ground-missing',
    ])
      expect({ code, found: checked.codes.has(code) }).toEqual({ code, found: true });
  });
});
