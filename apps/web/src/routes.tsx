import type { ReactNode } from 'react';
import type { Principal, Role } from './auth/session';

/** A page of the app: who may open it and what it shows (the API checks again). */
export interface RouteDef {
  path: string;
  roles: readonly Role[];
  render(params: Record<string, string>, principal: Principal): ReactNode;
}

/** An entry of the main menu. */
export interface MenuItem {
  to: string;
  label: string;
  roles: readonly Role[];
}

/** An area of the app (coordinator, provider, team lead and ops, partners): its pages and menu. */
export interface Area {
  routes: readonly RouteDef[];
  menu: readonly MenuItem[];
}
