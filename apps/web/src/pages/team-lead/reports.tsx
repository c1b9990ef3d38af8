import { Link } from '../../router';
import { REPORT_TEXTS } from '../../texts/reports';
import { Page } from '../../ui/page';
import { Heading, Paragraph } from '../../ui/ui';
import { REPORT_ORDER } from './report-routes';
import './team-lead.css';

/** The reports a team lead and ops read, each on a page of its own. */
export default function Reports() {
  return (
    <Page title="Rapportages">
      <Paragraph>
        Elke rapportage telt over een periode die u kiest (standaard het jaar tot en met vandaag),
        als grafiek en als tabel, en is te downloaden als CSV-bestand voor een spreadsheet.
      </Paragraph>
      <ul className="werkplek-report-list">
        {REPORT_ORDER.map((name) => {
          const texts = REPORT_TEXTS[name];
          return (
            <li key={name}>
              <Heading level={2}>
                <Link to={`/rapportages/${texts.slug}`}>{texts.title}</Link>
              </Heading>
              <Paragraph>{texts.intro}</Paragraph>
            </li>
          );
        })}
      </ul>
    </Page>
  );
}
