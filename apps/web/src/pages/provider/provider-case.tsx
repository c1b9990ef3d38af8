import type { Schemas } from '../../api/client';

/** A provider's part of a case (the API's `view: provider`), shown by the case page. */
export function ProviderCase({ view }: { view: Schemas['ProviderTrajectoryViewDto'] }) {
  return <p className="utrecht-paragraph">Zaak {view.caseNumber}</p>;
}
