import type { CommandType } from '@cjg/domain';
import type { Principal } from '../auth/principal';
import { commandsFor as commandsOf } from '../processes/process-access';
import {
  canSeeTrajectory,
  commandRefusal,
  COMMAND_ROLES,
  TRAJECTORY_ACCESS,
} from './trajectory.access';

const commandsFor = (principal: Principal, allowed: readonly CommandType[]) =>
  commandsOf(TRAJECTORY_ACCESS, principal, allowed);

const coordinator: Principal = { sub: 'coord-a', role: 'coordinator', municipalities: ['0957'] };
const teamLead: Principal = { sub: 'lead-b', role: 'team-lead', municipalities: ['0957'] };
const provider: Principal = {
  sub: 'zorg-1',
  role: 'provider',
  municipalities: [],
  agbCode: '12345678',
};
const ops: Principal = { sub: 'ops-c', role: 'ops', municipalities: [] };
const roermond = { municipalityCode: '0957', providerAgbCodes: ['12345678'] };
const venlo = { municipalityCode: '0983', providerAgbCodes: ['87654321'] };

describe('trajectory access', () => {
  it('lets each role see its own cases only', () => {
    expect(canSeeTrajectory(coordinator, roermond)).toBe(true);
    expect(canSeeTrajectory(coordinator, venlo)).toBe(false);
    expect(canSeeTrajectory(teamLead, venlo)).toBe(false);
    expect(canSeeTrajectory(provider, roermond)).toBe(true);
    expect(canSeeTrajectory(provider, venlo)).toBe(false);
    expect(canSeeTrajectory(ops, venlo)).toBe(true);
  });

  it('gives ops no case command and the re-assessment request to nobody', () => {
    for (const roles of Object.values(COMMAND_ROLES)) expect(roles).not.toContain('ops');
    expect(COMMAND_ROLES.requestReassessment).toEqual([]);
  });

  it('refuses a provider acting for another AGB code or on a case it has no part in', () => {
    expect(commandRefusal(provider, 'startZorg', roermond, '12345678')).toBeUndefined();
    expect(commandRefusal(provider, 'startZorg', roermond, '87654321')).toBe(
      'a provider gives commands for its own AGB code only',
    );
    expect(commandRefusal(provider, 'startZorg', venlo, '12345678')).toBe(
      'this provider has no part in the trajectory',
    );
    expect(commandRefusal(provider, 'recordReview', roermond)).toBe(
      'the provider role may not give recordReview',
    );
  });

  it('keeps coordinators to their municipalities and team leads to reassigning', () => {
    expect(commandRefusal(coordinator, 'recordReview', roermond)).toBeUndefined();
    expect(commandRefusal(coordinator, 'recordReview', venlo)).toBe(
      'the trajectory belongs to a municipality outside the token scope',
    );
    expect(commandRefusal(coordinator, 'reassignCoordinator', roermond)).toBe(
      'the coordinator role may not give reassignCoordinator',
    );
    expect(commandRefusal(teamLead, 'reassignCoordinator', roermond)).toBeUndefined();
    expect(commandRefusal(teamLead, 'withdraw', roermond)).toBe(
      'the team-lead role may not give withdraw',
    );
  });

  it('offers each caller only the allowed commands it may give', () => {
    const allowed = ['recordReview', 'startZorg', 'reassignCoordinator'] as const;
    expect(commandsFor(provider, allowed)).toEqual(['startZorg']);
    expect(commandsFor(teamLead, allowed)).toEqual(['reassignCoordinator']);
    expect(commandsFor(ops, allowed)).toEqual([]);
  });
});
