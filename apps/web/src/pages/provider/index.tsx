import type { Area } from '../../routes';

/** The provider: its referrals and cases with what is due (pages/provider). */
export const providerArea: Area = {
  routes: [],
  menu: [],
};
