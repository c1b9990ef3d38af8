import { familyAddressees, hasReachedAge, ownLetterAge } from './family-addressees';

describe(familyAddressees.name, () => {
  const client = {
    id: 'client-0001',
    name: 'Sam Jansen',
    email: 'sam@example.nl',
    dateOfBirth: '2010-06-15',
  };
  const carers = [
    { position: 2, name: 'Peter Jansen', email: 'peter@example.nl' },
    { position: 1, name: 'Maria Jansen', email: 'maria@example.nl' },
  ];

  it('without carers, keeps the client’s own address, whatever the age', () => {
    expect(
      familyAddressees({ ...client, dateOfBirth: '2020-01-01' }, [], 16, '2026-12-01'),
    ).toEqual([{ ref: 'client:client-0001', name: 'Sam Jansen', email: 'sam@example.nl' }]);
  });

  it('sends to every carer, each under its own reference, and not to a young person under the age', () => {
    expect(familyAddressees(client, carers, 16, '2026-06-14')).toEqual([
      { ref: 'client:client-0001/carer:1', name: 'Maria Jansen', email: 'maria@example.nl' },
      { ref: 'client:client-0001/carer:2', name: 'Peter Jansen', email: 'peter@example.nl' },
    ]);
  });

  it('adds the young person from his birthday at the policy’s age', () => {
    const on = familyAddressees(client, carers, 16, '2026-06-15');
    expect(on.map((a) => a.ref)).toEqual([
      'client:client-0001/carer:1',
      'client:client-0001/carer:2',
      'client:client-0001',
    ]);
    expect(familyAddressees(client, carers, 18, '2026-06-15')).toHaveLength(2);
  });

  it('skips a carer without an address, and a young person without his date of birth or address', () => {
    const some = [{ ...carers[0]!, email: null }, carers[1]!];
    expect(familyAddressees({ ...client, dateOfBirth: null }, some, 16, '2030-01-01')).toEqual([
      { ref: 'client:client-0001/carer:1', name: 'Maria Jansen', email: 'maria@example.nl' },
    ]);
    expect(familyAddressees({ ...client, email: null }, some, 16, '2030-01-01')).toHaveLength(1);
  });

  it('leaves one addressee without an address when nobody of the family can be reached', () => {
    const none = carers.map((c) => ({ ...c, email: null }));
    expect(
      familyAddressees({ ...client, dateOfBirth: '2020-01-01' }, none, 16, '2026-12-01'),
    ).toEqual([{ ref: 'client:client-0001', name: 'Sam Jansen', email: null }]);
  });
});

describe(hasReachedAge.name, () => {
  it('counts from the birthday itself, not the day before', () => {
    expect(hasReachedAge('2008-02-29', 16, '2024-02-28')).toBe(false);
    expect(hasReachedAge('2008-02-29', 16, '2024-02-29')).toBe(true);
    expect(hasReachedAge('2009-12-31', 16, '2025-12-30')).toBe(false);
    expect(hasReachedAge('2009-12-31', 16, '2026-01-01')).toBe(true);
  });
});

describe(ownLetterAge.name, () => {
  const sam = { id: 'c-1', name: 'Sam', email: 'sam@example.nl', dateOfBirth: '2013-06-15' };
  const carers = [{ position: 1, name: 'Maria', email: 'maria@example.nl' }];

  it('asks a young person of 13 about the help himself, but sends him no other letter before 16 (004)', () => {
    const on = '2026-12-01';
    expect(familyAddressees(sam, carers, ownLetterAge(true, 16), on).map((a) => a.ref)).toEqual([
      'client:c-1/carer:1',
      'client:c-1',
    ]);
    expect(familyAddressees(sam, carers, ownLetterAge(false, 16), on).map((a) => a.ref)).toEqual([
      'client:c-1/carer:1',
    ]);
    // A policy that writes to the young person earlier than 12 is not moved up.
    expect(ownLetterAge(true, 12)).toBe(12);
  });
});
