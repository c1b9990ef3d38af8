import { useState } from 'react';
import type { Refusal } from '../../texts/refusals';
import { RefusalMessage } from '../../ui/forms';
import { Button } from '../../ui/ui';
import { downloadCsv, type ReportName, type ReportQuery } from './report-data';

/** "CSV downloaden": the report's figures as the API writes them (a spreadsheet opens it). */
export function CsvDownload({
  report,
  query,
  label,
}: {
  report: ReportName;
  query: ReportQuery;
  /** What is downloaded, for the button's name: "wachttijden". */
  label: string;
}) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const [refusal, setRefusal] = useState<Refusal>();
  const download = async () => {
    setBusy(true);
    setDone(undefined);
    setRefusal(undefined);
    const outcome = await downloadCsv(report, query);
    setBusy(false);
    if ('refusal' in outcome) setRefusal(outcome.refusal);
    else setDone(outcome.fileName);
  };
  return (
    <div className="werkplek-csv">
      <Button busy={busy} disabled={busy} onClick={() => void download()}>
        CSV downloaden ({label})
      </Button>
      <p className="utrecht-paragraph werkplek-small" role="status">
        {done ? `Gedownload: ${done}` : ''}
      </p>
      <RefusalMessage refusal={refusal} />
    </div>
  );
}
