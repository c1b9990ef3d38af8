import 'reflect-metadata';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { OpenAPIObject, OperationObject, ParameterObject } from '@nestjs/swagger';

/**
 * The OpenAPI document states what the API enforces (issue 16): docs/openapi.json, which the e2e
 * tier proves is the document the running API serves, read against the controllers' own
 * metadata. A new route that forgets an answer it can give, or a path parameter taken without
 * its rule, fails here.
 */
const root = path.resolve(__dirname, '../../../..');
const document = JSON.parse(
  readFileSync(path.join(root, 'docs/openapi.json'), 'utf8'),
) as OpenAPIObject;

interface Operation {
  method: string;
  path: string;
  operation: OperationObject;
}

const operations: Operation[] = Object.entries(document.paths).flatMap(([route, item]) =>
  Object.entries(item)
    .filter(([method]) => ['get', 'put', 'post', 'patch', 'delete'].includes(method))
    .map(([method, operation]) => ({
      method: method.toUpperCase(),
      path: route,
      operation: operation as OperationObject,
    })),
);

const name = ({ method, path: route }: Operation) => `${method} ${route}`;
const statuses = ({ operation }: Operation) => Object.keys(operation.responses);
const parameters = ({ operation }: Operation) => (operation.parameters ?? []) as ParameterObject[];
const protectedRoutes = operations.filter(({ operation }) => operation.security !== undefined);
/** Routes that take a body may be refused by the body parsers before they are reached. */
const withBody = operations.filter(({ path: route }) => route !== '/health');
const idempotent = operations.filter((op) =>
  parameters(op).some((p) => p.in === 'header' && p.name === 'Idempotency-Key'),
);
/** `POST /<process>/{id}/<command>`: a workflow update behind a route. */
const commands = idempotent.filter(({ path: route }) =>
  /^\/[a-z]+\/\{[A-Za-z]+\}\/[a-z-]+$/.test(route),
);

describe('the OpenAPI document', () => {
  it('lists every route of every controller, under its operation', () => {
    const documented = new Set(operations.map(name));
    const missing = controllerRoutes().filter((route) => !documented.has(route));
    expect(missing).toEqual([]);
    expect(operations.length).toBeGreaterThan(60);
  });

  it.each(protectedRoutes.map((op) => [name(op), op] as const))(
    '%s: documents the answers of every protected route',
    (_name, op) => {
      expect(statuses(op)).toEqual(expect.arrayContaining(['400', '401', '403', '429', '503']));
    },
  );

  it.each(withBody.map((op) => [name(op), op] as const))(
    '%s: documents what the body parsers refuse',
    (_name, op) => {
      expect(statuses(op)).toEqual(expect.arrayContaining(['413', '415']));
    },
  );

  it.each(operations.map((op) => [name(op), op] as const))(
    '%s: every path parameter states its pattern',
    (_name, op) => {
      for (const parameter of parameters(op).filter((p) => p.in === 'path')) {
        expect({
          parameter: parameter.name,
          pattern: (parameter.schema as { pattern?: unknown } | undefined)?.pattern,
        }).toEqual({ parameter: parameter.name, pattern: expect.any(String) });
      }
    },
  );

  it.each(
    operations
      .filter((op) => op.method !== 'PUT' && parameters(op).some((p) => p.in === 'path'))
      .map((op) => [name(op), op] as const),
  )('%s: a route that reads or acts on an id documents 404', (_name, op) => {
    expect(statuses(op)).toContain('404');
  });

  it.each(idempotent.map((op) => [name(op), op] as const))(
    '%s: a key used for another request is a 422',
    (_name, op) => {
      expect(statuses(op)).toContain('422');
    },
  );

  it.each(commands.map((op) => [name(op), op] as const))(
    '%s: a command documents its refusals (404, 409, 422) and its 200',
    (_name, op) => {
      expect(statuses(op)).toEqual(expect.arrayContaining(['200', '404', '409', '422']));
    },
  );

  it('finds the command routes by their literal paths', () => {
    expect(commands.map(name)).toEqual(
      expect.arrayContaining([
        'POST /trajectories/{caseNumber}/record-review',
        'POST /handovers/{handoverId}/plan-meeting',
        'POST /transfers/{transferId}/record-outcome',
        'POST /vtos/{caseNumber}/record-decision',
      ]),
    );
  });

  it('validates every path parameter a controller takes (a pipe, or the route checks it)', () => {
    expect(unvalidatedPathParameters()).toEqual([]);
  });
});

type Controller = new (...args: never[]) => unknown;
type Handler = (...args: unknown[]) => unknown;

/** Every controller class of apps/api (the files named `*.controller.ts`). */
function controllers(): Controller[] {
  const dir = path.resolve(__dirname, '..');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('.controller.ts'),
  );
  // Found by file name, so a new controller is checked without being listed here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const load = (file: string) => require(path.join(dir, file)) as Record<string, unknown>;
  return files.flatMap((file) =>
    Object.values(load(file)).filter(
      (value): value is Controller =>
        typeof value === 'function' && Reflect.getMetadata(PATH_METADATA, value) !== undefined,
    ),
  );
}

function handlers(controller: Controller): ReadonlyArray<readonly [string, Handler]> {
  const prototype = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype)
    .filter((key) => key !== 'constructor' && typeof prototype[key] === 'function')
    .map((key) => [key, prototype[key] as Handler] as const)
    .filter(([, handler]) => Reflect.getMetadata(PATH_METADATA, handler) !== undefined);
}

/** `GET /trajectories/{caseNumber}` for every handler, as the document writes its paths. */
function controllerRoutes(): string[] {
  return controllers().flatMap((controller) => {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    return handlers(controller).map(([, handler]) => {
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const route = [base, String(Reflect.getMetadata(PATH_METADATA, handler))]
        .flatMap((part) => part.split('/'))
        .filter((part) => part !== '')
        .map((part) => (part.startsWith(':') ? `{${part.slice(1)}}` : part))
        .join('/');
      return `${method} /${route}`;
    });
  });
}

/** `Controller.handler(:param)` for a path parameter taken without a pipe. */
function unvalidatedPathParameters(): string[] {
  return controllers().flatMap((controller) =>
    handlers(controller).flatMap(([key]) => {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, key) ?? {}) as Record<
        string,
        { data?: unknown; pipes?: unknown[] }
      >;
      return (
        Object.entries(args)
          .filter(([id, arg]) => id.startsWith(`${RouteParamtypes.PARAM}:`) && !arg.pipes?.length)
          // The answer pages check their case number themselves and answer with a page.
          .filter(() => controller.name !== 'AnswersController')
          .map(([, arg]) => `${controller.name}.${key}(:${String(arg.data)})`)
      );
    }),
  );
}
