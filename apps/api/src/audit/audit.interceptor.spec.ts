import { ForbiddenException, type CallHandler, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { firstValueFrom, of, throwError } from 'rxjs';
import type { Principal } from '../auth/principal';
import type { ApiConfig } from '../config';
import {
  AUDIT_ACTION,
  AuditInterceptor,
  noteAudit,
  readDetail,
  subjectOf,
} from './audit.interceptor';
import type { AuditEntry, AuditService } from './audit.service';

const coordinator: Principal = { sub: 'coord-a', role: 'coordinator', municipalities: ['0957'] };

/** One HTTP call as the interceptor sees it. */
function call(options: {
  action: string;
  clientIdParam?: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}) {
  const response = {
    statusCode: 200,
    locals: {} as Record<string, unknown>,
    getHeader: () => undefined,
  };
  const request = {
    principal: coordinator,
    params: options.params ?? {},
    query: options.query ?? {},
    body: options.body,
  };
  const handler = () => undefined;
  const context = {
    getHandler: () => handler,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ExecutionContext;
  Reflect.defineMetadata(
    AUDIT_ACTION,
    { action: options.action, clientIdParam: options.clientIdParam },
    handler,
  );
  return { context, response };
}

function interceptor(write: (entry: AuditEntry) => Promise<void>, auditReads = true) {
  const written: AuditEntry[] = [];
  const audit = {
    record: jest.fn(async (entry: AuditEntry) => {
      written.push(entry);
      await write(entry).catch(() => undefined);
    }),
    recordRead: jest.fn(async (entry: AuditEntry) => {
      written.push(entry);
      await write(entry);
    }),
  } as unknown as AuditService;
  const config = { audit: { auditReads } } as ApiConfig;
  return { subject: new AuditInterceptor(new Reflector(), audit, config), written, audit };
}

const answering = (body: unknown): CallHandler => ({ handle: () => of(body) });
const ok = async () => undefined;

describe(AuditInterceptor.name, () => {
  it('records a read of one case with who, the case number and the client its answer names', async () => {
    const { subject, written } = interceptor(ok);
    const { context } = call({ action: 'read:trajectory', params: { caseNumber: 'CJG-1' } });
    const view = { caseNumber: 'CJG-1', clientId: 'client-1', phase: 'intake', revision: 3 };
    expect(await firstValueFrom(subject.intercept(context, answering(view)))).toBe(view);
    expect(written).toEqual([
      expect.objectContaining({
        principal: coordinator,
        action: 'read:trajectory',
        caseNumber: 'CJG-1',
        clientId: 'client-1',
        outcome: 'accepted',
        statusCode: 200,
        detail: { phase: 'intake', revision: 3 },
      }),
    ]);
  });

  it('hands out no data when the read cannot be recorded (NEN 7513: no unlogged access)', async () => {
    const { subject } = interceptor(async () => {
      throw new Error('connect ECONNREFUSED');
    });
    const { context } = call({ action: 'read:trajectory', params: { caseNumber: 'CJG-1' } });
    await expect(
      firstValueFrom(subject.intercept(context, answering({ secret: true }))),
    ).rejects.toThrow('ECONNREFUSED');
  });

  it('still answers a command whose entry cannot be written: it has happened', async () => {
    const { subject } = interceptor(async () => {
      throw new Error('connect ECONNREFUSED');
    });
    const { context } = call({ action: 'command:withdraw', params: { caseNumber: 'CJG-1' } });
    expect(await firstValueFrom(subject.intercept(context, answering({ revision: 4 })))).toEqual({
      revision: 4,
    });
  });

  it('records a list with its filter and count, not its rows', async () => {
    const { subject, written } = interceptor(ok);
    const { context } = call({
      action: 'read:trajectories',
      query: { municipalityCode: '0957', phase: 'intake' },
    });
    const page = { total: 7, items: [{ caseNumber: 'CJG-1', clientId: 'client-1' }, {}] };
    await firstValueFrom(subject.intercept(context, answering(page)));
    expect(written[0]).toMatchObject({
      caseNumber: undefined,
      clientId: undefined,
      detail: { filter: { municipalityCode: '0957', phase: 'intake' }, count: 2, total: 7 },
    });
  });

  it('takes the count of a report, and the client of a registry route, from the handler', async () => {
    const { subject, written } = interceptor(ok);
    const report = call({ action: 'read:report:caseload', query: { from: '2026-01-01' } });
    noteAudit(report.response as never, { count: 12 });
    await firstValueFrom(subject.intercept(report.context, answering('a,b\r\n')));
    expect(written[0]?.detail).toEqual({ filter: { from: '2026-01-01' }, count: 12 });
    const client = call({ action: 'read:client', clientIdParam: 'id', params: { id: 'client-9' } });
    await firstValueFrom(subject.intercept(client.context, answering({ name: 'Sam' })));
    expect(written[1]).toMatchObject({ action: 'read:client', clientId: 'client-9' });
  });

  it('records a refused read with its outcome, without the filter, and passes the error on', async () => {
    const { subject, written } = interceptor(ok);
    const { context } = call({
      action: 'read:trajectory',
      params: { caseNumber: 'CJG-2' },
      query: { name: 'Jansen' },
    });
    const refusing: CallHandler = {
      handle: () => throwError(() => new ForbiddenException('outside the token scope')),
    };
    await expect(firstValueFrom(subject.intercept(context, refusing))).rejects.toThrow(
      'outside the token scope',
    );
    expect(written).toEqual([
      expect.objectContaining({
        caseNumber: 'CJG-2',
        outcome: 'forbidden',
        statusCode: 403,
        detail: { reasons: ['outside the token scope'] },
      }),
    ]);
  });

  it('skips reads only for the benchmark switch, and never commands', async () => {
    const { subject, written } = interceptor(ok, false);
    const read = call({ action: 'read:trajectory', params: { caseNumber: 'CJG-1' } });
    await firstValueFrom(subject.intercept(read.context, answering({})));
    const command = call({ action: 'command:withdraw', params: { caseNumber: 'CJG-1' } });
    await firstValueFrom(subject.intercept(command.context, answering({})));
    expect(written.map((e) => e.action)).toEqual(['command:withdraw']);
  });
});

describe('subjectOf', () => {
  it('files a call under the case number, else a command body’s, else the process id', () => {
    expect(subjectOf({ params: { caseNumber: 'VTO-1' }, body: {} } as never)).toBe('VTO-1');
    expect(
      subjectOf({ params: { transferId: 'gi-a.JB-1' }, body: { caseNumber: 'CJG-9' } } as never),
    ).toBe('CJG-9');
    expect(subjectOf({ params: { handoverId: 'VTH-2026-000001' } } as never)).toBe(
      'VTH-2026-000001',
    );
    expect(subjectOf({ params: { transferId: 'gi-a.JB-1' } } as never)).toBe('gi-a.JB-1');
    expect(subjectOf({ params: {} } as never)).toBeUndefined();
  });
});

describe('readDetail', () => {
  it('keeps the filter short: at most 20 keys of 100 characters', () => {
    const query = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [`k${i}`, 'x'.repeat(500)]),
    );
    const { filter } = readDetail({}, { query } as never) as { filter: Record<string, string> };
    expect(Object.keys(filter)).toHaveLength(20);
    expect(filter.k0).toHaveLength(100);
  });
});
