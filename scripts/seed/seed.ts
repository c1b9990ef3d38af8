/**
 * `npm run seed`: fills a running stack with a made-up, realistic data set through the real API
 * (municipalities of Midden-Limburg, CJG teams, coordinators, providers, families and a few hundred
 * trajectories in every phase), so the reports and the Temporal Web UI show something on a first
 * start. Deterministic from `--seed`; running it again creates nothing new.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { amsterdamDate, TRAJECTORY_PHASES, type CalendarDate } from '@cjg/domain';
import type { DevTokenRequest } from '../stack/dev-keys';
import { devKeyFiles } from '../stack/dev-keys';
import { dataDir } from '../stack/paths';
import { describe, errorText, SeedApi, SeedError } from './api';
import { COORDINATORS, MUNICIPALITIES, PROFESSIONALS, PROVIDERS, slug, TEAMS } from './data';
import { buildSteps, planCases, receivedOnOf, type CaseSpec, type Phase, type Step } from './plan';

export { SeedError } from './api';

export interface SeedOptions {
  /** The API (default API_URL, else http://127.0.0.1:3000). */
  apiUrl?: string;
  /** The dev key's private half (default .data/dev-keys/private.jwk.json of this checkout). */
  keyFile?: string;
  /** How many trajectories (default 300). */
  count?: number;
  /** The PRNG seed (default 42). */
  seed?: number;
  /** Case numbers are `<prefix>-<6 digits>` (default CJG-<this year>). */
  prefix?: string;
  /** Trajectories seeded at the same time (default 8). */
  concurrency?: number;
  /**
   * Requests per minute at most (default 540, under the API's default RATE_LIMIT_PER_MINUTE of
   * 600); 0 does not pace them.
   */
  rate?: number;
  /** Progress lines (default console.log). */
  log?: (line: string) => void;
}

export type CaseOutcome = 'created' | 'resumed' | 'existing' | 'failed';

export interface SeededCase {
  caseNumber: string;
  municipalityCode: string;
  teamId: string;
  coordinatorId: string;
  familyId: string;
  samenloop: boolean;
  target: Phase;
  /** The phase the API last answered for it. */
  phase: Phase | undefined;
  outcome: CaseOutcome;
  error?: string;
}

export interface SeedSummary {
  apiUrl: string;
  seed: number;
  prefix: string;
  count: number;
  durationMs: number;
  requests: number;
  rateLimitPauses: number;
  trajectories: Record<CaseOutcome, number>;
  commands: { applied: number; replayed: number; refused: number; byType: Record<string, number> };
  registered: {
    municipalities: number | 'not available';
    teams: number | 'not available';
    coordinators: number;
    providers: number;
    clients: number;
  };
  byPhase: Record<Phase, number>;
  byMunicipality: Record<string, { name: string; total: number; byPhase: Record<Phase, number> }>;
  byTeam: Record<string, { name: string; total: number }>;
  cases: SeededCase[];
  notes: string[];
  errors: string[];
}

interface View {
  phase: Phase;
  startedAt: string;
  questionnaires?: { end?: { status?: string } };
}

const DEFAULT_API = 'http://127.0.0.1:3000';
const OPS: DevTokenRequest = { role: 'ops', sub: 'ops-seed' };
const PREFIX = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

const kebab = (command: string) => command.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const emptyPhases = () =>
  Object.fromEntries(TRAJECTORY_PHASES.map((p) => [p, 0])) as Record<Phase, number>;

function coordinatorCaller(id: string): DevTokenRequest {
  const coordinator = COORDINATORS.find((c) => c.id === id)!;
  return {
    role: 'coordinator',
    sub: coordinator.id,
    dataScope: coordinator.municipalities.map((m) => `municipality:${m}`),
  };
}
function leadCaller(teamId: string): DevTokenRequest {
  const team = TEAMS.find((t) => t.id === teamId)!;
  return {
    role: 'team-lead',
    sub: team.lead.id,
    dataScope: team.municipalities.map((m) => `municipality:${m}`),
  };
}
const providerCaller = (agbCode: string): DevTokenRequest => ({
  role: 'provider',
  sub: `zorg-${agbCode}`,
  dataScope: [`agb:${agbCode}`],
});

