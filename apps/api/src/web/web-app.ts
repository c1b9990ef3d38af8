import path from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import helmet from 'helmet';
import type { WebConfig } from './web.config';

/** Where the werkplek (apps/web) is served: same origin as the API, so no CORS. */
export const WEB_APP_PATH = '/app';

export function isWebAppPath(requestPath: string): boolean {
  return requestPath === WEB_APP_PATH || requestPath.startsWith(`${WEB_APP_PATH}/`);
}

/**
 * The app's headers: its own scripts and styles only, API calls to this origin and the identity
 * provider (OIDC discovery and the token endpoint), never framed.
 */
export function webAppHeaders(web: WebConfig) {
  const identityProvider = web.oidc ? [new URL(web.oidc.authority).origin] : [];
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...identityProvider],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'", ...identityProvider],
        frameAncestors: ["'none'"],
      },
    },
  });
}

/**
 * Serves the app's build at /app/: its files (hashed assets cached for a year), and index.html
 * for every other path below /app/ so that a deep link (/app/zaken/CJG-…) opens the app, which
 * then shows the page. Without a build, /app/ answers 404 with how to build it.
 */
export function webAppRouter(web: WebConfig): Router {
  const router = express.Router();
  router.use((req: Request, res: Response, next: NextFunction) => {
    // Express matches /app and /app/ alike; only the bare one is sent on.
    if (req.path === WEB_APP_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
      res.redirect(301, `${WEB_APP_PATH}/`);
      return;
    }
    next();
  });
  const appDir = web.appDir;
  if (!appDir) {
    router.use(WEB_APP_PATH, (_req: Request, res: Response) => {
      res
        .status(404)
        .type('text/plain; charset=utf-8')
        .send('De werkplek is niet gebouwd: run npm run build (apps/web → dist/web).\n');
    });
    return router;
  }
  router.use(
    `${WEB_APP_PATH}/assets`,
    express.static(path.join(appDir, 'assets'), {
      index: false,
      immutable: true,
      maxAge: '365d',
      fallthrough: false,
    }),
  );
  router.use(WEB_APP_PATH, express.static(appDir, { index: false, maxAge: 0 }));
  router.use(WEB_APP_PATH, (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.accepts('html')) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(path.join(appDir, 'index.html'));
  });
  return router;
}
