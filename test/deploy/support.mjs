// Shared helpers of the deploy checks (run by scripts/check-deploy.mjs, which installs the
// validators and sets CJG_DEPLOY_VALIDATORS to their bin folder).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const deployDir = path.join(root, 'deploy');
export const requireFromRoot = createRequire(path.join(root, 'package.json'));

export function validatorsBin() {
  const bin = process.env.CJG_DEPLOY_VALIDATORS;
  if (!bin) throw new Error('CJG_DEPLOY_VALIDATORS is not set: run `npm run test:deploy`');
  return bin;
}

export function tool(name) {
  return path.join(validatorsBin(), name);
}

/** Runs a command to its end; never throws on a non-zero exit. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

/** The same without blocking this process (for a command that talks to a server in it). */
export function runAsync(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

export function tempDir(prefix) {
  return mkdtempSync(path.join(os.tmpdir(), `cjg-deploy-${prefix}-`));
}

export function writeTemp(dir, name, content) {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

// Every document of YAML files, parsed by PyYAML from the validators' venv (merge keys
// included), in one Python process for all of them.
const YAML_TO_JSON = [
  'import json, sys, yaml',
  'docs = {}',
  'for name in sys.argv[1:]:',
  '    with open(name, encoding="utf-8") as f:',
  '        docs[name] = [d for d in yaml.safe_load_all(f) if d is not None]',
  'print(json.dumps(docs, default=str))',
].join('\n');

/** file → its documents. */
export function loadYamlFiles(files) {
  const { status, output } = run(tool('python'), ['-c', YAML_TO_JSON, ...files]);
  if (status !== 0) throw new Error(`not valid YAML:\n${output}`);
  return JSON.parse(output);
}

export function loadYaml(file) {
  return loadYamlFiles([file])[file];
}

/** The instructions of a Dockerfile, parsed by Docker's own parser (PyPI `dockerfile`). */
const DOCKERFILE_TO_JSON = [
  'import json, sys, dockerfile',
  'print(json.dumps([{"cmd": c.cmd, "flags": list(c.flags), "value": list(c.value),',
  '  "json": c.json, "line": c.start_line} for c in dockerfile.parse_file(sys.argv[1])]))',
].join('\n');

export function parseDockerfile(file) {
  const { status, output } = run(tool('python'), ['-c', DOCKERFILE_TO_JSON, file]);
  if (status !== 0) throw new Error(`${path.relative(root, file)} does not parse:\n${output}`);
  return JSON.parse(output);
}

/** The stages of a parsed Dockerfile by name, each with the stage it is built FROM. */
export function dockerStages(instructions) {
  const stages = new Map();
  let current;
  for (const instruction of instructions) {
    if (instruction.cmd === 'FROM') {
      const [base, as, name] = instruction.value;
      current = { name: as?.toUpperCase() === 'AS' ? name : undefined, base, instructions: [] };
      stages.set(current.name ?? `#${stages.size}`, current);
    } else if (current) {
      current.instructions.push(instruction);
    }
  }
  return stages;
}

/** The instructions that apply to a stage: its own and those of the stages it is built on. */
export function stageChain(stages, name) {
  const chain = [];
  for (let stage = stages.get(name); stage; stage = stages.get(stage.base)) chain.unshift(stage);
  return chain.flatMap((stage) => stage.instructions);
}

/** KEY=VALUE lines of a .env file (comments and blank lines skipped, quotes removed). */
export function parseDotEnv(text) {
  const env = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!match) continue;
    let value = match[2].trim();
    if (/^(['"]).*\1$/.test(value)) value = value.slice(1, -1);
    env[match[1]] = value;
  }
  return env;
}

const INTERPOLATION =
  /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * Compose's interpolation of every string value (after the YAML is parsed, as Compose does):
 * ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, ${VAR:+alt}, $VAR, $$.
 * Returns the result, the variables used and the errors of required variables.
 */
export function interpolate(tree, env) {
  const used = new Set();
  const errors = [];
  const one = (text) =>
    text.replace(INTERPOLATION, (whole, name, operator, argument, bare) => {
      if (whole === '$$') return '$';
      const variable = name ?? bare;
      used.add(variable);
      const value = env[variable];
      const unset = value === undefined;
      const empty = unset || value === '';
      switch (operator) {
        case ':-':
          return empty ? argument : value;
        case '-':
          return unset ? argument : value;
        case ':?':
        case '?':
          if (operator === ':?' ? empty : unset) {
            errors.push(`${variable}: ${argument}`);
            return '';
          }
          return value;
        case ':+':
          return empty ? '' : argument;
        case '+':
          return unset ? '' : argument;
        default:
          return value ?? '';
      }
    });
  const walk = (node) => {
    if (typeof node === 'string') return one(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value)]));
    }
    return node;
  };
  return { result: walk(tree), used, errors };
}

