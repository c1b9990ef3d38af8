// deploy/k8s, checked without a cluster: every manifest strictly against Kubernetes' own schemas
// (kubernetes-validate, offline, unknown fields refused) for the oldest and newest supported
// version, then cross-checked for what a schema cannot see (selectors, references, probes).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import {
  containerEnv,
  loadYaml,
  requireFromRoot,
  deployDir,
  dockerStages,
  documentedSettings,
  imageEnv,
  loadYamlFiles,
  parseDockerfile,
  repoPathOfImagePath,
  run,
  SAMPLE_SECRETS,
  stageChain,
  startupProblems,
  tempDir,
  tool,
  writeTemp,
} from './support.mjs';

/** The Kubernetes versions the manifests are written for (deploy/k8s/README.md). */
const KUBERNETES_VERSIONS = ['1.30.0', '1.37.0'];

const k8sDir = path.join(deployDir, 'k8s');
const folders = [k8sDir, path.join(k8sDir, 'jobs')];
const manifestFiles = folders.flatMap((dir) =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
    .map((file) => path.join(dir, file)),
);
const kustomizationFiles = folders.map((dir) => path.join(dir, 'kustomization.yaml'));
const yaml = loadYamlFiles([...manifestFiles, ...kustomizationFiles]);
const objects = manifestFiles.flatMap((file) =>
  yaml[file].map((doc) => ({ ...doc, file: path.relative(k8sDir, file) })),
);
const ofKind = (kind) => objects.filter((o) => o.kind === kind);
const named = (kind, name) => ofKind(kind).find((o) => o.metadata.name === name);
const workloads = [...ofKind('Deployment'), ...ofKind('Job')];
const podSpec = (workload) => workload.spec.template.spec;
const containers = (workload) => podSpec(workload).containers;
const selects = (selector, labels) =>
  Object.entries(selector).every(([key, value]) => labels?.[key] === value);

const dockerfile = parseDockerfile(path.join(deployDir, 'docker', 'Dockerfile'));
const stages = dockerStages(dockerfile);
const imageTarget = (image) => (image.includes('/worker') ? 'worker' : 'api');

function validate(files, version) {
  return run(tool('kubernetes-validate'), ['--strict', '--quiet', '-k', version, ...files]);
}

/** The secrets deploy/k8s/README.md tells operators to create. */
const documentedSecrets = new Set(
  [
    ...readFileSync(path.join(k8sDir, 'README.md'), 'utf8').matchAll(
      /kubectl -n cjg-toegang create secret generic (\S+)/g,
    ),
  ].map((m) => m[1]),
);

/** The components in components/ (mTLS, Temporal Cloud): name → their patches and targets. */
const componentsDir = path.join(k8sDir, 'components');
const components = Object.fromEntries(
  readdirSync(componentsDir).map((name) => {
    const dir = path.join(componentsDir, name);
    const [kustomization] = loadYaml(path.join(dir, 'kustomization.yaml'));
    return [name, { kustomization, dir }];
  }),
);

/** A kustomize patch target (kind, name, labelSelector `key=value`) selects this object. */
function targets(target, object) {
  if (target.kind && target.kind !== object.kind) return false;
  if (target.name && target.name !== object.metadata.name) return false;
  if (target.labelSelector) {
    const [key, value] = target.labelSelector.split('=');
    if (object.metadata.labels?.[key] !== value) return false;
  }
  return true;
}

/** The JSON 6902 `add` and `replace` operations the components use, applied in place. */
function applyJsonPatch(object, operations) {
  for (const { op, path: pointer, value } of operations) {
    const keys = pointer
      .split('/')
      .slice(1)
      .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = keys.pop();
    let parent = object;
    for (const key of keys) {
      parent = parent?.[key];
      assert.ok(parent !== undefined, `${pointer}: ${key} does not exist`);
    }
    if (op === 'replace') {
      assert.ok(last in parent, `${pointer} does not exist to replace`);
      parent[last] = value;
    } else if (op === 'add' && Array.isArray(parent)) {
      if (last === '-') parent.push(value);
      else parent.splice(Number(last), 0, value);
    } else if (op === 'add') {
      parent[last] = value;
    } else {
      assert.fail(`${pointer}: unsupported operation ${op}`);
    }
  }
}

