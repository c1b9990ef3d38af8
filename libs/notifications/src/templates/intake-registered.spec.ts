import { renderIntakeRegistered } from './intake-registered';

describe(renderIntakeRegistered.name, () => {
  const letter = renderIntakeRegistered({
    coordinatorName: 'Anna de Vries',
    caseNumber: 'CJG-2026-000123',
    gemeente: 'gemeente Roermond',
  });

  it('names the case in a Dutch subject', () => {
    expect(letter.subject).toBe('Nieuwe aanmelding geregistreerd: casus CJG-2026-000123');
  });

  it('names the municipality, not its code', () => {
    expect(letter.text).toContain('(gemeente Roermond)');
    expect(letter.text).not.toContain('0957');
  });

  it('addresses the coordinator in both parts', () => {
    expect(letter.text).toContain('Beste Anna de Vries,');
    expect(letter.html).toContain('<p>Beste Anna de Vries,</p>');
    expect(letter.html).toContain('lang="nl"');
  });

  it('escapes HTML in names', () => {
    const html = renderIntakeRegistered({
      coordinatorName: '<script>x</script> & co',
      caseNumber: 'CJG-1-2',
      gemeente: 'gemeente Roermond',
    }).html;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt; &amp; co');
  });
});