function resolveOptions(options: SeedOptions) {
  const count = options.count ?? 300;
  const seedValue = options.seed ?? 42;
  const prefix = options.prefix ?? `CJG-${new Date().getFullYear()}`;
  const concurrency = options.concurrency ?? 8;
  const rate = options.rate ?? 540;
  if (!Number.isInteger(count) || count < 1 || count > 9999)
    throw new SeedError(`--count must be a whole number from 1 to 9999, got ${count}`);
  if (!Number.isInteger(seedValue) || seedValue < 0)
    throw new SeedError(`--seed must be a whole number of 0 or more, got ${seedValue}`);
  if (!PREFIX.test(prefix) || prefix.length > 30)
    throw new SeedError(
      `--prefix must be upper-case letters and digits in parts joined by single hyphens (at most 30 characters), got ${JSON.stringify(prefix)}`,
    );
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new SeedError(`--concurrency must be a whole number from 1 to 64, got ${concurrency}`);
  if (!Number.isInteger(rate) || rate < 0)
    throw new SeedError(`--rate must be a whole number of 0 or more, got ${rate}`);
  return {
    apiUrl: (options.apiUrl ?? process.env.API_URL ?? DEFAULT_API).replace(/\/+$/, ''),
    keyFile: options.keyFile ?? devKeyFiles(dataDir()).privateKeyFile,
    count,
    seed: seedValue,
    prefix,
    concurrency,
    rate,
    log: options.log ?? ((line: string) => console.log(line)),
  };
}

/** Seeds the data set and answers what it did. Throws SeedError when it cannot start at all. */
export async function seed(options: SeedOptions = {}): Promise<SeedSummary> {
  const started = Date.now();
  const o = resolveOptions(options);
  if (!existsSync(o.keyFile)) {
    throw new SeedError(
      `No dev key at ${o.keyFile}: start the stack with npm start first (it makes the key), ` +
        'or name the key file with --key.',
    );
  }
  const api = new SeedApi(o.apiUrl, o.keyFile, (line) => o.log(`[seed] ${line}`), o.rate);
  await api.health();
  const probe = await api.call('GET', '/trajectories?limit=1', undefined, { as: OPS });
  if (probe.status === 401) {
    throw new SeedError(
      `The API at ${o.apiUrl} refuses tokens signed with ${o.keyFile} (401): is that the key of ` +
        'the stack that runs there? A stack with its own identity provider cannot be seeded this way.',
    );
  }
  if (probe.status !== 200)
    throw new SeedError(`GET /trajectories answered ${probe.status}: ${errorText(probe.body)}`);

  const summary: SeedSummary = {
    apiUrl: o.apiUrl,
    seed: o.seed,
    prefix: o.prefix,
    count: o.count,
    durationMs: 0,
    requests: 0,
    rateLimitPauses: 0,
    trajectories: { created: 0, resumed: 0, existing: 0, failed: 0 },
    commands: { applied: 0, replayed: 0, refused: 0, byType: {} },
    registered: { municipalities: 0, teams: 0, coordinators: 0, providers: 0, clients: 0 },
    byPhase: emptyPhases(),
    byMunicipality: {},
    byTeam: {},
    cases: [],
    notes: [],
    errors: [],
  };
  const specs = planCases({ seed: o.seed, prefix: o.prefix, count: o.count });
  o.log(
    `[seed] ${o.count} trajectories ${specs[0]!.caseNumber} … ${specs.at(-1)!.caseNumber} (seed ${o.seed}) into ${o.apiUrl}`,
  );

  await registerPeople(api, summary);
  const known = await existingCases(api, new Set(specs.map((s) => s.caseNumber)));
  if (known.size > 0)
    o.log(`[seed] ${known.size} of them exist already; those are resumed or kept`);

  let done = 0;
  let next = 0;
  const progressEvery = Math.max(1, Math.round(o.count / 10));
  const worker = async () => {
    while (next < specs.length) {
      const spec = specs[next++]!;
      const result = await seedCase(api, spec, known.get(spec.caseNumber), o.seed, summary);
      summary.cases.push(result);
      done += 1;
      if (done % progressEvery === 0 || done === specs.length) {
        const seconds = ((Date.now() - started) / 1000).toFixed(0);
        o.log(
          `[seed] ${done}/${specs.length} trajectories (${seconds} s, ${api.requests} requests)`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency, specs.length) }, worker));

  summary.cases.sort((a, b) => a.caseNumber.localeCompare(b.caseNumber));
  for (const c of summary.cases) {
    summary.trajectories[c.outcome] += 1;
    if (c.error) summary.errors.push(`${c.caseNumber}: ${c.error}`);
    if (!c.phase) continue;
    summary.byPhase[c.phase] += 1;
    const m = (summary.byMunicipality[c.municipalityCode] ??= {
      name: MUNICIPALITIES.find((x) => x.code === c.municipalityCode)!.name,
      total: 0,
      byPhase: emptyPhases(),
    });
    m.total += 1;
    m.byPhase[c.phase] += 1;
    const t = (summary.byTeam[c.teamId] ??= {
      name: TEAMS.find((x) => x.id === c.teamId)!.name,
      total: 0,
    });
    t.total += 1;
  }
  summary.requests = api.requests;
  summary.rateLimitPauses = api.rateLimitPauses;
  summary.durationMs = Date.now() - started;
  return summary;
}

