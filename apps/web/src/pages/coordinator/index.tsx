import { lazy } from 'react';
import type { Area } from '../../routes';

const Werkbak = lazy(() => import('./werkbak'));
const NewTrajectory = lazy(() => import('./new-trajectory'));

/** The coordinator: the werkbak and a new trajectory; the case page is shared (pages/case). */
export const coordinatorArea: Area = {
  routes: [
    { path: '/', roles: ['coordinator'], render: () => <Werkbak /> },
    { path: '/trajecten/nieuw', roles: ['coordinator'], render: () => <NewTrajectory /> },
  ],
  menu: [
    { to: '/', label: 'Werkbak', roles: ['coordinator'] },
    { to: '/trajecten/nieuw', label: 'Nieuw traject', roles: ['coordinator'] },
  ],
};
