import { messagesOf } from '../../problems';
import { allowedCommands, commandProblems, commandStateProblems, projectionOf } from '.';
import { at, fresh, monitored, run, text } from './fixtures';

describe('drang (002 §3.6, §5.6)', () => {
  it('registers the case as drang once, in any open phase, without a letter', () => {
    const s = monitored();
    expect(allowedCommands(s)).toContain('markDrang');
    const reason = text(11);
    const effects = run(
      s,
      { type: 'markDrang', since: '2026-11-20', source: 'basisvoorziening', reason },
      at('2026-12-02'),
    );
    expect(effects).toEqual([]);
    expect(s.drang).toEqual({
      since: '2026-11-20',
      source: 'basisvoorziening',
      reason,
      markedAt: at('2026-12-02').toISOString(),
    });
    expect(projectionOf(s, 'wf')).toMatchObject({
      drangSince: '2026-11-20',
      drangSource: 'basisvoorziening',
    });
    expect(messagesOf(commandStateProblems(s, 'markDrang'))).toEqual([
      'the trajectory is already registered as drang',
    ]);
  });

  it('refuses a date after today, an unknown source and the concerns as text', () => {
    expect(
      messagesOf(
        commandProblems(
          fresh(),
          {
            type: 'markDrang',
            since: '2026-12-01',
            source: 'school' as never,
            reason: 'zorgen' as never,
          },
          at('2026-11-24'),
        ),
      ),
    ).toEqual([
      'since must not be after today (2026-11-24)',
      'source must be one of basisvoorziening, zorgaanbieder, veilig-thuis, cjg',
      expect.stringMatching(/^reason \(the concerns\) must be a reference to a stored text/),
    ]);
  });
});
