import { useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { PHASES } from '../../texts/labels';
import { describeRefusal, type Refusal } from '../../texts/refusals';
import { RefusalMessage } from '../../ui/forms';
import { ProviderCase } from '../provider/provider-case';
import { Loading, Page } from '../../ui/page';
import { DataList } from '../../ui/ui';

type View = Schemas['TrajectoryStateDto'] | Schemas['ProviderTrajectoryViewDto'];

export default function CasePage({ caseNumber }: { caseNumber: string }) {
  const [view, setView] = useState<View>();
  const [refusal, setRefusal] = useState<Refusal>();
  useEffect(() => {
    let live = true;
    void api
      .GET('/trajectories/{caseNumber}', { params: { path: { caseNumber } } })
      .then(({ data, error, response }) => {
        if (!live) return;
        if (data) setView(data);
        else setRefusal(describeRefusal(error, response.status));
      });
    return () => {
      live = false;
    };
  }, [caseNumber]);
  return (
    <Page title={`Zaak ${caseNumber}`}>
      <RefusalMessage refusal={refusal} />
      {!view && !refusal && <Loading what="De zaak" />}
      {view?.view === 'provider' && <ProviderCase view={view} />}
      {view && view.view !== 'provider' && (
        <DataList
          items={[
            ['Fase', PHASES[view.phase]],
            ['Gemeente', view.municipalityCode],
          ]}
        />
      )}
    </Page>
  );
}
