import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { api, asErrorBody, type Schemas } from '../../api/client';
import { usePrincipal } from '../../auth/session';
import { COMMANDS } from '../../texts/case-labels';
import { describeRefusal, type Refusal } from '../../texts/refusals';
import { RefusalMessage } from '../../ui/forms';
import { ProviderCase } from '../provider/provider-case';
import { CaseWorkflowLink } from '../team-lead/temporal-link';
import { Loading, Page } from '../../ui/page';
import { Alert, Button, ButtonGroup } from '../../ui/ui';
import {
  BeschikkingSection,
  CaseFacts,
  Deadlines,
  FollowUp,
  Letters,
  PhaseLine,
  Providers,
  Results,
  Section,
  Timeline,
} from './case-sections';
import { partsOf, reachedPhase, type CaseState } from './case-view';
import { CaseCommands } from './commands';

type View = Schemas['TrajectoryStateDto'] | Schemas['ProviderTrajectoryViewDto'];

interface Records {
  letters?: Schemas['CaseLettersDto'];
  lettersRefusal?: Refusal;
  timeline?: Schemas['CaseTimelineDto'];
  timelineRefusal?: Refusal;
}

/**
 * The case page. A provider gets its own part (pages/provider/provider-case.tsx); the CJG and ops
 * the whole case: the phase line, the facts, what can be done now (each command a form), the
 * deadlines, the results, the providers, the beschikking, the follow-up, the letters and what
 * happened when. After a command the page reads the case again.
 */
export default function CasePage({ caseNumber }: { caseNumber: string }) {
  const principal = usePrincipal();
  const wholeCase = principal.role !== 'provider';
  const [view, setView] = useState<View>();
  const [refusal, setRefusal] = useState<Refusal>();
  const [records, setRecords] = useState<Records>({});
  /** What was just recorded; `n` counts, so that the same command twice is announced twice. */
  const [notice, setNotice] = useState<{ text: string; n: number }>();
  const noticeRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    const path = { params: { path: { caseNumber } } };
    const [state, letters, timeline] = await Promise.all([
      api.GET('/trajectories/{caseNumber}', path),
      wholeCase ? api.GET('/trajectories/{caseNumber}/letters', path) : undefined,
      wholeCase ? api.GET('/trajectories/{caseNumber}/timeline', path) : undefined,
    ]);
    if (state.data) {
      setView(state.data);
      setRefusal(undefined);
    } else {
      setRefusal(describeRefusal(asErrorBody(state.error), state.response.status));
    }
    setRecords({
      letters: letters?.data,
      lettersRefusal:
        letters && !letters.data
          ? describeRefusal(asErrorBody(letters.error), letters.response.status)
          : undefined,
      timeline: timeline?.data,
      timelineRefusal:
        timeline && !timeline.data
          ? describeRefusal(asErrorBody(timeline.error), timeline.response.status)
          : undefined,
    });
  }, [caseNumber, wholeCase]);

  useEffect(() => {
    let live = true;
    setView(undefined);
    setNotice(undefined);
    void load().catch(() => {
      if (live) setRefusal(describeRefusal(undefined, 503));
    });
    return () => {
      live = false;
    };
  }, [load]);

  // After a command: read the case again (the commands that are possible now, its letters and
  // timeline), then say what was done, focused, so that screen readers and keyboards land there.
  const onDone = useCallback(
    (command: string) => {
      const text = COMMANDS[command]?.done ?? command;
      void load()
        .catch(() => setRefusal(describeRefusal(undefined, 503)))
        .finally(() => setNotice((previous) => ({ text, n: (previous?.n ?? 0) + 1 })));
    },
    [load],
  );
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  return (
    <Page title={`Zaak ${caseNumber}`}>
      <RefusalMessage refusal={refusal} />
      {!view && !refusal && <Loading what="De zaak" />}
      {view?.view === 'provider' && <ProviderCase view={view} />}
      {view && view.view !== 'provider' && (
        <WholeCase
          view={view}
          records={records}
          explain={principal.role === 'coordinator'}
          reload={() => void load().catch(() => setRefusal(describeRefusal(undefined, 503)))}
          notice={
            <div ref={noticeRef} tabIndex={-1} className="werkplek-notice">
              {notice && (
                <Alert type="ok" title="Vastgelegd">
                  <p className="utrecht-paragraph">{notice.text}.</p>
                </Alert>
              )}
            </div>
          }
          onDone={onDone}
        />
      )}
    </Page>
  );
}

function WholeCase({
  view,
  records,
  explain,
  notice,
  reload,
  onDone,
}: {
  view: CaseState;
  records: Records;
  explain: boolean;
  notice: ReactNode;
  /** Letters go out and deadlines come while the page is open: read the case again. */
  reload(): void;
  onDone(command: string): void;
}) {
  const parts = partsOf(view);
  return (
    <>
      <PhaseLine phase={view.phase} reached={reachedPhase(view, parts)} />
      <CaseFacts view={view} parts={parts} />
      {/* Ops: the case's workflow in the Temporal Web UI (nothing for other roles). */}
      <CaseWorkflowLink caseNumber={view.caseNumber} asParagraph />
      <ButtonGroup>
        <Button onClick={reload}>Zaak opnieuw laden</Button>
      </ButtonGroup>
      {notice}
      <Section title="Wat u nu kunt doen">
        {/* Keyed by revision: after every change the forms start empty, for what is possible now. */}
        <CaseCommands
          key={view.revision}
          caseNumber={view.caseNumber}
          view={view}
          parts={parts}
          explain={explain}
          onDone={onDone}
        />
      </Section>
      <Section title="Termijnen">
        <Deadlines view={view} />
      </Section>
      <Section title="Afgesproken resultaten (plan deel 1)">
        <Results parts={parts} />
      </Section>
      <Section title="Aanbieders">
        <Providers parts={parts} />
      </Section>
      <Section title="Beschikking">
        <BeschikkingSection parts={parts} />
      </Section>
      <Section title="Coördinatie en evaluaties">
        <FollowUp parts={parts} />
      </Section>
      <Section title="Brieven">
        <Letters letters={records.letters} parts={parts} refusal={records.lettersRefusal} />
      </Section>
      <Section title="Wat er gebeurde">
        <Timeline timeline={records.timeline} refusal={records.timelineRefusal} />
      </Section>
    </>
  );
}
