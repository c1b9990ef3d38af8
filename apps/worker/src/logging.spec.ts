import { failureText, redactedLogLine } from './logging';

describe(redactedLogLine.name, () => {
  it('writes the SDK’s log entries without personal data, however deep', () => {
    const error = Object.assign(
      new Error("Can't send mail - all recipients were rejected: 550 <ouders@gezin.example>"),
      { rejected: ['ouders@gezin.example'] },
    );
    const line = redactedLogLine({
      level: 'WARN',
      message: 'Activity failed for ouders@gezin.example',
      timestampNanos: 1_767_225_600_000_000_000n,
      meta: {
        activityType: 'sendLetter',
        workflowId: 'trajectory-CJG-2026-000123',
        error,
        attempt: 3n,
        input: [{ to: [{ role: 'client', id: 'client-0001' }], person: { name: 'Sam Jansen' } }],
        deeper: { a: { b: { c: { d: { bsn: '111222333', text: 'Vader slaat' } } } } },
      },
    });
    const secrets = ['ouders@gezin.example', 'Sam Jansen', '111222333', 'Vader slaat'];
    expect(secrets.filter((secret) => line.includes(secret))).toEqual([]);
    expect(line).toMatch(/^2026-01-01T00:00:00\.000Z \[WARN\] Activity failed for \[email\] \{/);
    expect(line).toContain('"workflowId":"trajectory-CJG-2026-000123"');
    expect(line).toContain('"id":"client-0001"');
    expect(line).toContain('"attempt":"3"');
    expect(line.endsWith('\n')).toBe(true);
  });
});

describe(failureText.name, () => {
  it('prints the stack without addresses', () => {
    const text = failureText(new Error('connect to a@b.nl failed'));
    expect(text).toMatch(/^Error: connect to \[email\] failed\n\s+at /);
    expect(failureText('plain a@b.nl')).toBe('string: plain [email]');
  });
});
