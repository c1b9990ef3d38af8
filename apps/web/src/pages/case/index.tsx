import { lazy } from 'react';
import type { Area } from '../../routes';

const CasePage = lazy(() => import('./case-page'));

/** The case page: one page for everyone with a part in the case; what it offers follows the role. */
export const caseArea: Area = {
  routes: [
    {
      path: '/zaken/:caseNumber',
      roles: ['coordinator', 'team-lead', 'provider', 'ops'],
      render: ({ caseNumber }) => <CasePage caseNumber={caseNumber!} />,
    },
  ],
  menu: [],
};
