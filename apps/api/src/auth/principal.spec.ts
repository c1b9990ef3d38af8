import { principalFromClaims, PrincipalError } from './principal';

describe('principalFromClaims', () => {
  it('reads role and scopes', () => {
    expect(
      principalFromClaims({
        sub: 'coord-a',
        role: 'coordinator',
        cjg_scope: ['municipality:0957', 'municipality:0983', 'openid'],
      }),
    ).toEqual({ sub: 'coord-a', role: 'coordinator', municipalities: ['0957', '0983'] });
    expect(
      principalFromClaims({ sub: 'zorg-1', role: 'provider', cjg_scope: 'agb:12345678' }),
    ).toEqual({ sub: 'zorg-1', role: 'provider', municipalities: [], agbCode: '12345678' });
    expect(principalFromClaims({ sub: 'ops-c', role: 'ops' }).role).toBe('ops');
    expect(
      principalFromClaims({ sub: 'vt-1', role: 'veilig-thuis', cjg_scope: ['org:vt-limburg'] }),
    ).toEqual({
      sub: 'vt-1',
      role: 'veilig-thuis',
      municipalities: [],
      organisationId: 'vt-limburg',
    });
  });

  it.each([
    [{ role: 'ops' }, /subject/],
    [{ sub: 'x-1', role: 'admin' }, /role must be one of/],
    [{ sub: 'coord-a', role: 'coordinator' }, /municipality:<code> scope/],
    [{ sub: 'coord-a', role: 'team-lead', cjg_scope: 'municipality:957' }, /municipality/],
    [{ sub: 'zorg-1', role: 'provider', cjg_scope: ['agb:1234'] }, /one agb:<code> scope/],
    [{ sub: 'zorg-1', role: 'provider', cjg_scope: 'agb:12345678 agb:87654321' }, /one agb/],
    [{ sub: 'gi-1', role: 'gi' }, /one org:<organisation id> scope/],
    // The OAuth scope is what a client asks for itself: it gives no data scope.
    [{ sub: 'coord-a', role: 'coordinator', scope: 'municipality:0957' }, /municipality/],
    [{ sub: 'zorg-1', role: 'provider', scope: 'agb:12345678' }, /one agb/],
    [{ sub: 'gi-1', role: 'gi', scope: 'org:gi-limburg' }, /one org/],
  ])('refuses %j', (claims, message) => {
    expect(() => principalFromClaims(claims)).toThrow(PrincipalError);
    expect(() => principalFromClaims(claims)).toThrow(message);
  });
});
