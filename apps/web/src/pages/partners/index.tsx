import type { Area } from '../../routes';

/** The partners: Veilig Thuis handovers, Schakeloverleg transfers, VTO and the beschermingsplein agenda (pages/partners). */
export const partnersArea: Area = {
  routes: [],
  menu: [],
};