/** The base objects (deploy/k8s and jobs/) with a component's patches applied, as kustomize does. */
function withComponent(name, docs = objects) {
  const { kustomization, dir } = components[name];
  const copy = JSON.parse(JSON.stringify(docs));
  for (const { path: file, target } of kustomization.patches) {
    const [operations] = loadYaml(path.join(dir, file));
    const matched = copy.filter((object) => targets(target, object));
    assert.ok(matched.length > 0, `${name}/${file} patches nothing`);
    for (const object of matched) applyJsonPatch(object, operations);
  }
  return copy;
}

/** Secrets a workload takes: by env (secretKeyRef) and as mounted volumes. */
function secretsOf(workload) {
  const names = (podSpec(workload).volumes ?? []).flatMap((v) =>
    v.secret ? [v.secret.secretName] : [],
  );
  for (const container of containers(workload)) {
    for (const value of Object.values(containerEnv(container))) {
      if (value?.secretKeyRef) names.push(value.secretKeyRef.name);
    }
  }
  return names;
}

/** Secrets only a component uses: documented, and not used by the plain manifests. */
const componentSecrets = new Set(
  Object.keys(components).flatMap((name) =>
    withComponent(name)
      .filter((o) => o.kind === 'Deployment' || o.kind === 'Job')
      .flatMap(secretsOf),
  ),
);

/**
 * What is wrong with the settings and secrets the workloads among `docs` take: undocumented
 * settings, secrets in the config map, secrets the README does not create (or creates for
 * nothing), and the answer-link secret missing from the API or the worker. Empty when nothing.
 */
function settingProblems(docs) {
  const problems = [];
  const known = documentedSettings();
  const find = (kind, name) => docs.find((o) => o.kind === kind && o.metadata.name === name);
  const configMap = find('ConfigMap', 'cjg-toegang-config');
  for (const [key, value] of Object.entries(configMap.data)) {
    if (!known.has(key)) problems.push(`the config map sets undocumented ${key}`);
    if (/PASSWORD|SECRET|TOKEN|KEY$/.test(key)) problems.push(`${key}: secrets belong in a Secret`);
    if (/:\/\/[^/@]+:[^/@]+@/.test(value)) problems.push(`${key} carries a password`);
  }
  const referenced = new Set();
  for (const workload of docs.filter((o) => o.kind === 'Deployment' || o.kind === 'Job')) {
    for (const volume of podSpec(workload).volumes ?? []) {
      if (!volume.secret) continue;
      referenced.add(volume.secret.secretName);
      if (!documentedSecrets.has(volume.secret.secretName)) {
        problems.push(`${workload.file}: secret ${volume.secret.secretName} is not in README.md`);
      }
    }
    for (const container of containers(workload)) {
      for (const { configMapRef } of container.envFrom ?? []) {
        if (!find('ConfigMap', configMapRef.name))
          problems.push(`no config map ${configMapRef.name}`);
      }
      for (const [name, value] of Object.entries(containerEnv(container))) {
        if (!known.has(name)) problems.push(`${workload.file} sets undocumented ${name}`);
        const secret = value?.secretKeyRef;
        if (secret) {
          referenced.add(secret.name);
          if (!documentedSecrets.has(secret.name)) {
            problems.push(`${workload.file}: secret ${secret.name} is not in README.md`);
          }
          if (secret.key !== name) problems.push(`${secret.name} holds ${name} as ${secret.key}`);
        } else if (/PASSWORD|SECRET|DATABASE_URL|SMTP_URL/.test(name)) {
          problems.push(`${workload.file}: ${name} must come from a Secret`);
        }
      }
    }
  }
  for (const name of documentedSecrets) {
    if (!referenced.has(name) && !componentSecrets.has(name)) {
      problems.push(`README.md creates secret ${name} that nothing uses`);
    }
  }
  // The worker signs the answer links in letters and the API verifies them; the worker encrypts
  // payloads the API decrypts (and the other way round): one secret each, for both.
  for (const key of ['ANSWER_TOKEN_SECRETS', 'TEMPORAL_PAYLOAD_KEYS']) {
    const secrets = ['cjg-toegang-api', 'cjg-toegang-worker'].map((name) => {
      const ref = containers(find('Deployment', name))
        .map((c) => containerEnv(c)[key]?.secretKeyRef)
        .find(Boolean);
      if (!ref) problems.push(`${name} does not take ${key} from a Secret`);
      return ref?.name;
    });
    if (secrets.every(Boolean) && secrets[0] !== secrets[1]) {
      problems.push(`the API and the worker take ${key} from different secrets`);
    }
  }
  return problems;
}

