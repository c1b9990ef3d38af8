import type { NestExpressApplication } from '@nestjs/platform-express';
import type { INestApplication } from '@nestjs/common';
import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { IncomingMessage } from 'node:http';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { NextFunction, Request, Response } from 'express';
import { ANSWER_PAGE_STYLE_SOURCE, isAnswersPath } from './answers/answer-page';
import { authenticate } from './auth/auth.guard';
import { TokenVerifier } from './auth/token-verifier';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { isCodecPath, type HttpConfig } from './common/http.config';
import { accessLogMiddleware, pathOf, rootLogger } from './common/logger';
import {
  REQUEST_ID_HEADER,
  requestIdMiddleware,
  restoreRequestContext,
} from './common/request-context';
import { createValidationPipe } from './common/validation';
import { isWebAppPath, webAppHeaders, webAppRouter } from './web/web-app';
import type { WebConfig } from './web/web.config';

export const CORS_ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  REQUEST_ID_HEADER,
];
export const CORS_EXPOSED_HEADERS = [
  REQUEST_ID_HEADER,
  'Retry-After',
  'Location',
  'Idempotent-Replayed',
];

/** The JSON API loads nothing: the strictest policy. */
const apiHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
      frameAncestors: ["'none'"],
    },
  },
});

/** Swagger UI: its own scripts, inline styles, data: images; no https upgrade (local http). */
const docsHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: true,
    directives: {
      imgSrc: ["'self'", 'data:', 'https:'],
      upgradeInsecureRequests: null,
    },
  },
});

/**
 * The client answer pages (answers/): plain HTML forms that post to themselves; their one
 * stylesheet is inline and allowed by its hash, nothing else loads.
 */
const answerPageHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      styleSrc: [ANSWER_PAGE_STYLE_SOURCE],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
});

/** What the Temporal Web UI sends to a codec endpoint (Temporal's remote codec protocol). */
export const CODEC_CORS_ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'X-Namespace'];

export function isDocsPath(path: string): boolean {
  return path === '/docs' || path.startsWith('/docs/') || path.startsWith('/docs-');
}

/**
 * Everything a running API needs besides its modules and its logger; `main.ts` creates the app
 * with `bodyParser: false` so that the body parsers here (JSON, and URL-encoded forms for the
 * client answer pages), with their limit, are the only ones.
 */
export function configureApp(
  app: NestExpressApplication,
  http: HttpConfig,
  logger: Logger = rootLogger(),
  web?: WebConfig,
): void {
  // First: the request id, so that everything after it (logs, errors) carries it.
  app.use(requestIdMiddleware);
  app.use(accessLogMiddleware(logger));

  app.disable('x-powered-by');
  app.set('trust proxy', http.trustProxy);
  const appHeaders = web ? webAppHeaders(web) : apiHeaders;
  app.use((req: Request, res: Response, next: NextFunction) =>
    isDocsPath(req.path)
      ? docsHeaders(req, res, next)
      : isAnswersPath(req.path)
        ? answerPageHeaders(req, res, next)
        : isWebAppPath(req.path)
          ? appHeaders(req, res, next)
          : apiHeaders(req, res, next),
  );
  // The werkplek (apps/web), on the API's origin.
  if (web) app.use(webAppRouter(web));
  const apiCors: CorsOptions | undefined =
    http.corsOrigins === '*' || http.corsOrigins.length > 0
      ? {
          origin: http.corsOrigins === '*' ? '*' : [...http.corsOrigins],
          methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
          allowedHeaders: CORS_ALLOWED_HEADERS,
          exposedHeaders: CORS_EXPOSED_HEADERS,
          credentials: false,
          maxAge: 600,
        }
      : undefined;
  // The Temporal Web UI calls the codec routes from the user's browser, with the user's access
  // token and the namespace in headers, and with credentials when its codec settings include
  // them; only the UI's own origins, and only on these routes.
  const codecCors: CorsOptions | undefined =
    http.temporalUiOrigins.length > 0
      ? {
          origin: [...http.temporalUiOrigins],
          methods: ['POST'],
          allowedHeaders: CODEC_CORS_ALLOWED_HEADERS,
          exposedHeaders: [REQUEST_ID_HEADER],
          credentials: true,
          maxAge: 600,
        }
      : undefined;
  if (apiCors || codecCors) {
    app.enableCors((req: Request, callback: (error: Error | null, options: CorsOptions) => void) =>
      callback(null, (isCodecPath(req.path) ? codecCors : apiCors) ?? { origin: false }),
    );
  }
  // The codec routes carry whole payloads: their own, larger limit (CODEC_BODY_LIMIT), checked
  // before the general one; any other route keeps BODY_LIMIT.
  app.useBodyParser('json', {
    limit: http.codecBodyLimit,
    type: (req) => isCodecPath(pathOf(req)) && isJsonRequest(req),
  });
  app.useBodyParser('json', { limit: http.bodyLimit });
  // The client answer pages post HTML forms.
  app.useBodyParser('urlencoded', { limit: http.bodyLimit, extended: false });
  app.use(restoreRequestContext);

  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter({ retryAfterSeconds: http.retryAfterSeconds }));
  app.enableShutdownHooks();

  if (http.apiDocs === 'token') app.use(docsAccess(app.get(TokenVerifier)));
  if (http.apiDocs !== 'off') {
    SwaggerModule.setup('docs', app, openApiDocument(app), {
      jsonDocumentUrl: 'docs/openapi.json',
    });
  }
}

/** `API_DOCS=token`: /docs answers only to a valid access token (any role), as the API does. */
function docsAccess(verifier: TokenVerifier) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isDocsPath(req.path)) {
      next();
      return;
    }
    authenticate(verifier, req, res).then(
      () => next(),
      (error: unknown) => next(error),
    );
  };
}

function isJsonRequest(req: IncomingMessage): boolean {
  return /^application\/([\w.+-]*\+)?json\b/i.test(req.headers['content-type'] ?? '');
}

/**
 * The OpenAPI document of the app. `npm run openapi` writes it to docs/openapi.json; the e2e
 * tier compares that committed copy with what the running API serves, so drift fails the build.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('cjg-toegang')
      .setDescription(
        'Toegang trajectories of a Centrum voor Jeugd en Gezin, each run by a durable Temporal ' +
          'workflow. Every route but /health and the client answer pages under /answers (whose ' +
          "link's signed token is the credential) needs a bearer access token (a JWT, RS256/ES256, " +
          'typ at+jwt) whose `role` claim is coordinator, team-lead, provider, ops, veilig-thuis ' +
          'or gi, and whose `cjg_scope` claim carries `municipality:<CBS code>` entries ' +
          '(coordinator, team lead), one `agb:<AGB code>` (provider) or one `org:<id>` (partner ' +
          'liaison); the OAuth `scope` gives no data scope. Errors share one body: statusCode, ' +
          'error, message, details, requestId.',
      )
      .setVersion('0.1.0')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'An access token of the identity provider (locally: npm run token)',
      })
      .build(),
  );
}
