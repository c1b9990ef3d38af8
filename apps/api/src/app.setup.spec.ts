import {
  Body,
  ConflictException,
  Controller,
  Get,
  Global,
  Logger,
  Module,
  Post,
  type INestApplication,
  type Provider,
} from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { ServiceError } from '@temporalio/client';
import { Type } from 'class-transformer';
import { Matches, ValidateNested } from 'class-validator';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import request from 'supertest';
import { configureApp } from './app.setup';
import { authConfigFromEnv } from './auth/auth.config';
import { TokenVerifier } from './auth/token-verifier';
import { API_CONFIG, type ApiConfig } from './config';
import { HardeningModule } from './common/hardening.module';
import type { HttpConfig } from './common/http.config';
import { createLogger, PinoLoggerService } from './common/logger';
import { invalidFields, PlanDto } from './common/validation.testing';

class ThingDto {
  @Matches(/^[A-Z]{3}$/, { message: '$property must be three capitals' })
  code!: string;

  @ValidateNested()
  @Type(() => PlanDto)
  plan!: PlanDto;
}

@Controller('things')
class ThingsController {
  private readonly logger = new Logger('Things');

  @Post()
  create(@Body() body: ThingDto): ThingDto {
    this.logger.log('thing accepted');
    return body;
  }

  @Get('conflict')
  conflict(): never {
    throw new ConflictException(['the plan is not approved', 'the case has ended']);
  }

  @Get('temporal')
  temporal(): never {
    throw new ServiceError('Failed to start workflow', {
      cause: Object.assign(new Error('14 UNAVAILABLE: No connection established'), {
        code: 14,
        details: 'No connection established',
        metadata: {},
      }),
    });
  }

  @Get('boom')
  boom(): never {
    throw new Error('SELECT * FROM client WHERE bsn = 111222333');
  }
}

@Controller('health')
class HealthStubController {
  @Get()
  check(): { status: string } {
    return { status: 'ok' };
  }
}

/** Stands in for the public client answer pages (answers/). */
@Controller('answers')
class AnswerPageStubController {
  @Get(':caseNumber')
  show(): { question: string } {
    return { question: 'three-month-check' };
  }
}

/** Stands in for codec/codec.controller.ts: echoes the payload count. */
@Controller('codec')
class CodecStubController {
  @Post('decode')
  decode(@Body() body: { payloads?: unknown[] }): { count: number } {
    return { count: body.payloads?.length ?? 0 };
  }
}

const baseHttp: HttpConfig = {
  corsOrigins: [],
  temporalUiOrigins: [],
  codecBodyLimit: '4kb',
  rateLimitPerMinute: 0,
  answerRateLimitPerMinute: 0,
  bodyLimit: '1kb',
  trustProxy: false,
  retryAfterSeconds: 7,
  apiDocs: 'public',
};

