import type { Principal } from '../auth/principal';
import {
  managesCoordinator,
  managesTeamIn,
  reachesClient,
  readsCoordinator,
  type CoordinatorFacts,
} from './registry-access';

const roermond: Principal = { sub: 'coord-r', role: 'coordinator', municipalities: ['0957'] };
const amsterdam: Principal = { sub: 'coord-a', role: 'coordinator', municipalities: ['0363'] };
const leadRoermond: Principal = { sub: 'lead-r', role: 'team-lead', municipalities: ['0957'] };
const leadAmsterdam: Principal = { sub: 'lead-a', role: 'team-lead', municipalities: ['0363'] };
const ops: Principal = { sub: 'ops-c', role: 'ops', municipalities: [] };
const provider: Principal = {
  sub: 'zorg-1',
  role: 'provider',
  municipalities: [],
  agbCode: '12345678',
};

describe('reachesClient', () => {
  it('gives a coordinator the clients with a case, open or closed, in its municipalities', () => {
    const facts = { caseMunicipalities: ['0957'], registeredMunicipalities: ['0363'] };
    expect(reachesClient(roermond, facts)).toBe(true);
    // Registering it gave Amsterdam access until a case named it; the case is in Roermond.
    expect(reachesClient(amsterdam, facts)).toBe(false);
    expect(reachesClient(ops, facts)).toBe(true);
    expect(reachesClient(provider, facts)).toBe(false);
    expect(reachesClient(leadRoermond, facts)).toBe(false);
  });

  it('gives the registering municipalities a client no case names yet', () => {
    const fresh = { caseMunicipalities: [], registeredMunicipalities: ['0363'] };
    expect(reachesClient(amsterdam, fresh)).toBe(true);
    expect(reachesClient(roermond, fresh)).toBe(false);
    // Registered before it was recorded by whom: ops only, until a case names it.
    expect(
      reachesClient(amsterdam, { caseMunicipalities: [], registeredMunicipalities: null }),
    ).toBe(false);
  });
});

describe('coordinators and teams', () => {
  const anna: CoordinatorFacts = {
    id: 'coord-anna',
    teamMunicipality: '0957',
    caseMunicipalities: ['0957', '0363'],
  };

  it('lets a team lead change only the coordinators of its municipalities’ teams', () => {
    expect(managesCoordinator(leadRoermond, anna)).toBe(true);
    // A case in Amsterdam gives its lead no right to change Anna's address.
    expect(managesCoordinator(leadAmsterdam, anna)).toBe(false);
    expect(managesCoordinator(leadRoermond, { ...anna, teamMunicipality: null })).toBe(false);
    expect(managesCoordinator(ops, { ...anna, teamMunicipality: null })).toBe(true);
  });

  it('shows a coordinator to itself and to those who work with it', () => {
    expect(readsCoordinator(leadAmsterdam, anna)).toBe(true);
    const loner = { id: 'coord-anna', teamMunicipality: null, caseMunicipalities: [] };
    expect(readsCoordinator(roermond, loner)).toBe(false);
    expect(readsCoordinator({ ...roermond, sub: 'coord-anna' }, loner)).toBe(true);
    expect(readsCoordinator(ops, loner)).toBe(true);
    expect(readsCoordinator(provider, anna)).toBe(false);
  });

  it('lets a team lead manage the teams of its municipalities only', () => {
    expect(managesTeamIn(leadRoermond, '0957')).toBe(true);
    expect(managesTeamIn(leadRoermond, '0363')).toBe(false);
    expect(managesTeamIn(leadRoermond, null)).toBe(false);
    expect(managesTeamIn(ops, null)).toBe(true);
    expect(managesTeamIn(roermond, '0957')).toBe(false);
  });
});
