import { hostname } from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Level, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { errorSummary, redactPersonalData, withoutPersonalText } from '@cjg/domain';
import { currentRequestId, requestIdOf } from './request-context';

const LEVELS: readonly string[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface LoggerOptions {
  level: Level | 'silent';
  pretty: boolean;
}

/** LOG_LEVEL (default info) and LOG_FORMAT (`json`, or `text`/`pretty`; default: text on a TTY). */
export function loggerOptionsFromEnv(
  env: NodeJS.ProcessEnv,
  isTty = Boolean(process.stdout.isTTY),
): LoggerOptions {
  const level = (env.LOG_LEVEL?.trim() || 'info').toLowerCase();
  if (!LEVELS.includes(level)) {
    throw new Error(
      `LOG_LEVEL must be one of ${LEVELS.join(', ')}, got ${JSON.stringify(env.LOG_LEVEL)}`,
    );
  }
  const format = env.LOG_FORMAT?.trim().toLowerCase() || (isTty ? 'text' : 'json');
  if (!['json', 'text', 'pretty'].includes(format)) {
    throw new Error(
      `LOG_FORMAT must be json, text or pretty, got ${JSON.stringify(env.LOG_FORMAT)}`,
    );
  }
  return { level: level as LoggerOptions['level'], pretty: format !== 'json' };
}

/** One pino logger; every line written while serving a request carries its `requestId`. */
export function createLogger(options: LoggerOptions, destination?: DestinationStream): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'cjg-api', pid: process.pid, hostname: hostname() },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        // Bodies, query strings and headers are never logged; this is the safety net for an
        // object that slips into a log call anyway: personal data and credentials out at any
        // depth, errors as type, message, code and stack only (pg and TypeORM errors carry
        // query parameters).
        log: (object) => redactPersonalData(object) as Record<string, unknown>,
        bindings: (bindings) => redactPersonalData(bindings) as Record<string, unknown>,
      },
      serializers: {
        // Already summarised by the formatter; this keeps pino's own error serializer away.
        err: (value: unknown) => (value instanceof Error ? errorSummary(value) : value),
        // The message too: no e-mail address or bearer token in it.
        msg: (value: unknown) =>
          typeof value === 'string' ? withoutPersonalText(value) : redactPersonalData(value),
      },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    destination ??
      (options.pretty
        ? textDestination(process.stdout)
        : pino.destination({ dest: 1, sync: true })),
  );
}

let root: Logger | undefined;

/**
 * The process's logger: made on first use, with `options` (LOG_LEVEL and LOG_FORMAT as the
 * configuration read them), or before the configuration is read with the defaults.
 */
export function rootLogger(options?: LoggerOptions): Logger {
  root ??= createLogger(options ?? { level: 'info', pretty: Boolean(process.stdout.isTTY) });
  return root;
}

export { errorSummary };

type NestLevel = 'log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';

const PINO_LEVEL: Record<NestLevel, Level> = {
  log: 'info',
  error: 'error',
  warn: 'warn',
  debug: 'debug',
  verbose: 'trace',
  fatal: 'fatal',
};

const STACK = /\n\s+at /;

/** Nest's logger interface over pino: `app.useLogger(new PinoLoggerService(rootLogger()))`. */
export class PinoLoggerService implements LoggerService {
  constructor(private readonly logger: Logger) {}

  readonly log = this.at('log');
  readonly error = this.at('error');
  readonly warn = this.at('warn');
  readonly debug = this.at('debug');
  readonly verbose = this.at('verbose');
  readonly fatal = this.at('fatal');

  /** Nest's method for one level: `(message, ...params)`, written at its pino level. */
  private at(level: NestLevel): (message: unknown, ...params: unknown[]) => void {
    return (message, ...params) => this.write(level, message, params);
  }

  private write(level: NestLevel, message: unknown, params: unknown[]): void {
    const pinoLevel = PINO_LEVEL[level];
    if (!this.logger.isLevelEnabled(pinoLevel)) return;
    const rest = [...params];
    // Nest passes the context last; `error(message, stack?, context?)` may also carry a stack.
    let context: string | undefined;
    let stack: string | undefined;
    const last = rest[rest.length - 1];
    if (typeof last === 'string' && !(level === 'error' && rest.length === 1 && STACK.test(last))) {
      context = last;
      rest.pop();
    }
    if (level === 'error' && typeof rest[0] === 'string' && STACK.test(rest[0])) {
      stack = rest.shift() as string;
    }
    const fields: Record<string, unknown> = {};
    if (context) fields.context = context;
    let msg: string | undefined;
    if (message instanceof Error) {
      fields.err = errorSummary(message);
      msg = message.message;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(fields, message);
    } else {
      msg = String(message);
    }
    if (stack) fields.stack = stack;
    const extra = rest.filter((value) => value !== undefined);
    if (extra.length > 0) fields.extra = extra;
    if (msg === undefined) this.logger[pinoLevel](fields);
    else this.logger[pinoLevel](fields, msg);
  }
}

