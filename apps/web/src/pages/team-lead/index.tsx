import { lazy } from 'react';
import { REPORT_TEXTS } from '../../texts/reports';
import type { Area, RouteDef } from '../../routes';
import { REPORT_ORDER } from './report-routes';

const Caseload = lazy(() => import('./caseload'));
const CoordinatorCases = lazy(() => import('./coordinator-cases'));
const Reassign = lazy(() => import('./reassign'));
const Reports = lazy(() => import('./reports'));
const ReportPage = lazy(() => import('./report-page'));
const OpsCases = lazy(() => import('./ops-cases'));
const Reassessments = lazy(() => import('./reassessments'));
const ReassessmentBatch = lazy(() => import('./reassessment-batch'));
const DestructionPage = lazy(() => import('./destruction'));
const RegistryPage = lazy(() => import('./registry'));

/**
 * The team lead and ops (pages/team-lead). The team lead starts at the caseload, opens a
 * coordinator's cases and moves a case to another coordinator; both read the reports. Ops start
 * at all cases (each linked to its workflow in the Temporal Web UI), run re-assessment batches
 * and carry out destructions on request. The API decides again on every call.
 */
export const teamLeadArea: Area = {
  routes: [
    { path: '/', roles: ['team-lead'], render: () => <Caseload /> },
    { path: '/', roles: ['ops'], render: () => <OpsCases /> },
    { path: '/caseload', roles: ['team-lead', 'ops'], render: () => <Caseload /> },
    {
      path: '/caseload/:coordinatorId',
      roles: ['team-lead', 'ops'],
      render: ({ coordinatorId }) => <CoordinatorCases coordinatorId={coordinatorId!} />,
    },
    {
      path: '/overdragen/:caseNumber',
      roles: ['team-lead'],
      render: ({ caseNumber }) => <Reassign caseNumber={caseNumber!} />,
    },
    { path: '/rapportages', roles: ['team-lead', 'ops'], render: () => <Reports /> },
    { path: '/registers', roles: ['team-lead', 'ops'], render: () => <RegistryPage /> },
    ...REPORT_ORDER.map((report): RouteDef => ({
      path: `/rapportages/${REPORT_TEXTS[report].slug}`,
      roles: ['team-lead', 'ops'],
      // A key per report: another report is another page (its own filter state).
      render: () => <ReportPage key={report} report={report} />,
    })),
    { path: '/herbeoordelingen', roles: ['ops'], render: () => <Reassessments /> },
    {
      path: '/herbeoordelingen/:batchId',
      roles: ['ops'],
      render: ({ batchId }) => <ReassessmentBatch batchId={batchId!} />,
    },
    { path: '/vernietiging', roles: ['ops'], render: () => <DestructionPage /> },
  ],
  menu: [
    { to: '/', label: 'Caseload', roles: ['team-lead'] },
    { to: '/', label: 'Zaken', roles: ['ops'] },
    { to: '/caseload', label: 'Caseload', roles: ['ops'] },
    { to: '/rapportages', label: 'Rapportages', roles: ['team-lead', 'ops'] },
    { to: '/herbeoordelingen', label: 'Herbeoordelingen', roles: ['ops'] },
    { to: '/vernietiging', label: 'Vernietiging', roles: ['ops'] },
    { to: '/registers', label: 'Registers', roles: ['team-lead', 'ops'] },
  ],
};
