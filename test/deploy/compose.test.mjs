// deploy/compose/compose.yaml, checked without a container engine: interpolated the way Compose
// does with the variables of .env.example, validated against the Compose Specification's schema
// (check-jsonschema's vendored copy), and cross-checked for what the schema cannot see.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { URL } from 'node:url';
import {
  deployDir,
  dockerStages,
  documentedSettings,
  imageEnv,
  interpolate,
  loadYaml,
  parseDockerfile,
  parseDotEnv,
  repoPathOfImagePath,
  requireFromRoot,
  run,
  SAMPLE_SECRETS,
  stageChain,
  startupProblems,
  tempDir,
  tool,
  writeTemp,
} from './support.mjs';

const composeDir = path.join(deployDir, 'compose');
const composeFile = path.join(composeDir, 'compose.yaml');
const [raw] = loadYaml(composeFile);
const example = parseDotEnv(readFileSync(path.join(composeDir, '.env.example'), 'utf8'));
// What an operator writes into .env: the example with its empty passwords and secret filled in.
const operatorEnv = {
  ...example,
  TEMPORAL_DB_PASSWORD: 'pw-temporal',
  CJG_DB_PASSWORD: 'pw-cjg',
  ANSWER_TOKEN_SECRETS: SAMPLE_SECRETS.ANSWER_TOKEN_SECRETS,
  TEMPORAL_PAYLOAD_KEYS: SAMPLE_SECRETS.TEMPORAL_PAYLOAD_KEYS,
};
const { result: compose } = interpolate(raw, operatorEnv);
const services = compose.services;

