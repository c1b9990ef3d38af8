import {
  errorSummary,
  isPersonalDataField,
  redactPersonalData,
  withoutPersonalText,
} from './personal-data';

describe(redactPersonalData.name, () => {
  it('redacts personal fields at any depth and in arrays, keeping ids and codes', () => {
    const deep: Record<string, unknown> = { name: 'Jan' };
    let level = deep;
    for (let i = 0; i < 9; i++) {
      level.next = { bsn: '111222333', id: `level-${i}` };
      level = level.next as Record<string, unknown>;
    }
    expect(redactPersonalData(deep)).toMatchObject({
      name: '[redacted]',
      next: { bsn: '[redacted]', id: 'level-0', next: { next: { next: { bsn: '[redacted]' } } } },
    });
    expect(
      redactPersonalData({
        items: [[{ EMAIL: 'a@b.nl', 'date-of-birth': '2015-01-01', agbCode: '12345678' }]],
      }),
    ).toEqual({
      items: [[{ EMAIL: '[redacted]', 'date-of-birth': '[redacted]', agbCode: '12345678' }]],
    });
  });

  it('blanks addresses and bearer tokens in any text, also under harmless keys', () => {
    expect(
      redactPersonalData({ detail: ['to <x.y@z.example> and p@q.nl', 'Bearer a.b.c'] }),
    ).toEqual({ detail: ['to <[email]> and [email]', 'Bearer [redacted]'] });
  });

  it('summarises errors, cuts cycles and depth, keeps dates and JSON forms', () => {
    const cyclic: Record<string, unknown> = { id: 'c-1' };
    cyclic.self = cyclic;
    const shared = { id: 's' };
    const error = Object.assign(new Error('duplicate key x@y.nl'), {
      code: '23505',
      parameters: ['111222333'],
    });
    const at = new Date('2026-01-02T03:04:05Z');
    const redacted = redactPersonalData({
      cyclic,
      pair: [shared, shared],
      error,
      at,
      money: { toJSON: () => ({ amount: 5, note: 'voor Jan' }) },
      fn: () => 1,
    }) as Record<string, unknown>;
    expect(redacted.cyclic).toEqual({ id: 'c-1', self: '[circular]' });
    expect(redacted.pair).toEqual([{ id: 's' }, { id: 's' }]);
    expect(redacted.error).toEqual({
      type: 'Error',
      message: 'duplicate key [email]',
      code: '23505',
      stack: expect.stringContaining('duplicate key [email]'),
    });
    expect(JSON.stringify(redacted)).not.toContain('111222333');
    expect(redacted.at).toBe(at);
    expect(redacted.money).toEqual({ amount: 5, note: '[redacted]' });
    let deep: unknown = 'bottom';
    for (let i = 0; i < 20; i++) deep = { down: deep };
    expect(JSON.stringify(redactPersonalData(deep))).toContain('[too deep]');
  });
});

describe(isPersonalDataField.name, () => {
  it.each(['name', 'Email', 'email_address', 'accessToken', 'client_secret', 'PASSWORD', 'text'])(
    '%s is personal or a credential',
    (field) => expect(isPersonalDataField(field)).toBe(true),
  );
  it.each(['caseNumber', 'clientId', 'agbCode', 'municipalityCode', 'requestId', 'reason', 'jti'])(
    '%s is not',
    (field) => expect(isPersonalDataField(field)).toBe(false),
  );
});

describe(errorSummary.name, () => {
  it('takes anything thrown', () => {
    expect(errorSummary('to a@b.nl')).toEqual({ type: 'string', message: 'to [email]' });
  });
  it('keeps the text without addresses', () => {
    expect(withoutPersonalText('<a.b@c.example>: rejected')).toBe('<[email]>: rejected');
  });
});
