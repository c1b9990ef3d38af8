import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { QueryFailedError } from 'typeorm';
import { classifyUnavailable } from './unavailable';

const grpcError = (code: number) =>
  Object.assign(new Error(`${code} grpc`), { code, details: 'grpc', metadata: {} });
const systemError = (code: string) =>
  Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });
const pgError = (code: string) =>
  Object.assign(new Error('pg says no'), { code, severity: 'FATAL' });

describe(classifyUnavailable.name, () => {
  it('sees Temporal away in a ServiceError, gRPC UNAVAILABLE/DEADLINE_EXCEEDED and an update timeout', () => {
    expect(classifyUnavailable(new ServiceError('down'))).toBe('temporal');
    expect(classifyUnavailable(grpcError(14))).toBe('temporal');
    expect(classifyUnavailable(grpcError(4))).toBe('temporal');
    expect(classifyUnavailable(new WorkflowUpdateRPCTimeoutOrCancelledError('timed out'))).toBe(
      'temporal',
    );
    expect(classifyUnavailable(new Error('wrapped', { cause: grpcError(14) }))).toBe('temporal');
  });

  it('does not take other gRPC codes for an outage', () => {
    expect(classifyUnavailable(grpcError(3))).toBeUndefined(); // INVALID_ARGUMENT
    expect(classifyUnavailable(grpcError(5))).toBeUndefined(); // NOT_FOUND
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND'])(
    'sees the database away on %s',
    (code) => expect(classifyUnavailable(systemError(code))).toBe('database'),
  );

  it.each(['57P01', '57P02', '57P03', '08000', '08003', '08006', '08P01', '53300'])(
    'sees the database away on SQLSTATE %s, also inside a TypeORM QueryFailedError',
    (code) => {
      expect(classifyUnavailable(pgError(code))).toBe('database');
      expect(classifyUnavailable(new QueryFailedError('SELECT 1', [], pgError(code)))).toBe(
        'database',
      );
    },
  );

  it('sees the database away on pg connection messages and inside an AggregateError', () => {
    expect(classifyUnavailable(new Error('Connection terminated unexpectedly'))).toBe('database');
    expect(classifyUnavailable(new Error('Connection terminated due to connection timeout'))).toBe(
      'database',
    );
    expect(classifyUnavailable(new Error('sorry, too many clients already'))).toBe('database');
    expect(
      classifyUnavailable(new AggregateError([systemError('ECONNREFUSED')], 'connect failed')),
    ).toBe('database');
  });

  it('leaves everything else alone', () => {
    expect(classifyUnavailable(new Error('boom'))).toBeUndefined();
    expect(classifyUnavailable(pgError('23505'))).toBeUndefined(); // unique violation
    expect(classifyUnavailable(new QueryFailedError('x', [], pgError('42P01')))).toBeUndefined();
    expect(classifyUnavailable('ECONNREFUSED')).toBeUndefined();
    expect(classifyUnavailable(null)).toBeUndefined();
    const cyclic: { cause?: unknown } = {};
    cyclic.cause = cyclic;
    expect(classifyUnavailable(cyclic)).toBeUndefined();
  });
});