/**
 * The setting names the project documents (README.md, docs/configuration.md, deploy/README.md):
 * a name the deployment passes that is not among them is a typo or an undocumented setting.
 */
export function documentedSettings() {
  const names = new Set();
  for (const file of ['README.md', 'docs/configuration.md', 'deploy/README.md']) {
    const text = readFileSync(path.join(root, file), 'utf8');
    for (const match of text.matchAll(/`([A-Z][A-Z0-9_]{2,})[^`]*`/g)) names.add(match[1]);
  }
  return names;
}

/** The environment of a Kubernetes container or a Compose service, as a map of name → value. */
export function containerEnv(container) {
  return Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value ?? e.valueFrom]));
}

/** A path inside the image (/app/…, or relative to WORKDIR /app) as the repository's path. */
export function repoPathOfImagePath(imagePath) {
  const relative = imagePath.startsWith('/app/') ? imagePath.slice('/app/'.length) : imagePath;
  return path.join(root, relative);
}

/** The variables an image sets with ENV: those of its stage and of the stages it is built on. */
export function imageEnv(stages, target) {
  const env = {};
  for (const { value } of stageChain(stages, target).filter((i) => i.cmd === 'ENV')) {
    for (let i = 0; i + 1 < value.length; i += 2) env[value[i]] = value[i + 1];
  }
  return env;
}

/** Made-up values standing in for what an operator puts in the secrets (never real ones). */
export const SAMPLE_SECRETS = {
  DATABASE_URL: 'postgres://cjg:pw-cjg@db.example:5432/cjg_toegang',
  SMTP_URL: 'smtps://cjg:pw-smtp@relay.example:465',
  // What `openssl rand -hex 32` prints: 32 bytes in hex.
  ANSWER_TOKEN_SECRETS: 'a1'.repeat(32),
  // <key id>:<openssl rand -base64 32>, the newest first.
  TEMPORAL_PAYLOAD_KEYS: `k2027:${'B'.repeat(43)}=,k2026:${'A'.repeat(43)}=`,
  // A Temporal Cloud API key (a JWT in reality).
  TEMPORAL_API_KEY: 'sample-temporal-cloud-api-key',
};

/**
 * What the API (`api`) or the worker (`worker`) makes of its environment at start, run with the
 * readers in dist/ (no connection is made): the messages that would stop it, empty when it would
 * start. The API's reader is apps/api/src/config.ts (`apiConfigFromEnv`, what @nestjs/config
 * validates at boot: every setting, the Veilig Thuis policy and the answer-link settings of
 * libs/notifications/src/answer-link.ts among them); the worker the Temporal (with the
 * payload keys and TLS), database, mail and tuning settings as apps/worker/src/worker.ts does.
 */
export function startupProblems(role, env) {
  const { answerLinkConfigFromEnv, mailerConfigFromEnv } = requireFromRoot(
    './dist/libs/notifications/src/index.js',
  );
  const readers = [answerLinkConfigFromEnv];
  if (role === 'api') {
    readers.push(requireFromRoot('./dist/apps/api/src/config.js').apiConfigFromEnv);
  } else {
    readers.push(
      requireFromRoot('./dist/libs/temporal/src/connection/index.js').temporalSettingsFromEnv,
      requireFromRoot('./dist/libs/persistence/src/index.js').databaseUrlFromEnv,
      mailerConfigFromEnv,
      requireFromRoot('./dist/apps/worker/src/tuning.js').workerTuningFromEnv,
    );
  }
  const problems = [];
  for (const read of readers) {
    try {
      read(env);
    } catch (error) {
      problems.push(`${read.name}: ${error.message}`);
    }
  }
  return problems;
}
