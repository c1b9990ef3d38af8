import { lazy } from 'react';
import type { Role } from '../../auth/session';
import type { Area } from '../../routes';
import { HANDOVER_STARTERS, TRANSFER_STARTERS, VTO_STARTERS } from './starters';

const Handovers = lazy(() => import('./handovers'));
const HandoverPage = lazy(() => import('./handover-page'));
const Transfers = lazy(() => import('./transfers'));
const TransferPage = lazy(() => import('./transfer-page'));
const Vtos = lazy(() => import('./vtos'));
const VtoPage = lazy(() => import('./vto-page'));
const Agenda = lazy(() => import('./agenda'));
const NewHandover = lazy(() => import('./new-handover'));
const NewTransfer = lazy(() => import('./new-transfer'));
const NewVto = lazy(() => import('./new-vto'));

/*
 * Who reads what (the API's access tables decide; these only shape the menu):
 * handovers: Veilig Thuis (its own), coordinators and team leads (their municipalities), ops
 * (apps/api/src/veilig-thuis/handover.access.ts); transfers: the GI (its own), coordinators and
 * team leads, ops (schakeloverleg/transfer.access.ts); VTOs: coordinators and team leads, ops
 * (vto/vto.access.ts). The steps offered on each page are the API's `allowedCommands`.
 * Who starts one: starters.ts.
 */
const HANDOVER_READERS: readonly Role[] = ['veilig-thuis', 'coordinator', 'team-lead', 'ops'];
const TRANSFER_READERS: readonly Role[] = ['gi', 'coordinator', 'team-lead', 'ops'];
const VTO_READERS: readonly Role[] = ['coordinator', 'team-lead', 'ops'];

/** The partners: Veilig Thuis handovers, Schakeloverleg transfers, VTO and the beschermingsplein agenda (pages/partners). */
export const partnersArea: Area = {
  routes: [
    // A Veilig Thuis liaison and a GI liaison start at their own list.
    { path: '/', roles: ['veilig-thuis'], render: () => <Handovers /> },
    { path: '/', roles: ['gi'], render: () => <Transfers /> },
    { path: '/overdrachten', roles: HANDOVER_READERS, render: () => <Handovers /> },
    // Before the item routes, which would read "nieuw" as an id.
    { path: '/overdrachten/nieuw', roles: HANDOVER_STARTERS, render: () => <NewHandover /> },
    {
      path: '/overdrachten/:handoverId',
      roles: HANDOVER_READERS,
      render: ({ handoverId }) => <HandoverPage handoverId={handoverId!} />,
    },
    { path: '/schakeloverleg', roles: TRANSFER_READERS, render: () => <Transfers /> },
    { path: '/schakeloverleg/nieuw', roles: TRANSFER_STARTERS, render: () => <NewTransfer /> },
    {
      path: '/schakeloverleg/:transferId',
      roles: TRANSFER_READERS,
      render: ({ transferId }) => <TransferPage transferId={transferId!} />,
    },
    { path: '/vto', roles: VTO_READERS, render: () => <Vtos /> },
    { path: '/vto/nieuw', roles: VTO_STARTERS, render: () => <NewVto /> },
    {
      path: '/vto/:caseNumber',
      roles: VTO_READERS,
      render: ({ caseNumber }) => <VtoPage caseNumber={caseNumber!} />,
    },
    { path: '/beschermingsplein', roles: VTO_READERS, render: () => <Agenda /> },
  ],
  menu: [
    { to: '/overdrachten', label: 'Overdrachten Veilig Thuis', roles: HANDOVER_READERS },
    { to: '/overdrachten/nieuw', label: 'Nieuwe overdracht', roles: HANDOVER_STARTERS },
    { to: '/schakeloverleg', label: 'Schakeloverleg', roles: TRANSFER_READERS },
    { to: '/schakeloverleg/nieuw', label: 'Nieuw voorstel', roles: TRANSFER_STARTERS },
    { to: '/vto', label: 'Verzoeken tot onderzoek', roles: VTO_READERS },
    { to: '/beschermingsplein', label: 'Agenda beschermingsplein', roles: VTO_READERS },
  ],
};