/**
 * Municipalities and teams (when the API has those endpoints), coordinators (by their team
 * lead) and providers (by ops). All are PUTs: a re-run corrects what is there.
 */
async function registerPeople(api: SeedApi, summary: SeedSummary): Promise<void> {
  const put = async (path: string, body: object, as: DevTokenRequest) => {
    const answer = await api.call<{ created?: boolean }>('PUT', path, body, { as });
    return answer;
  };
  const optional = async (
    what: 'municipalities' | 'teams',
    items: Array<{ path: string; body: object; lead: DevTokenRequest }>,
  ) => {
    let created = 0;
    for (const item of items) {
      let answer = await put(item.path, item.body, OPS);
      if (answer.status === 403) answer = await put(item.path, item.body, item.lead);
      if (answer.status === 404 || answer.status === 405) {
        summary.notes.push(
          `PUT /${what}/{id} is not available on this API (${answer.status}): ${what} not registered`,
        );
        return 'not available' as const;
      }
      if (answer.status !== 200 && answer.status !== 201) {
        summary.errors.push(`PUT ${item.path}: ${answer.status} ${errorText(answer.body)}`);
        continue;
      }
      if (answer.body.created) created += 1;
    }
    return created;
  };

  summary.registered.municipalities = await optional(
    'municipalities',
    MUNICIPALITIES.map((m) => ({
      path: `/municipalities/${m.code}`,
      body: { name: m.name },
      lead: leadCaller(TEAMS.find((t) => t.municipalities.includes(m.code))!.id),
    })),
  );
  summary.registered.teams = await optional(
    'teams',
    TEAMS.map((t) => ({
      path: `/teams/${t.id}`,
      body: { name: t.name, municipalityCode: t.municipalityCode },
      lead: leadCaller(t.id),
    })),
  );
  let withTeam = summary.registered.teams !== 'not available';
  for (const c of COORDINATORS) {
    const body = {
      name: c.name,
      email: `${slug(c.name).replace(/-/g, '.')}@cjg.example`,
    };
    let answer = await put(
      `/coordinators/${c.id}`,
      withTeam ? { ...body, teamId: c.teamId } : body,
      leadCaller(c.teamId),
    );
    if (withTeam && answer.status === 400 && errorText(answer.body).includes('teamId')) {
      summary.notes.push('PUT /coordinators does not take teamId on this API: teams not linked');
      withTeam = false;
      answer = await put(`/coordinators/${c.id}`, body, leadCaller(c.teamId));
    }
    if (answer.status === 200 || answer.status === 201) {
      if (answer.body.created) summary.registered.coordinators += 1;
    } else
      summary.errors.push(`PUT /coordinators/${c.id}: ${answer.status} ${errorText(answer.body)}`);
  }
  for (const { id, ...body } of PROFESSIONALS) {
    const answer = await put(`/professionals/${id}`, body, OPS);
    if (answer.status !== 200 && answer.status !== 201)
      summary.errors.push(`PUT /professionals/${id}: ${answer.status} ${errorText(answer.body)}`);
  }
  for (const p of PROVIDERS) {
    const answer = await put(
      `/providers/${p.agbCode}`,
      { name: p.name, email: `aanmelding.${slug(p.name).replace(/-/g, '')}@zorg.example` },
      OPS,
    );
    if (answer.status === 200 || answer.status === 201) {
      if (answer.body.created) summary.registered.providers += 1;
    } else
      summary.errors.push(
        `PUT /providers/${p.agbCode}: ${answer.status} ${errorText(answer.body)}`,
      );
  }
  if (summary.errors.length > 0) {
    throw new SeedError(`Registering the people failed:\n  ${summary.errors.join('\n  ')}`);
  }
}

