// deploy/docker/Dockerfile, checked without building it: parsed by Docker's own parser, then the
// promises of deploy/README.md are checked on its instructions, and the API image's health check
// command is run against a stand-in /health.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  deployDir,
  dockerStages,
  parseDockerfile,
  repoPathOfImagePath,
  root,
  runAsync,
  stageChain,
} from './support.mjs';
import { PINNED_NODE } from '../../scripts/node-runtime.mjs';

const dockerfilePath = path.join(deployDir, 'docker', 'Dockerfile');
const instructions = parseDockerfile(dockerfilePath);
const stages = dockerStages(instructions);
const last = (stage, cmd) => stageChain(stages, stage).findLast((i) => i.cmd === cmd);
const INSTRUCTIONS = new Set(
  'ADD ARG CMD COPY ENTRYPOINT ENV EXPOSE FROM HEALTHCHECK LABEL ONBUILD RUN SHELL STOPSIGNAL USER VOLUME WORKDIR'.split(
    ' ',
  ),
);

describe('Dockerfile', () => {
  it('parses with Docker’s own parser and uses only known instructions', () => {
    const unknown = instructions.filter((i) => !INSTRUCTIONS.has(i.cmd));
    assert.deepEqual(unknown, []);
  });

  it('builds api and worker images in stages, from the lock file, with the bundle prebuilt', () => {
    assert.ok(stages.has('api') && stages.has('worker'));
    const runs = (stage) =>
      stages
        .get(stage)
        .instructions.filter((i) => i.cmd === 'RUN')
        .map((i) => i.value.join(' '));
    assert.ok(runs('build').some((r) => r.startsWith('npm ci')));
    assert.ok(runs('build').some((r) => r.includes('npm run build')));
    assert.ok(runs('prod-deps').some((r) => r.startsWith('npm ci --omit=dev')));
    const runtimeCopies = stages.get('runtime').instructions.filter((i) => i.cmd === 'COPY');
    assert.deepEqual(
      runtimeCopies.map((i) => i.flags.join(' ')),
      ['--from=prod-deps', '--from=build', ''],
      'the runtime takes node_modules without dev tools and dist/ from the build',
    );
    for (const target of ['api', 'worker']) {
      assert.equal(stageChain(stages, target).filter((i) => i.cmd === 'RUN').length, 0, target);
    }
  });

  it('copies every source folder the build compiles', () => {
    // Compiled by `npm run build` but not wanted in an image.
    const NOT_IN_IMAGE = ['bench'];
    const tsconfig = JSON.parse(readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));
    const build = JSON.parse(readFileSync(path.join(root, 'tsconfig.build.json'), 'utf8'));
    const compiled = tsconfig.include.filter(
      (dir) => !build.exclude.includes(dir) && !NOT_IN_IMAGE.includes(dir),
    );
    const copied = stages
      .get('build')
      .instructions.filter((i) => i.cmd === 'COPY')
      .flatMap((i) => i.value.slice(0, -1));
    for (const dir of compiled) assert.ok(copied.includes(dir), `the build stage lacks ${dir}/`);
  });

  it('runs both images as an unprivileged, numeric user', () => {
    for (const target of ['api', 'worker']) {
      const [uid] = last(target, 'USER').value[0].split(':');
      assert.match(uid, /^\d+$/, 'numeric, so that runAsNonRoot can be verified');
      assert.notEqual(Number(uid), 0);
    }
  });

  it('starts the built entrypoints, the worker from the prebuilt bundle', () => {
    for (const target of ['api', 'worker']) {
      const [node, main] = last(target, 'CMD').value;
      assert.equal(node, 'node');
      assert.ok(existsSync(repoPathOfImagePath(main)), `${target} runs ${main}: not built`);
    }
    const env = Object.fromEntries(
      stageChain(stages, 'worker')
        .filter((i) => i.cmd === 'ENV')
        .flatMap((i) => i.value.flatMap((v, n, all) => (n % 2 ? [] : [[v, all[n + 1]]]))),
    );
    assert.equal(env.WORKFLOW_BUNDLE_PATH, '/app/dist/workflow-bundle.js');
    assert.ok(existsSync(repoPathOfImagePath(env.WORKFLOW_BUNDLE_PATH)));
    const apiEnv = stageChain(stages, 'api').filter((i) => i.cmd === 'ENV');
    assert.ok(apiEnv.some((i) => i.value.join(' ').includes('API_HOST 0.0.0.0')));
  });

  it('has a health check in each image', () => {
    for (const target of ['api', 'worker']) {
      assert.ok(last(target, 'HEALTHCHECK'), target);
    }
  });

  it('answers the API health check from GET /health', async () => {
    const [, ...command] = last('api', 'HEALTHCHECK').value; // CMD node -e <code>
    const check = async (port) =>
      (await runAsync(command[0], command.slice(1), { env: { ...process.env, PORT: port } }))
        .status;
    let answer = 200;
    const server = http.createServer((request, response) => {
      response.statusCode = request.url === '/health' ? answer : 404;
      response.end();
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address();
    try {
      assert.equal(await check(String(port)), 0, 'healthy on 200');
      answer = 503;
      assert.equal(await check(String(port)), 1, 'unhealthy on 503');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    assert.equal(await check(String(port)), 1, 'unhealthy when nothing listens');
  });

  it('copies only what the .dockerignore lets into the build context', () => {
    const ignore = readFileSync(`${dockerfilePath}.dockerignore`, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    assert.equal(ignore[0], '*', 'everything is excluded unless named');
    const allowed = ignore.filter((l) => l.startsWith('!')).map((l) => l.slice(1));
    const sent = (source) =>
      allowed.some((entry) =>
        entry.endsWith('/') ? `${source}/`.startsWith(entry) : source === entry,
      );
    for (const copy of instructions.filter((i) => i.cmd === 'COPY' && i.flags.length === 0)) {
      for (const source of copy.value.slice(0, -1)) {
        assert.ok(existsSync(path.join(root, source)), `COPY ${source}: no such file`);
        assert.ok(sent(source), `COPY ${source}: excluded by the .dockerignore`);
      }
    }
  });

  it('pins the Node base image to the Node the tests run on, which package.json accepts', () => {
    const arg = instructions.find((i) => i.cmd === 'ARG' && i.value[0].startsWith('NODE_VERSION='));
    const version = arg.value[0].split('=')[1];
    assert.match(version, /^\d+\.\d+\.\d+$/);
    assert.equal(version, PINNED_NODE, 'the image runs the Node of the local toolchain');
    const engines = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node;
    const [, major, minor] = /^>=(\d+)\.(\d+)/.exec(engines);
    const [vMajor, vMinor] = version.split('.').map(Number);
    assert.ok(vMajor > major || (vMajor === Number(major) && vMinor >= Number(minor)), engines);
    for (const from of instructions.filter((i) => i.cmd === 'FROM')) {
      assert.ok(stages.has(from.value[0]) || from.value[0].includes('${NODE_VERSION}'));
    }
  });

  it('bakes in no secrets', () => {
    for (const instruction of instructions.filter((i) => i.cmd === 'ENV' || i.cmd === 'ARG')) {
      assert.doesNotMatch(instruction.value.join(' '), /PASSWORD|SECRET|TOKEN|_KEY|DATABASE_URL/);
    }
  });
});