type AccessRequest = IncomingMessage & {
  originalUrl?: string;
  route?: { path?: unknown };
  principal?: { sub?: unknown; role?: unknown };
};

/** The path without its query string: ids only, never the search terms. */
export function pathOf(req: { originalUrl?: string; url?: string }): string {
  return (req.originalUrl ?? req.url ?? '').split('?')[0] ?? '';
}

/** Health probes are too many and too dull to log or throttle. */
export function isHealthPath(path: string): boolean {
  return path === '/health' || path.startsWith('/health/');
}

/** The access log line's fields: what was asked, by whom (ids only), how it ended. */
export function accessLogFields(
  req: AccessRequest,
  res: ServerResponse,
  durationMs: number,
): Record<string, unknown> {
  const route = typeof req.route?.path === 'string' ? req.route.path : undefined;
  const principal = req.principal;
  const actor =
    principal && typeof principal === 'object'
      ? {
          ...(typeof principal.sub === 'string' ? { sub: principal.sub } : {}),
          ...(typeof principal.role === 'string' ? { role: principal.role } : {}),
        }
      : undefined;
  return {
    context: 'HTTP',
    requestId: requestIdOf(req) ?? currentRequestId(),
    method: req.method,
    path: pathOf(req),
    ...(route ? { route } : {}),
    status: res.statusCode,
    durationMs,
    ...(actor && Object.keys(actor).length > 0 ? { actor } : {}),
    ...(res.writableFinished ? {} : { aborted: true }),
  };
}

/** One access log line per request (health probes excepted); nothing of the body or query. */
export function accessLogMiddleware(logger: Logger) {
  return pinoHttp<AccessRequest, ServerResponse>({
    logger,
    // No request/response objects on the logger: they would carry headers and query strings.
    serializers: { req: () => undefined, res: () => undefined, err: () => undefined },
    wrapSerializers: false,
    genReqId: (req) => requestIdOf(req) ?? currentRequestId() ?? 'unknown',
    autoLogging: { ignore: (req) => isHealthPath(pathOf(req)) },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    customSuccessObject: (req, res, value: { responseTime: number }) =>
      accessLogFields(req, res, value.responseTime),
    customErrorObject: (req, res, _error, value: { responseTime: number }) =>
      accessLogFields(req, res, value.responseTime),
  });
}

const LEVEL_LABEL: Record<string, string> = {
  trace: 'TRACE',
  debug: 'DEBUG',
  info: 'INFO ',
  warn: 'WARN ',
  error: 'ERROR',
  fatal: 'FATAL',
};

/** `LOG_FORMAT=text`: one readable line per entry (a stack follows on its own lines). */
export function formatTextLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const {
    time,
    level,
    msg,
    context,
    requestId,
    service: _s,
    pid: _p,
    hostname: _h,
    ...rest
  } = entry;
  const err = rest.err as { stack?: unknown } | undefined;
  let stack = typeof rest.stack === 'string' ? rest.stack : undefined;
  delete rest.stack;
  if (err && typeof err.stack === 'string') {
    stack = err.stack;
    const { stack: _stack, ...summary } = err;
    rest.err = summary;
  }
  const clock = typeof time === 'string' ? time.slice(11, 23) : '';
  const parts = [
    clock,
    LEVEL_LABEL[String(level)] ?? String(level).toUpperCase(),
    context ? `[${String(context)}]` : '',
    msg !== undefined ? String(msg) : '',
    Object.keys(rest).length > 0 ? JSON.stringify(rest) : '',
    requestId ? `(${String(requestId)})` : '',
  ].filter((part) => part !== '');
  return `${parts.join(' ')}\n${stack ? `${stack}\n` : ''}`;
}

function textDestination(out: NodeJS.WritableStream): DestinationStream {
  return { write: (line: string) => void out.write(formatTextLine(line)) };
}
