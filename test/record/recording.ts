import { addToDate, amsterdamDate } from '@cjg/domain';
import { temporalConfigFromEnv } from '@cjg/temporal';
import {
  api,
  callers,
  commandPath,
  register,
  unique,
  type Caller,
  planSignOff,
} from '../support/e2e';
import { recordHistory, type RecordedHistory } from '../support/histories';

/**
 * What the scenarios of record-histories.e2e-spec.ts share: the made-up parties and plans, and
 * the steps through the API each scenario takes. Every text here is made up.
 */

/** What the recorder reads of a trajectory. */
export interface View {
  phase: string;
  threeMonthCheck: { status: string };
}

export const id = unique();
export const ID = id.toUpperCase();
export const today = amsterdamDate(new Date());
export const serviceEnv = JSON.parse(process.env.E2E_SERVICE_ENV ?? '{}') as NodeJS.ProcessEnv;
export const { taskQueue } = temporalConfigFromEnv(serviceEnv);

export const coordinatorA = `coord-anna-${id}`;
export const coordinatorB = `coord-bram-${id}`;
export const lead = `coord-lead-${id}`;
/** Three providers' AGB codes (eight digits). */
export const agb = Array.from({ length: 3 }, (_, i) =>
  String(30_000_000 + i * 1_000_000 + (Date.now() % 999_983)),
);
export const org = {
  veiligThuis: `vt-${id}`,
  gi: `gi-${id}`,
  raad: `raad-${id}`,
  beschermingsplein: `bp-${id}`,
};
export const results = [
  {
    id: 'school',
    description: 'Sam gaat weer elke dag naar school',
    measure: 'aanwezigheid 4 van 5 dagen, volgens de mentor',
  },
  {
    id: 'rust',
    description: 'Rust in huis bij het naar bed gaan',
    measure: 'ouders geven de avonden een 7 of hoger',
  },
];
export const inzet = { productCategory: '45', omvang: { volume: 4, unit: '04', frequency: '2' } };
export const plan = { results, inzet };
export const judged = [
  { resultId: 'school', outcome: 'reached' },
  { resultId: 'rust', outcome: 'partly' },
];
export const criteria = {
  typeOfCare: 'ambulant',
  numberOfProducts: 1,
  complexity: 'high',
  helpQuestion: 'clear',
  selfReliance: 'medium',
};
export const recorded: RecordedHistory[] = [];

export async function expectStatus<T>(
  what: string,
  response: Promise<{ status: number; body: T }>,
  status: number,
): Promise<T> {
  const res = await response;
  if (res.status !== status)
    throw new Error(`${what}: ${res.status} instead of ${status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** One trajectory command through the API; it must be accepted. */
export function command(
  caseNumber: string,
  type: string,
  body: object,
  as?: Caller,
): Promise<View> {
  return expectStatus(
    `${caseNumber} ${type}`,
    api<View>('POST', commandPath(caseNumber, type), body, { as }),
    200,
  );
}

export const read = (caseNumber: string) =>
  expectStatus(caseNumber, api<View>('GET', `/trajectories/${caseNumber}`), 200);

let clients = 0;
/** A registered client and a trajectory started for it through the API. */
export async function startTrajectory(
  label: string,
  familyId = `fam-${label}-${id}`,
  /** The day the request was received, when before the registration (the Awb clock's start). */
  receivedOn?: string,
): Promise<string> {
  clients += 1;
  const caseNumber = `CJG-REC-${label.toUpperCase()}-${ID}`;
  const clientId = `client-${label}-${id}`;
  await expectStatus(
    clientId,
    register.client(clientId, {
      name: `Sam Voorbeeld ${clients}`,
      email: `ouders.${label}.${id}@gezin.example`,
    }),
    200,
  );
  await expectStatus(
    caseNumber,
    api('POST', '/trajectories', {
      caseNumber,
      municipalityCode: '0957',
      coordinatorId: coordinatorA,
      clientId,
      familyId,
      ...(receivedOn ? { receivedOn } : {}),
    }),
    201,
  );
  return caseNumber;
}

export async function save(
  name: string,
  workflowId: string,
  options: Parameters<typeof recordHistory>[2],
): Promise<void> {
  recorded.push(await recordHistory(name, workflowId, options));
}

export const beschikking = (number: string, toewijzingen: string[], omvang = inzet.omvang) => ({
  number,
  kind: 'zin',
  startDate: addToDate(today, 0, -1),
  endDate: addToDate(today, 12),
  toewijzingen: toewijzingen.map((agbCode, i) => ({
    agbCode,
    toewijzingnummer: `T${i + 1}`,
    productCategory: '45',
    omvang,
  })),
});
/** Registers the coordinators, providers, partner organisations and handover lead the scenarios name. */
export async function registerParties(): Promise<void> {
  for (const [coordinatorId, name] of [
    [coordinatorA, 'Anna Voorbeeld'],
    [coordinatorB, 'Bram Voorbeeld'],
    [lead, 'Carla Voorbeeld'],
  ] as const)
    await expectStatus(
      coordinatorId,
      register.coordinator(coordinatorId, {
        name,
        email: `${coordinatorId}@cjg.example`,
      }),
      200,
    );
  // 002 §3.4: the professional who signs off plan deel 1 (`planSignOff` registers it).
  await planSignOff();
  for (const [i, agbCode] of agb.entries())
    await expectStatus(
      agbCode,
      register.provider(agbCode, {
        name: `Jeugdhulp Voorbeeld ${i + 1}`,
        email: `intake.${i + 1}.${id}@zorg.example`,
      }),
      200,
    );
  for (const [kind, organisationId] of [
    ['veilig-thuis', org.veiligThuis],
    ['gi', org.gi],
    ['raad', org.raad],
    ['beschermingsplein', org.beschermingsplein],
  ] as const)
    await expectStatus(
      organisationId,
      register.organisation(organisationId, {
        kind,
        name: `Voorbeeldorganisatie ${kind}`,
        email: `${organisationId}@partner.example`,
      }),
      200,
    );
  await expectStatus(
    'handover lead',
    api('PUT', '/handover-leads/0957', { coordinatorId: lead }, { as: callers.teamLead }),
    200,
  );
}

/** Prints what was recorded. */
export function printRecorded(): void {
  console.log(
    [
      `${recorded.length} histories recorded:`,
      ...recorded.map((r) => `  ${r.file}  ${r.events} events  ${(r.bytes / 1024).toFixed(0)} KiB`),
    ].join('\n'),
  );
}