async function startApp(
  http: HttpConfig,
  providers: Provider[] = [],
): Promise<{ app: INestApplication; lines: Record<string, unknown>[] }> {
  @Global()
  @Module({ providers: [{ provide: API_CONFIG, useValue: { http } }], exports: [API_CONFIG] })
  class ConfigStubModule {}

  @Module({
    imports: [ConfigStubModule, HardeningModule.forRoot()],
    controllers: [
      ThingsController,
      HealthStubController,
      AnswerPageStubController,
      CodecStubController,
    ],
    providers,
  })
  class TestModule {}

  const lines: Record<string, unknown>[] = [];
  const logger = createLogger(
    { level: 'info', pretty: false },
    { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  const moduleRef = await Test.createTestingModule({ imports: [TestModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(new PinoLoggerService(logger));
  configureApp(app, http, logger);
  await app.init();
  return { app, lines };
}

const validThing = { code: 'ABC', plan: { results: [{ id: 'r1' }] } };

describe(configureApp.name, () => {
  let app: INestApplication;
  let lines: Record<string, unknown>[];

  beforeAll(async () => {
    ({ app, lines } = await startApp(baseHttp));
  });
  afterAll(() => app.close());
  beforeEach(() => lines.splice(0));

  const server = () => app.getHttpServer();

  it('gives every response a request id, taking a safe one from the caller', async () => {
    const generated = await request(server()).get('/things/conflict');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated.body.requestId).toBe(generated.headers['x-request-id']);

    const given = await request(server()).get('/things/conflict').set('X-Request-Id', 'trace-42');
    expect(given.headers['x-request-id']).toBe('trace-42');

    const unsafe = await request(server())
      .get('/things/conflict')
      .set('X-Request-Id', 'bad id\twith spaces');
    expect(unsafe.headers['x-request-id']).not.toBe('bad id\twith spaces');
  });

  it('logs inside a request with its id, after the body parser too, and one access line', async () => {
    const res = await request(server())
      .post('/things?email=someone@example.nl')
      .set('X-Request-Id', 'req-1')
      .send(validThing);
    expect(res.status).toBe(201);
    await new Promise((resolve) => setImmediate(resolve));
    const inside = lines.find((line) => line.msg === 'thing accepted');
    expect(inside).toMatchObject({ requestId: 'req-1', context: 'Things', level: 'info' });
    const access = lines.filter((line) => line.context === 'HTTP');
    expect(access).toEqual([
      expect.objectContaining({
        requestId: 'req-1',
        method: 'POST',
        path: '/things',
        route: '/things',
        status: 201,
        durationMs: expect.any(Number),
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('example.nl');
    expect(JSON.stringify(lines)).not.toContain('ABC');
  });

  it('writes no access line for /health', async () => {
    expect((await request(server()).get('/health')).status).toBe(200);
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.filter((line) => line.context === 'HTTP')).toEqual([]);
  });

  it('answers validation errors with dotted/indexed details', async () => {
    const res = await request(server())
      .post('/things')
      .send({ code: 'abc', plan: { results: [{ id: 'r1' }, { id: 5 }] }, extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      ...invalidFields('The request has invalid fields: extra, code, plan.results[1].id.', [
        { field: 'extra', problems: ['is not allowed'], codes: ['not-allowed'] },
        { field: 'code', problems: ['must be three capitals'], codes: ['invalid-format'] },
        { field: 'plan.results[1].id', problems: ['must be a string'], codes: ['wrong-type'] },
      ]),
      requestId: res.headers['x-request-id'],
    });
  });

  it('answers a body that is not JSON with 400 and a too large one with 413', async () => {
    const bad = await request(server())
      .post('/things')
      .set('Content-Type', 'application/json')
      .send('{"code": ');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ message: 'The body is not valid JSON.' });

    const large = await request(server())
      .post('/things')
      .send({ ...validThing, padding: 'x'.repeat(2048) });
    expect(large.status).toBe(413);
    expect(large.body).toMatchObject({
      statusCode: 413,
      error: 'Payload Too Large',
      requestId: large.headers['x-request-id'],
    });

    const charset = await request(server())
      .post('/things')
      .set('Content-Type', 'application/json; charset=latin-9')
      .send('{}');
    expect(charset.status).toBe(415);
  });

  it('puts an array message of a 409 into details', async () => {
    const res = await request(server()).get('/things/conflict');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      error: 'Conflict',
      message: 'The request conflicts with the current state: 2 problems (see details).',
      details: [{ field: '', problems: ['the plan is not approved', 'the case has ended'] }],
    });
  });

  it('answers Temporal being away with 503 and Retry-After', async () => {
    const res = await request(server()).get('/things/temporal');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('7');
    expect(res.body.message).toBe('The workflow service is not available; try again shortly.');
  });

  it('hides internals of a 500 and logs them with the request id', async () => {
    const res = await request(server()).get('/things/boom').set('X-Request-Id', 'boom-1');
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toContain('SELECT');
    const logged = lines.find((line) => line.context === 'Errors');
    expect(logged).toMatchObject({
      level: 'error',
      requestId: 'boom-1',
      err: { type: 'Error', stack: expect.stringContaining('boom') },
    });
  });

  it('sets strict security headers on the API and none of CORS without CORS_ORIGINS', async () => {
    const res = await request(server()).get('/health').set('Origin', 'https://evil.example');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves Swagger UI under a policy that lets it load', async () => {
    const page = await request(server()).get('/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger-ui-bundle.js');
    const csp = page.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' https: 'unsafe-inline'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    for (const asset of ['swagger-ui-bundle.js', 'swagger-ui-init.js', 'swagger-ui.css']) {
      expect((await request(server()).get(`/docs/${asset}`)).status).toBe(200);
    }
    const spec = await request(server()).get('/docs/openapi.json');
    expect(spec.status).toBe(200);
  });
});

describe(`${configureApp.name} with CORS and a rate limit`, () => {
  let app: INestApplication;

  beforeAll(async () => {
    ({ app } = await startApp({
      ...baseHttp,
      corsOrigins: ['https://portal.example.nl'],
      rateLimitPerMinute: 3,
    }));
  });
  afterAll(() => app.close());

  it('allows the listed origin only and exposes the request id', async () => {
    const allowed = await request(app.getHttpServer())
      .options('/things')
      .set('Origin', 'https://portal.example.nl')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type,idempotency-key');
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://portal.example.nl');
    expect(allowed.headers['access-control-allow-headers']).toContain('Idempotency-Key');

    const get = await request(app.getHttpServer())
      .get('/health')
      .set('Origin', 'https://portal.example.nl');
    expect(get.headers['access-control-expose-headers']).toContain('X-Request-Id');

    const other = await request(app.getHttpServer())
      .get('/health')
      .set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers 429 with Retry-After beyond the limit, and never throttles /health', async () => {
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 5; i++) {
      last = await request(app.getHttpServer()).get('/things/conflict');
      statuses.push(last.status);
    }
    expect(statuses).toEqual([409, 409, 409, 429, 429]);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    expect(last!.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    for (let i = 0; i < 5; i++) {
      expect((await request(app.getHttpServer()).get('/health')).status).toBe(200);
    }
  });
});

describe(`${configureApp.name} with a rate limit of its own for the answer pages`, () => {
  let app: INestApplication;

  beforeAll(async () => {
    ({ app } = await startApp({
      ...baseHttp,
      rateLimitPerMinute: 100,
      answerRateLimitPerMinute: 20,
    }));
  });
  afterAll(() => app.close());

  it('answers the 21st answer-page request in a minute with 429, while other routes go on', async () => {
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 21; i++) {
      // Other case numbers, one budget: the limit is per client, not per link.
      last = await request(app.getHttpServer()).get(
        `/answers/CJG-2026-${String(i).padStart(6, '0')}`,
      );
      statuses.push(last.status);
    }
    expect(statuses).toEqual([...Array<number>(20).fill(200), 429]);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    expect(last!.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    for (let i = 0; i < 5; i++) {
      expect((await request(app.getHttpServer()).get('/things/conflict')).status).toBe(409);
    }
    expect((await request(app.getHttpServer()).get('/health')).status).toBe(200);
  });

  it('limits the answer pages also when the general limit is off', async () => {
    const { app: unlimited } = await startApp({ ...baseHttp, answerRateLimitPerMinute: 2 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        statuses.push((await request(unlimited.getHttpServer()).get('/answers/CJG-1')).status);
      }
      expect(statuses).toEqual([200, 200, 429]);
      for (let i = 0; i < 5; i++) {
        expect((await request(unlimited.getHttpServer()).get('/things/conflict')).status).toBe(409);
      }
    } finally {
      await unlimited.close();
    }
  });
});

describe(`${configureApp.name} with API_DOCS`, () => {
  const docsPaths = ['/docs', '/docs/openapi.json', '/docs/swagger-ui-init.js'];

  it('serves no /docs when off (the default in production)', async () => {
    const { app } = await startApp({ ...baseHttp, apiDocs: 'off' });
    try {
      for (const path of docsPaths) {
        expect({ path, status: (await request(app.getHttpServer()).get(path)).status }).toEqual({
          path,
          status: 404,
        });
      }
    } finally {
      await app.close();
    }
  });

  it('serves /docs only with a valid access token when token', async () => {
    const pair = await generateKeyPair('ES256');
    const auth = authConfigFromEnv({
      AUTH_PUBLIC_KEY: JSON.stringify(await exportJWK(pair.publicKey)),
    });
    const { app } = await startApp({ ...baseHttp, apiDocs: 'token' }, [
      { provide: API_CONFIG, useValue: { auth } as ApiConfig },
      TokenVerifier,
    ]);
    const token = (key = pair.privateKey) =>
      new SignJWT({ role: 'ops' })
        .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt' })
        .setSubject('ops-c')
        .setIssuer(auth.issuer)
        .setAudience(auth.audience)
        .setExpirationTime('5m')
        .sign(key);
    const stranger = (await generateKeyPair('ES256')).privateKey;
    try {
      for (const path of docsPaths) {
        const bare = await request(app.getHttpServer()).get(path);
        expect({ path, status: bare.status }).toEqual({ path, status: 401 });
        expect(bare.headers['www-authenticate']).toBe('Bearer');
        expect(bare.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
        const forged = await request(app.getHttpServer())
          .get(path)
          .set('Authorization', `Bearer ${await token(stranger)}`);
        expect({ path, status: forged.status }).toEqual({ path, status: 401 });
        const signed = await request(app.getHttpServer())
          .get(path)
          .set('Authorization', `Bearer ${await token()}`);
        expect({ path, status: signed.status }).toEqual({ path, status: 200 });
      }
      // The API itself is not behind the docs' gate.
      expect((await request(app.getHttpServer()).get('/things/conflict')).status).toBe(409);
    } finally {
      await app.close();
    }
  });
});

describe(`${configureApp.name} with a Temporal Web UI origin for the codec server`, () => {
  let app: INestApplication;
  const ui = 'https://temporal.cjg.example';

  beforeAll(async () => {
    ({ app } = await startApp({
      ...baseHttp,
      corsOrigins: ['https://portal.example.nl'],
      temporalUiOrigins: [ui],
      rateLimitPerMinute: 2,
    }));
  });
  afterAll(() => app.close());

  const preflight = (path: string, origin: string) =>
    request(app.getHttpServer())
      .options(path)
      .set('Origin', origin)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type,x-namespace');

  it("lets the UI's origin call the codec routes with a token, X-Namespace and credentials", async () => {
    const res = await preflight('/codec/decode', ui);
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(ui);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(res.headers['access-control-allow-methods']).toBe('POST');
    expect(res.headers['access-control-allow-headers']).toBe(
      'Authorization,Content-Type,X-Namespace',
    );
    const post = await request(app.getHttpServer())
      .post('/codec/decode')
      .set('Origin', ui)
      .send({ payloads: [] });
    expect(post.headers['access-control-allow-origin']).toBe(ui);
    expect(post.headers['access-control-allow-credentials']).toBe('true');
  });

  it('keeps the UI origin off the other routes and the other origins off the codec', async () => {
    const uiElsewhere = await preflight('/things', ui);
    expect(uiElsewhere.headers['access-control-allow-origin']).toBeUndefined();
    const portalOnCodec = await preflight('/codec/decode', 'https://portal.example.nl');
    expect(portalOnCodec.headers['access-control-allow-origin']).toBeUndefined();
    const portal = await preflight('/things', 'https://portal.example.nl');
    expect(portal.headers['access-control-allow-origin']).toBe('https://portal.example.nl');
    expect(portal.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('takes larger bodies on the codec routes only (CODEC_BODY_LIMIT), and never throttles them', async () => {
    const payloads = Array.from({ length: 20 }, () => ({ data: 'eA=='.repeat(30) }));
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await request(app.getHttpServer()).post('/codec/decode').send({ payloads });
      statuses.push(res.status);
      expect(res.body).toEqual({ count: 20 });
    }
    expect(statuses).toEqual([201, 201, 201, 201]);
    const tooLarge = await request(app.getHttpServer())
      .post('/codec/decode')
      .send({ payloads: [{ data: 'x'.repeat(5000) }] });
    expect(tooLarge.status).toBe(413);
    const elsewhere = await request(app.getHttpServer())
      .post('/things')
      .send({ ...validThing, padding: 'x'.repeat(2048) });
    expect(elsewhere.status).toBe(413);
  });
});