describe('deploy/k8s', () => {
  for (const version of KUBERNETES_VERSIONS) {
    it(`every manifest validates strictly against Kubernetes ${version}`, () => {
      const { status, output } = validate(manifestFiles, version);
      assert.equal(status, 0, output);
    });
  }

  it('fails validation when a manifest is broken (the check can fail)', () => {
    const original = readFileSync(path.join(k8sDir, 'api-deployment.yaml'), 'utf8');
    const dir = tempDir('k8s');
    after(() => rmSync(dir, { recursive: true, force: true }));
    for (const [from, to, expected] of [
      ['readinessProbe:', 'readinesProbe:', /readinesProbe/],
      ['replicas: 2', 'replicas: two', /'two' is not of type 'integer'/],
    ]) {
      const broken = writeTemp(dir, 'api-deployment.yaml', original.replace(from, to));
      const { status, output } = validate([broken], KUBERNETES_VERSIONS[0]);
      assert.notEqual(status, 0, `${to} passed`);
      assert.match(output, expected);
    }
  });

  it('lists every manifest in its kustomization and runs one release everywhere', () => {
    const releases = [];
    for (const dir of folders) {
      const [kustomization] = yaml[path.join(dir, 'kustomization.yaml')];
      const here = readdirSync(dir).filter(
        (file) => file.endsWith('.yaml') && file !== 'kustomization.yaml',
      );
      assert.deepEqual([...kustomization.resources].sort(), here.sort(), `${dir} resources`);
      assert.equal(kustomization.namespace, 'cjg-toegang');
      const images = Object.fromEntries(kustomization.images.map((i) => [i.name, i.newTag]));
      for (const file of here) {
        for (const doc of yaml[path.join(dir, file)].filter((d) => d.spec?.template)) {
          for (const { image } of containers(doc)) {
            assert.ok(image in images, `${file}: ${image} is not pinned by the kustomization`);
          }
        }
      }
      for (const tag of Object.values(images)) assert.match(tag, /^(?!latest$)[\w.-]+$/);
      releases.push(JSON.stringify(images));
    }
    assert.equal(new Set(releases).size, 1, 'jobs/kustomization.yaml runs another release');
  });

  it('points selectors, the service, the budgets and the autoscaler at the right pods', () => {
    for (const deployment of ofKind('Deployment')) {
      const { selector, template } = deployment.spec;
      assert.ok(selects(selector.matchLabels, template.metadata.labels), deployment.file);
    }
    const podsOf = (selector) =>
      ofKind('Deployment').filter((d) => selects(selector, d.spec.template.metadata.labels));
    // Int-or-string fields: the schemas take any string, the API server a count or a percentage.
    const countOrPercent = (value, where) => assert.match(String(value), /^\d+%?$/, where);
    for (const budget of ofKind('PodDisruptionBudget')) {
      assert.equal(podsOf(budget.spec.selector.matchLabels).length, 1, budget.metadata.name);
      const { minAvailable, maxUnavailable } = budget.spec;
      countOrPercent(minAvailable ?? maxUnavailable, budget.metadata.name);
    }
    for (const deployment of ofKind('Deployment')) {
      const { maxSurge, maxUnavailable } = deployment.spec.strategy.rollingUpdate;
      countOrPercent(maxSurge, deployment.metadata.name);
      countOrPercent(maxUnavailable, deployment.metadata.name);
    }
    const service = named('Service', 'cjg-toegang-api');
    const [api] = podsOf(service.spec.selector);
    assert.equal(api?.metadata.name, 'cjg-toegang-api');
    const ports = containers(api).flatMap((c) => c.ports ?? []);
    for (const { targetPort } of service.spec.ports) {
      assert.ok(ports.some((p) => p.name === targetPort || p.containerPort === targetPort));
    }
    const hpa = named('HorizontalPodAutoscaler', 'cjg-toegang-worker');
    const target = named(hpa.spec.scaleTargetRef.kind, hpa.spec.scaleTargetRef.name);
    assert.ok(target, 'the autoscaler scales an existing deployment');
    assert.equal(target.spec.replicas, undefined, 'the autoscaler owns the worker count');
    const budget = ofKind('PodDisruptionBudget').find((b) =>
      selects(b.spec.selector.matchLabels, target.spec.template.metadata.labels),
    );
    assert.ok(hpa.spec.minReplicas > (budget.spec.maxUnavailable ?? 0), 'a drain keeps a worker');
    assert.ok(named('ServiceAccount', podSpec(api).serviceAccountName));
  });

  it('probes the API over /health and the worker through Temporal', () => {
    const [api] = containers(named('Deployment', 'cjg-toegang-api'));
    for (const probe of ['startupProbe', 'readinessProbe']) {
      assert.equal(api[probe].httpGet.path, '/health', probe);
    }
    assert.ok(api.livenessProbe.tcpSocket, 'liveness must not depend on PostgreSQL or Temporal');
    const [worker] = containers(named('Deployment', 'cjg-toegang-worker'));
    const probeCopy = stageChain(stages, 'worker').find(
      (i) => i.cmd === 'COPY' && i.value.at(-1).includes('worker-probe.mjs'),
    );
    assert.ok(probeCopy, 'the worker image contains the probe');
    for (const probe of ['startupProbe', 'readinessProbe']) {
      assert.deepEqual(worker[probe].exec.command, [
        'node',
        probeCopy.value.at(-1).replace(/^\.\//, ''),
      ]);
    }
    assert.equal(worker.livenessProbe, undefined);
  });

  it('gives every container resources and runs it restricted, as the image’s user', () => {
    const user = stageChain(stages, 'runtime').findLast((i) => i.cmd === 'USER').value[0];
    const [uid, gid] = user.split(':').map(Number);
    for (const workload of workloads) {
      const pod = podSpec(workload);
      assert.equal(pod.automountServiceAccountToken, false, workload.file);
      assert.equal(pod.securityContext.runAsNonRoot, true, workload.file);
      assert.equal(pod.securityContext.runAsUser, uid, workload.file);
      assert.equal(pod.securityContext.runAsGroup, gid, workload.file);
      assert.equal(pod.securityContext.seccompProfile.type, 'RuntimeDefault', workload.file);
      for (const container of containers(workload)) {
        const where = `${workload.file} ${container.name}`;
        assert.ok(container.resources.requests.cpu && container.resources.requests.memory, where);
        assert.ok(container.resources.limits.memory, where);
        assert.equal(container.securityContext.allowPrivilegeEscalation, false, where);
        assert.equal(container.securityContext.readOnlyRootFilesystem, true, where);
        assert.deepEqual(container.securityContext.capabilities.drop, ['ALL'], where);
      }
    }
  });

  it('runs files the build produces', () => {
    for (const workload of workloads) {
      for (const container of containers(workload)) {
        const command =
          container.command ??
          stageChain(stages, imageTarget(container.image)).findLast((i) => i.cmd === 'CMD').value;
        for (const word of command.filter((w) => /\.js$/.test(w))) {
          assert.ok(existsSync(repoPathOfImagePath(word)), `${workload.file}: ${word}`);
        }
        const bundle = containerEnv(container).WORKFLOW_BUNDLE_PATH;
        if (bundle) assert.ok(existsSync(repoPathOfImagePath(bundle)), bundle);
      }
    }
    const migrate = workloads.find((w) => w.metadata.generateName === 'cjg-toegang-migrate-');
    assert.equal(imageTarget(containers(migrate)[0].image), 'api');
  });

  it('references its config and the secrets the README tells operators to create', () => {
    assert.deepEqual([...documentedSecrets].sort(), [
      'cjg-toegang-answer-links',
      'cjg-toegang-db',
      'cjg-toegang-payload-keys',
      'cjg-toegang-smtp',
      'cjg-toegang-temporal-api-key',
      'cjg-toegang-temporal-tls',
    ]);
    assert.deepEqual(settingProblems(objects), []);
  });

  it('finds a wrong or missing secret reference (the check can fail)', () => {
    const copy = () => JSON.parse(JSON.stringify(objects));
    const answerRef = (docs, name) =>
      containers(docs.find((o) => o.kind === 'Deployment' && o.metadata.name === name))[0].env.find(
        (e) => e.name === 'ANSWER_TOKEN_SECRETS',
      );
    const misspelt = copy();
    answerRef(misspelt, 'cjg-toegang-worker').valueFrom.secretKeyRef.name =
      'cjg-toegang-answer-link';
    assert.deepEqual(settingProblems(misspelt), [
      'worker-deployment.yaml: secret cjg-toegang-answer-link is not in README.md',
      'the API and the worker take ANSWER_TOKEN_SECRETS from different secrets',
    ]);
    const missing = copy();
    const api = containers(missing.find((o) => o.metadata.name === 'cjg-toegang-api'))[0];
    api.env = api.env.filter((e) => e.name !== 'ANSWER_TOKEN_SECRETS');
    assert.deepEqual(settingProblems(missing), [
      'cjg-toegang-api does not take ANSWER_TOKEN_SECRETS from a Secret',
    ]);
    const inline = copy();
    answerRef(inline, 'cjg-toegang-api').value = SAMPLE_SECRETS.ANSWER_TOKEN_SECRETS;
    delete answerRef(inline, 'cjg-toegang-api').valueFrom;
    assert.deepEqual(settingProblems(inline), [
      'api-deployment.yaml: ANSWER_TOKEN_SECRETS must come from a Secret',
      'cjg-toegang-api does not take ANSWER_TOKEN_SECRETS from a Secret',
    ]);
  });

  it('gives the API and the worker what they need to start in production', () => {
    const config = named('ConfigMap', 'cjg-toegang-config').data;
    for (const [name, role] of [
      ['cjg-toegang-api', 'api'],
      ['cjg-toegang-worker', 'worker'],
    ]) {
      const [container] = containers(named('Deployment', name));
      // What the pod's process sees: the image's ENV, the config map, then its own env.
      const env = { ...imageEnv(stages, imageTarget(container.image)), ...config };
      for (const { name: key, value, valueFrom } of container.env ?? []) {
        if (valueFrom) assert.ok(key in SAMPLE_SECRETS, `no sample value for the secret ${key}`);
        env[key] = valueFrom ? SAMPLE_SECRETS[key] : value;
      }
      assert.equal(env.NODE_ENV, 'production', name);
      assert.deepEqual(startupProblems(role, env), [], `${name} would not start`);
      const withoutKeys = { ...env };
      delete withoutKeys.TEMPORAL_PAYLOAD_KEYS;
      assert.match(
        startupProblems(role, withoutKeys).join('\n'),
        /TEMPORAL_PAYLOAD_KEYS or TEMPORAL_PAYLOAD_KEYS_FILE is required when NODE_ENV=production/,
        `${name} without the payload keys`,
      );
      delete env.ANSWER_TOKEN_SECRETS;
      assert.match(
        startupProblems(role, env).join('\n'),
        /ANSWER_TOKEN_SECRET is required when NODE_ENV=production/,
        `${name} without the answer-link secret`,
      );
    }
    assert.match(config.PUBLIC_BASE_URL, /^https:\/\//, 'the links point at the ingress, https');
    // Behind the ingress: trust its hop (or address) for the client IP, never any X-Forwarded-For.
    assert.ok(!['', 'false', 'true'].includes(config.TRUST_PROXY ?? ''), 'TRUST_PROXY');
    assert.ok(config.MAIL_FROM, 'the worker’s sender');
  });
});

describe('deploy/k8s components: Temporal over mTLS, and Temporal Cloud with an API key', () => {
  const { temporalEndpointFromEnv } = requireFromRoot(
    './dist/libs/temporal/src/connection/index.js',
  );
  const pemDir = tempDir('k8s-tls');
  after(() => rmSync(pemDir, { recursive: true, force: true }));

  /**
   * What a container of `docs` sees: the image's ENV, the config map, its env with stand-ins for
   * the secrets, and its mounted secrets as files (stand-in PEM files under a temporary folder,
   * the mount path rewritten to it).
   */
  function containerSees(docs, workload) {
    const [container] = containers(workload);
    const config = docs.find((o) => o.kind === 'ConfigMap').data;
    const env = { ...imageEnv(stages, imageTarget(container.image)), ...config };
    for (const { name: key, value, valueFrom } of container.env ?? []) {
      env[key] = valueFrom ? SAMPLE_SECRETS[key] : value;
    }
    for (const mount of container.volumeMounts ?? []) {
      const volume = podSpec(workload).volumes.find((v) => v.name === mount.name);
      if (!volume.secret) continue;
      const dir = path.join(pemDir, volume.secret.secretName);
      mkdirSync(dir, { recursive: true });
      for (const file of ['tls.crt', 'tls.key', 'ca.crt']) {
        writeTemp(dir, file, `-----BEGIN X-----\n${file}\n`);
      }
      for (const [key, value] of Object.entries(env)) {
        if (typeof value === 'string' && value.startsWith(`${mount.mountPath}/`)) {
          env[key] = path.join(dir, value.slice(mount.mountPath.length + 1));
        }
      }
    }
    return env;
  }

  for (const name of Object.keys(components)) {
    it(`${name}: every patched manifest validates strictly against Kubernetes`, () => {
      const patched = withComponent(name).filter((o) => o.kind !== 'Kustomization');
      const dir = tempDir(`k8s-${name}`);
      after(() => rmSync(dir, { recursive: true, force: true }));
      const files = patched.map((o, i) => {
        const manifest = { ...o };
        delete manifest.file;
        return writeTemp(dir, `${i}.json`, manifest);
      });
      for (const version of KUBERNETES_VERSIONS) {
        const { status, output } = validate(files, version);
        assert.equal(status, 0, `${version}: ${output}`);
      }
      assert.deepEqual(settingProblems(patched), []);
    });
  }

  it('temporal-mtls: the API, the workers and the search-attributes job connect with the client certificate', () => {
    const patched = withComponent('temporal-mtls');
    const workloadsOf = patched.filter(
      (o) =>
        o.kind === 'Deployment' ||
        (o.kind === 'Job' &&
          o.metadata.labels['app.kubernetes.io/component'] === 'search-attributes'),
    );
    assert.equal(workloadsOf.length, 3);
    for (const workload of workloadsOf) {
      const env = containerSees(patched, workload);
      const { connection } = temporalEndpointFromEnv(env);
      const where = workload.metadata.name ?? workload.metadata.generateName;
      assert.match(connection.tls?.clientCertPair?.crt.toString() ?? '', /tls\.crt/, where);
      assert.match(connection.tls?.clientCertPair?.key.toString() ?? '', /tls\.key/, where);
      assert.match(connection.tls?.serverRootCACertificate?.toString() ?? '', /ca\.crt/, where);
      assert.equal(connection.tls?.serverNameOverride, 'temporal-frontend.temporal.svc', where);
      if (workload.kind === 'Deployment') {
        const role = workload.metadata.name === 'cjg-toegang-api' ? 'api' : 'worker';
        assert.deepEqual(startupProblems(role, env), [], `${where} would not start`);
      }
    }
    // The check can fail: without the mounted secret the settings name files that are not there.
    const unmounted = JSON.parse(JSON.stringify(patched));
    const api = unmounted.find((o) => o.metadata.name === 'cjg-toegang-api');
    containers(api)[0].volumeMounts = containers(api)[0].volumeMounts.filter(
      (m) => m.name !== 'temporal-tls',
    );
    assert.match(
      startupProblems('api', containerSees(unmounted, api)).join('\n'),
      /TEMPORAL_TLS_\w+_PATH \/var\/run\/secrets\/temporal-tls\/\S+ cannot be read/,
    );
  });

  it('temporal-cloud: the API and the workers send the API key over TLS to the Cloud namespace', () => {
    const patched = withComponent('temporal-cloud');
    for (const workload of patched.filter((o) => o.kind === 'Deployment')) {
      const env = containerSees(patched, workload);
      const { connection, namespace } = temporalEndpointFromEnv(env);
      assert.equal(connection.apiKey, SAMPLE_SECRETS.TEMPORAL_API_KEY);
      assert.deepEqual(connection.tls, {});
      assert.match(connection.address, /\.api\.temporal\.io:7233$/);
      assert.equal(namespace, 'cjg-toegang.a1b2c');
      const role = workload.metadata.name === 'cjg-toegang-api' ? 'api' : 'worker';
      assert.deepEqual(startupProblems(role, env), [], `${workload.metadata.name} would not start`);
    }
  });
});
