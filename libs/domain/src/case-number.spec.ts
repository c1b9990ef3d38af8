import { caseNumberFromWorkflowId, isValidCaseNumber, trajectoryWorkflowId } from './case-number';

describe('case numbers', () => {
  it.each(['CJG-2026-000123', 'ABC', 'A1B2C3', '2026-7'])('accepts %s', (value) => {
    expect(isValidCaseNumber(value)).toBe(true);
  });

  it.each(['', 'AB', 'cjg-2026-1', 'CJG--1', '-CJG1', 'CJG1-', 'CJG 1', 'A'.repeat(41), 'CJG/1'])(
    'refuses %j',
    (value) => {
      expect(isValidCaseNumber(value)).toBe(false);
    },
  );

  it('derives a readable workflow id and reads it back', () => {
    const id = trajectoryWorkflowId('CJG-2026-000123');
    expect(id).toBe('trajectory-CJG-2026-000123');
    expect(caseNumberFromWorkflowId(id)).toBe('CJG-2026-000123');
  });

  it('refuses to derive a workflow id from an invalid case number', () => {
    expect(() => trajectoryWorkflowId('not a case')).toThrow(RangeError);
  });

  it('does not read a case number from another kind of workflow id', () => {
    expect(caseNumberFromWorkflowId('handover-VT-1')).toBeUndefined();
    expect(caseNumberFromWorkflowId('trajectory-lower-case')).toBeUndefined();
  });
});
