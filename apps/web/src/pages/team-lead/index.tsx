import type { Area } from '../../routes';

/** The team lead and ops: caseload, reassignment, reports, re-assessment batches, destruction (pages/team-lead). */
export const teamLeadArea: Area = {
  routes: [],
  menu: [],
};