function validateCompose(doc) {
  const dir = tempDir('compose');
  try {
    const file = writeTemp(dir, 'compose.json', doc);
    return run(tool('check-jsonschema'), ['--builtin-schema', 'vendor.compose-spec', file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const dependencies = (service) =>
  Object.entries(
    Array.isArray(service.depends_on)
      ? Object.fromEntries(service.depends_on.map((name) => [name, {}]))
      : (service.depends_on ?? {}),
  );
const isOneShot = (service) => service.restart === 'no';
const buildsOurImage = (service) => service.build?.dockerfile === 'deploy/docker/Dockerfile';
const dockerfile = parseDockerfile(path.join(deployDir, 'docker', 'Dockerfile'));
const stages = dockerStages(dockerfile);

describe('compose.yaml', () => {
  it('validates against the Compose Specification schema', () => {
    const { status, output } = validateCompose(compose);
    assert.equal(status, 0, output);
  });

  it('fails validation when it is broken (the check can fail)', () => {
    const broken = JSON.parse(JSON.stringify(compose));
    broken.services.api.healthchek = { test: ['CMD', 'true'] };
    broken.services.worker.deploy.replicas = 'two';
    const { status, output } = validateCompose(broken);
    assert.notEqual(status, 0);
    assert.match(output, /healthchek|replicas/);
  });

  it('takes every variable from .env.example and refuses to start without passwords and secret', () => {
    const { used, errors } = interpolate(raw, example);
    const undocumented = [...used].filter((name) => !(name in example));
    assert.deepEqual(undocumented, [], 'variables used but missing from .env.example');
    const missing = [...new Set(errors.map((error) => error.split(':')[0]))].sort();
    assert.deepEqual(missing, [
      'ANSWER_TOKEN_SECRETS',
      'CJG_DB_PASSWORD',
      'TEMPORAL_DB_PASSWORD',
      'TEMPORAL_PAYLOAD_KEYS',
    ]);
  });

  it('gives the API and the worker what they need to start in production', () => {
    const envOf = (name) => ({
      ...imageEnv(stages, services[name].build.target),
      ...services[name].environment,
    });
    const api = envOf('api');
    const worker = envOf('worker');
    for (const [name, env] of [
      ['api', api],
      ['worker', worker],
    ]) {
      assert.equal(env.NODE_ENV, 'production', name);
      assert.deepEqual(startupProblems(name, env), [], `${name} would not start`);
      // Without the payload keys neither starts.
      const withoutKeys = { ...env };
      delete withoutKeys.TEMPORAL_PAYLOAD_KEYS;
      assert.match(
        startupProblems(name, withoutKeys).join('\n'),
        /TEMPORAL_PAYLOAD_KEYS or TEMPORAL_PAYLOAD_KEYS_FILE is required when NODE_ENV=production/,
        name,
      );
      // Without the answer-link secret neither starts (the check can fail).
      const withoutSecret = { ...env };
      delete withoutSecret.ANSWER_TOKEN_SECRETS;
      assert.match(
        startupProblems(name, withoutSecret).join('\n'),
        /ANSWER_TOKEN_SECRET is required when NODE_ENV=production/,
        name,
      );
    }
    // The worker signs the links the API verifies: one secret, one address, one validity; the
    // worker encrypts the payloads the API decrypts: one set of keys, one Temporal connection.
    for (const key of [
      'ANSWER_TOKEN_SECRETS',
      'PUBLIC_BASE_URL',
      'ANSWER_LINK_VALID_FOR',
      'TEMPORAL_PAYLOAD_KEYS',
      'TEMPORAL_TLS',
      'TEMPORAL_API_KEY',
    ]) {
      assert.equal(api[key], worker[key], key);
    }
    assert.match(example.PUBLIC_BASE_URL, /^https:\/\//, 'the links point at the https proxy');
    // Behind a reverse proxy the API needs TRUST_PROXY for the client address; the worker sends.
    assert.ok('TRUST_PROXY' in api, 'the API takes TRUST_PROXY');
    assert.ok(worker.SMTP_URL && worker.MAIL_FROM, 'the worker takes SMTP_URL and MAIL_FROM');
  });

  it('runs the stack the issue asks for', () => {
    const byImage = (prefix) =>
      Object.keys(services).filter((name) => services[name].image?.startsWith(prefix));
    // Temporal with PostgreSQL persistence, its Web UI, and the project's own PostgreSQL.
    assert.deepEqual(byImage('temporalio/server:'), ['temporal']);
    const temporal = services.temporal.environment;
    assert.equal(temporal.DB, 'postgres12');
    assert.match(services[temporal.POSTGRES_SEEDS].image, /^postgres:/);
    assert.deepEqual(byImage('temporalio/ui:'), ['temporal-ui']);
    assert.equal(services['temporal-ui'].environment.TEMPORAL_ADDRESS, 'temporal:7233');
    assert.deepEqual(byImage('postgres:').sort(), ['postgres', 'temporal-postgres']);
    // The API, two workers and a mail relay the worker sends to.
    assert.equal(services.api.build.target, 'api');
    assert.equal(services.worker.build.target, 'worker');
    assert.equal(services.worker.deploy.replicas, 2);
    const smtp = new URL(services.worker.environment.SMTP_URL);
    assert.ok(services[smtp.hostname], `SMTP_URL names no service: ${smtp.hostname}`);
    for (const name of ['api', 'worker']) {
      const env = services[name].environment;
      assert.equal(env.TEMPORAL_ADDRESS, 'temporal:7233');
      assert.equal(new URL(env.DATABASE_URL).hostname, 'postgres');
    }
  });

  it('prepares Temporal and the database with one-shot jobs before the API and workers start', () => {
    const waitsFor = (name, target, condition) =>
      assert.equal(
        services[name].depends_on?.[target]?.condition,
        condition,
        `${name} must wait for ${target} (${condition})`,
      );
    waitsFor('temporal', 'temporal-schema', 'service_completed_successfully');
    waitsFor('temporal-namespace', 'temporal', 'service_healthy');
    waitsFor('temporal-search-attributes', 'temporal-namespace', 'service_completed_successfully');
    for (const app of ['api', 'worker']) {
      waitsFor(app, 'migrate', 'service_completed_successfully');
      waitsFor(app, 'temporal-search-attributes', 'service_completed_successfully');
    }
    assert.deepEqual(services.migrate.command, ['node', 'dist/libs/persistence/src/migrate.js']);
    assert.deepEqual(services['temporal-search-attributes'].command, [
      'node',
      'dist/scripts/register-search-attributes.js',
    ]);
    assert.equal(
      services['temporal-namespace'].environment.CJG_NAMESPACE,
      services.api.environment.TEMPORAL_NAMESPACE,
    );
  });

  it('keeps workflow updates and Schedules on in its Temporal server', () => {
    const mount = services.temporal.volumes.find((v) => v.startsWith('./temporal/dynamicconfig'));
    const [source, target] = mount.split(':');
    assert.equal(services.temporal.environment.DYNAMIC_CONFIG_FILE_PATH, target);
    const [config] = loadYaml(path.resolve(composeDir, source));
    // The API's trajectory commands are updates; the worker creates two Temporal Schedules.
    for (const key of ['frontend.enableUpdateWorkflowExecution', 'frontend.enableSchedules']) {
      assert.deepEqual(
        config[key]?.map((entry) => entry.value),
        [true],
        `${key} in ${source}`,
      );
    }
  });

  it('waits only for what can report: known services, health checks, one-shot jobs, no cycles', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [target, { condition }] of dependencies(service)) {
        const other = services[target];
        assert.ok(other, `${name} depends on unknown service ${target}`);
        if (condition === 'service_healthy') {
          const imageCheck =
            buildsOurImage(other) &&
            stageChain(stages, other.build.target).some((i) => i.cmd === 'HEALTHCHECK');
          assert.ok(
            (other.healthcheck && !other.healthcheck.disable) || imageCheck,
            `${name} waits for ${target} to be healthy, but ${target} has no health check`,
          );
        }
        if (condition === 'service_completed_successfully') {
          assert.ok(isOneShot(other), `${target} is waited for to complete: restart must be "no"`);
        }
      }
    }
    const visiting = new Set();
    const done = new Set();
    const visit = (name, trail) => {
      if (done.has(name)) return;
      assert.ok(!visiting.has(name), `dependency cycle: ${[...trail, name].join(' → ')}`);
      visiting.add(name);
      for (const [target] of dependencies(services[name])) visit(target, [...trail, name]);
      visiting.delete(name);
      done.add(name);
    };
    for (const name of Object.keys(services)) visit(name, []);
  });

  it('mounts, builds and runs files that exist', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const volume of service.volumes ?? []) {
        const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
        if (source.startsWith('.') || source.startsWith('/')) {
          assert.ok(existsSync(path.resolve(composeDir, source)), `${name} mounts ${source}`);
        } else {
          assert.ok(compose.volumes && source in compose.volumes, `${name}: volume ${source}`);
        }
      }
      if (service.build) {
        const context = path.resolve(composeDir, service.build.context);
        assert.ok(existsSync(path.join(context, service.build.dockerfile)), `${name} dockerfile`);
        assert.ok(stages.has(service.build.target), `${name}: no stage ${service.build.target}`);
      }
      for (const word of service.command ?? []) {
        if (/^dist\/.*\.js$/.test(word)) {
          assert.ok(existsSync(repoPathOfImagePath(word)), `${name} runs ${word}: not built`);
        }
      }
    }
  });

  it('pins every image, Temporal to the versions the tests run against', async () => {
    for (const [name, service] of Object.entries(services)) {
      if (service.build) continue;
      assert.match(service.image, /^[^:]+:(?!latest$)[\w.-]+$/, `${name}: pin ${service.image}`);
    }
    const { ensureTemporalCli, TEMPORAL_CLI_VERSION } = requireFromRoot(
      './dist/scripts/stack/toolchain.js',
    );
    const cli = await ensureTemporalCli(() => {});
    const version = run(cli.path, ['--version']).output;
    const match = /temporal version (\S+) \(Server (\S+), UI (\S+)\)/.exec(version);
    assert.ok(match, version);
    assert.equal(match[1], TEMPORAL_CLI_VERSION, `the pinned CLI, not ${cli.path}`);
    const tag = (name) => services[name].image.split(':')[1];
    assert.equal(tag('temporal'), match[2], 'temporalio/server = the dev server of the tests');
    assert.equal(tag('temporal-schema'), match[2], 'admin-tools matches the server');
    assert.equal(tag('temporal-namespace'), match[2], 'admin-tools matches the server');
    assert.equal(tag('temporal-ui'), match[3], 'temporalio/ui = the dev server UI');
  });

  it('takes passwords and keys from .env only', () => {
    for (const [name, service] of Object.entries(raw.services)) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        // Required (`:?`), or optional with nothing in its place (`:-`, e.g. the Web UI's OIDC
        // client secret, an API key for Temporal Cloud): never a value written here.
        if (/PASSWORD|PWD|SECRET|API_KEY|_KEYS$/.test(key)) {
          assert.match(String(value), /^\$\{[A-Z_]+(:\?[^}]+|:-)\}$/, `${name}.${key}`);
        }
        if (/_URL$/.test(key) && /:\/\/[^/@]+:[^/@]+@/.test(String(value))) {
          assert.match(String(value), /:\/\/[^/:@]+:\$\{[A-Z_]+:\?[^}]+\}@/, `${name}.${key}`);
        }
      }
    }
  });

  it('runs the project’s containers read-only, without capabilities', () => {
    for (const [name, service] of Object.entries(services).filter(([, s]) => buildsOurImage(s))) {
      assert.equal(service.read_only, true, `${name} read_only`);
      assert.deepEqual(service.cap_drop, ['ALL'], `${name} cap_drop`);
      assert.ok(service.security_opt?.includes('no-new-privileges:true'), `${name} privileges`);
    }
  });

  it('passes the API and the worker only settings the project documents', () => {
    const known = documentedSettings();
    for (const [name, service] of Object.entries(services).filter(([, s]) => buildsOurImage(s))) {
      const unknown = Object.keys(service.environment ?? {}).filter((key) => !known.has(key));
      assert.deepEqual(unknown, [], `${name} sets undocumented settings`);
    }
  });
});