/** The planned cases the read model already has, with their phase and start. */
async function existingCases(
  api: SeedApi,
  planned: Set<string>,
): Promise<Map<string, { phase: Phase; startedAt: string }>> {
  const found = new Map<string, { phase: Phase; startedAt: string }>();
  for (let offset = 0; ; offset += 100) {
    const page = await api.call<{
      total: number;
      items: Array<{ caseNumber: string; phase: Phase; startedAt: string }>;
    }>('GET', `/trajectories?limit=100&offset=${offset}&sort=caseNumber`, undefined, { as: OPS });
    if (page.status !== 200)
      throw new SeedError(`GET /trajectories answered ${page.status}: ${errorText(page.body)}`);
    for (const item of page.body.items) {
      if (planned.has(item.caseNumber)) found.set(item.caseNumber, item);
    }
    if (page.body.items.length < 100 || offset + 100 >= page.body.total) return found;
  }
}

/**
 * One case: registers its client and starts it when it is new, then gives the commands that take
 * it to its target phase. Each command carries an Idempotency-Key made of the seed, the case and
 * the step, so a retry, or a re-run that resumes a half-seeded case, never doubles an effect.
 */
async function seedCase(
  api: SeedApi,
  spec: CaseSpec,
  existing: { phase: Phase; startedAt: string } | undefined,
  seedValue: number,
  summary: SeedSummary,
): Promise<SeededCase> {
  const result: SeededCase = {
    caseNumber: spec.caseNumber,
    municipalityCode: spec.municipalityCode,
    teamId: spec.teamId,
    coordinatorId: spec.coordinatorId,
    familyId: spec.familyId,
    samenloop: spec.samenloop,
    target: spec.target,
    phase: existing?.phase,
    outcome: existing ? 'existing' : 'created',
  };
  if (existing?.phase === spec.target) return result;
  const coordinator = coordinatorCaller(spec.coordinatorId);
  const key = (step: string) => `seed-${seedValue}-${spec.caseNumber}-${step}`;
  const fail = (error: string) => ({ ...result, outcome: 'failed' as const, error });
  try {
    let anchor: CalendarDate;
    let view: View | undefined;
    if (existing) {
      anchor = amsterdamDate(new Date(existing.startedAt));
      result.outcome = 'resumed';
    } else {
      const { id, ...client } = spec.client;
      const registered = await api.call<{ created: boolean }>('PUT', `/clients/${id}`, client, {
        as: coordinator,
      });
      if (registered.status !== 200)
        return fail(`PUT /clients/${id}: ${registered.status} ${errorText(registered.body)}`);
      if (registered.body.created) summary.registered.clients += 1;
      anchor = amsterdamDate(new Date());
      const start = await api.call<{ created: boolean }>(
        'POST',
        '/trajectories',
        {
          caseNumber: spec.caseNumber,
          municipalityCode: spec.municipalityCode,
          coordinatorId: spec.coordinatorId,
          clientId: id,
          familyId: spec.familyId,
          receivedOn: receivedOnOf(spec, anchor),
        },
        { as: coordinator, key: key('start') },
      );
      if (start.status !== 201 && start.status !== 200)
        return fail(`start: ${start.status} ${errorText(start.body)}`);
      result.phase = 'intake';
      if (start.status === 200 || start.replayed || !start.body.created) {
        // Started before (by an earlier run the read model had not caught up with): resume it.
        const got = await api.call<View>('GET', `/trajectories/${spec.caseNumber}`, undefined, {
          as: coordinator,
        });
        if (got.status !== 200) return fail(`GET: ${got.status} ${errorText(got.body)}`);
        view = got.body;
        anchor = amsterdamDate(new Date(view.startedAt));
        result.phase = view.phase;
        result.outcome = 'resumed';
        if (view.phase === spec.target) return { ...result, outcome: 'existing' };
      }
    }

    for (const step of buildSteps(spec, anchor)) {
      if (step.command === 'answerQuestionnaire' && result.phase !== 'closed') {
        view = await awaitEndQuestionnaire(api, spec.caseNumber, coordinator, view);
      }
      const answer = await api.call<View>(
        'POST',
        `/trajectories/${spec.caseNumber}/${kebab(step.command)}`,
        step.body,
        { as: callerOf(spec, step, coordinator), key: key(step.id) },
      );
      summary.commands.byType[step.command] = (summary.commands.byType[step.command] ?? 0) + 1;
      if (answer.status === 200) {
        view = answer.body;
        result.phase = view.phase;
        if (answer.replayed) summary.commands.replayed += 1;
        else summary.commands.applied += 1;
      } else if (answer.status === 409) {
        // Already done (a re-run), or the case moved on by itself: go on with the next step.
        summary.commands.refused += 1;
        if (result.outcome === 'created') {
          summary.notes.push(`${spec.caseNumber} ${step.command}: 409 ${errorText(answer.body)}`);
        }
      } else {
        return fail(`${step.command}: ${answer.status} ${errorText(answer.body)}`);
      }
    }
    if (result.phase !== spec.target) {
      const got = await api.call<View>('GET', `/trajectories/${spec.caseNumber}`, undefined, {
        as: coordinator,
      });
      if (got.status === 200) result.phase = got.body.phase;
    }
    return result;
  } catch (error) {
    return fail(describe(error));
  }
}

