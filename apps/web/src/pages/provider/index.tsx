import { lazy } from 'react';
import type { Area } from '../../routes';

const ProviderStart = lazy(() => import('./start'));

/**
 * The provider: its referrals and cases with what is due (its start page); a case opens in the
 * shared case page (pages/case), which shows its part (provider-case.tsx).
 */
export const providerArea: Area = {
  routes: [{ path: '/', roles: ['provider'], render: () => <ProviderStart /> }],
  menu: [{ to: '/', label: 'Verwijzingen en zaken', roles: ['provider'] }],
};