function callerOf(spec: CaseSpec, step: Step, coordinator: DevTokenRequest): DevTokenRequest {
  if (step.as.role === 'provider') return providerCaller(step.as.agbCode!);
  if (step.as.role === 'team-lead') return leadCaller(spec.teamId);
  return coordinator;
}

/**
 * The closing questionnaire is sent when the end evaluation is recorded; the command's answer
 * normally shows it already. Otherwise (a replayed answer) ask until it does, for a while.
 */
async function awaitEndQuestionnaire(
  api: SeedApi,
  caseNumber: string,
  as: DevTokenRequest,
  view: View | undefined,
): Promise<View | undefined> {
  const deadline = Date.now() + 15_000;
  let current = view;
  while (current?.questionnaires?.end?.status !== 'sent' && Date.now() < deadline) {
    const got = await api.call<View>('GET', `/trajectories/${caseNumber}`, undefined, { as });
    if (got.status !== 200) return current;
    current = got.body;
    if (current.phase === 'closed' || current.questionnaires?.end?.status === 'sent') break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return current;
}

// ───────────────────────────────────────────────────────────── the summary table

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

export function formatSummary(s: SeedSummary): string {
  const lines: string[] = [];
  const t = s.trajectories;
  lines.push(
    '',
    `Seeded ${s.count} trajectories (${s.prefix}-…, seed ${s.seed}) in ${duration(s.durationMs)} into ${s.apiUrl}`,
    `  new ${t.created}, resumed ${t.resumed}, already there ${t.existing}, failed ${t.failed}`,
    `  commands: ${s.commands.applied} applied, ${s.commands.replayed} replayed, ${s.commands.refused} refused (409); ` +
      `${s.requests} requests${s.rateLimitPauses ? `, ${s.rateLimitPauses} rate-limit pauses` : ''}`,
    `  registered (new): ${s.registered.municipalities} municipalities, ${s.registered.teams} teams, ` +
      `${s.registered.coordinators} coordinators, ${s.registered.providers} providers, ${s.registered.clients} clients`,
    '',
  );
  const phases = TRAJECTORY_PHASES;
  const short: Record<Phase, string> = {
    intake: 'intake',
    'results-agreed': 'results',
    'provider-intake': 'prov-intake',
    beschikking: 'beschikking',
    monitoring: 'monitoring',
    'end-evaluation': 'end-eval',
    closed: 'closed',
    withdrawn: 'withdrawn',
  };
  const width = 26;
  const row = (name: string, counts: Record<Phase, number>, total: number) =>
    `  ${name.padEnd(width)}${phases.map((p) => String(counts[p]).padStart(short[p].length + 2)).join('')}${String(total).padStart(7)}`;
  lines.push(
    `  ${'municipality'.padEnd(width)}${phases.map((p) => `  ${short[p]}`).join('')}  total`,
  );
  const municipalities = Object.entries(s.byMunicipality).sort((a, b) => b[1].total - a[1].total);
  for (const [code, m] of municipalities)
    lines.push(row(`${m.name} (${code})`, m.byPhase, m.total));
  const total = Object.values(s.byPhase).reduce((a, b) => a + b, 0);
  lines.push(row('all', s.byPhase, total), '');
  lines.push(`  ${'team'.padEnd(40)}trajectories`);
  for (const [, team] of Object.entries(s.byTeam).sort((a, b) => b[1].total - a[1].total))
    lines.push(`  ${team.name.padEnd(40)}${String(team.total).padStart(12)}`);
  const samenloop = new Set(s.cases.filter((c) => c.samenloop).map((c) => c.familyId));
  lines.push(
    '',
    `  samenloop families (3+ providers at once): ${samenloop.size}`,
    `  commands given: ${Object.entries(s.commands.byType)
      .sort((a, b) => b[1] - a[1])
      .map(([command, n]) => `${command} ${n}`)
      .join(', ')}`,
  );
  for (const note of s.notes) lines.push(`  note: ${note}`);
  for (const error of s.errors) lines.push(`  FAILED ${error}`);
  return lines.join('\n');
}

// ───────────────────────────────────────────────────────────── the command line

const USAGE = `Fills a running cjg-toegang stack with a made-up demo data set, through its API.

  npm run seed [-- options]
    --api <url>        the API (default $API_URL or ${DEFAULT_API})
    --count <n>        trajectories to seed (default 300)
    --seed <n>         PRNG seed: the same seed gives the same data set (default 42)
    --prefix <text>    case numbers are <prefix>-<6 digits> (default CJG-<year>)
    --key <file>       the dev key that signs the tokens (default .data/dev-keys/private.jwk.json)
    --concurrency <n>  trajectories at the same time (default 8)
    --rate <n>         requests a minute at most (default 540: the API allows 600 a minute by
                       default, RATE_LIMIT_PER_MINUTE); 0 for a stack without that limit

Running it again with the same options creates nothing new; a half-seeded case is finished.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      api: { type: 'string' },
      count: { type: 'string' },
      seed: { type: 'string' },
      prefix: { type: 'string' },
      key: { type: 'string' },
      concurrency: { type: 'string' },
      rate: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const summary = await seed({
    apiUrl: values.api,
    keyFile: values.key,
    count: number(values.count),
    seed: number(values.seed),
    prefix: values.prefix,
    concurrency: number(values.concurrency),
    rate: number(values.rate),
  });
  console.log(formatSummary(summary));
  return summary.errors.length > 0 ? 1 : 0;
}

if (require.main === module) {
  main()
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      console.error(
        error instanceof SeedError
          ? `[seed] ${error.message}`
          : error instanceof Error
            ? error.stack
            : error,
      );
      process.exit(1);
    });
}
