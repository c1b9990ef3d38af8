import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { Link, useRouter } from '../../router';
import { codeOptions, JZ020_PRODUCT_CATEGORIES } from '../../texts/codes';
import { MEASURES, optionsOf } from '../../texts/partners';
import { RefusalMessage, useSubmission } from '../../ui/forms';
import { Page } from '../../ui/page';
import { Button, Fieldset, Paragraph, SelectField, TextField } from '../../ui/ui';
import { AlreadyThere } from './shared';

const LABELS = {
  reference: 'Kenmerk van de maatregel',
  municipalityCode: 'Gemeentecode',
  clientId: 'Cliënt',
  familyId: 'Gezin',
  measure: 'Maatregel',
  measureEndDate: 'Einddatum van de maatregel',
  care: 'Hulp die nu loopt',
};
/** The API allows at most this many providers whose care goes on. */
const MAX_CARE = 20;

type Measure = keyof typeof MEASURES;
interface CareRow {
  key: number;
  agbCode: string;
  productCategory: string;
}

/**
 * A GI liaison proposes a transfer from the forced to the voluntary frame (the Schakeloverleg):
 * the measure, when it ends, the family and client, and the providers whose care goes on. The CJG
 * of the municipality plans the Schakeloverleg. The same kenmerk again starts nothing.
 */
export default function NewTransfer() {
  const { navigate } = useRouter();
  const [form, setForm] = useState({
    reference: '',
    municipalityCode: '',
    clientId: '',
    familyId: '',
    measure: '',
    measureEndDate: '',
  });
  const [care, setCare] = useState<CareRow[]>([]);
  const nextKey = useRef(0);
  const [focusRow, setFocusRow] = useState<number>();
  const addButtonId = useId();
  const careBox = useRef<HTMLDivElement>(null);
  const [existing, setExisting] = useState<string>();
  const start = useSubmission<Schemas['TransferProposedDto']>();
  const set = (name: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((previous) => ({ ...previous, [name]: event.target.value }));

  // A row added by keyboard: focus goes to its first field.
  useEffect(() => {
    if (focusRow === undefined) return;
    careBox.current
      ?.querySelector<HTMLInputElement>(`[data-care-row="${focusRow}"] input`)
      ?.focus();
    setFocusRow(undefined);
  }, [focusRow]);

  const addCare = () => {
    const key = nextKey.current++;
    setCare((rows) => [...rows, { key, agbCode: '', productCategory: '' }]);
    setFocusRow(key);
  };
  const removeCare = (key: number) => {
    setCare((rows) => rows.filter((row) => row.key !== key));
    document.getElementById(addButtonId)?.focus();
  };
  const setCareField =
    (key: number, name: 'agbCode' | 'productCategory') => (event: { target: { value: string } }) =>
      setCare((rows) =>
        rows.map((row) => (row.key === key ? { ...row, [name]: event.target.value } : row)),
      );

  const labels: Record<string, string> = { ...LABELS };
  care.forEach((_, index) => {
    labels[`care[${index}].agbCode`] = `Hulp ${index + 1}, AGB-code`;
    labels[`care[${index}].productCategory`] = `Hulp ${index + 1}, productcategorie`;
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setExisting(undefined);
    const result = await start.submit((key) =>
      api.POST('/transfers', {
        headers: { 'Idempotency-Key': key },
        body: {
          reference: form.reference.trim().toUpperCase(),
          municipalityCode: form.municipalityCode.trim(),
          clientId: form.clientId.trim(),
          familyId: form.familyId.trim(),
          measure: form.measure as Measure,
          measureEndDate: form.measureEndDate,
          care: care.map((row) => ({
            agbCode: row.agbCode.trim(),
            productCategory: row.productCategory,
          })),
        },
      }),
    );
    if (!result) return;
    if (result.created) navigate(`/schakeloverleg/${encodeURIComponent(result.transferId)}`);
    else setExisting(result.transferId);
  };

  return (
    <Page title="Nieuw voorstel voor het Schakeloverleg">
      <Paragraph>
        Stel voor dat het gezin van het gedwongen kader naar het vrijwillig kader gaat. Het CJG van
        de gemeente plant het Schakeloverleg ruim voor de einddatum van de maatregel.
      </Paragraph>
      <Link to="/schakeloverleg">Terug naar het Schakeloverleg</Link>
      {existing && (
        <AlreadyThere
          text="Dit kenmerk heeft uw organisatie al voorgesteld. Er is niets nieuws gestart."
          to={`/schakeloverleg/${encodeURIComponent(existing)}`}
          linkText={`Naar voorstel ${existing}`}
        />
      )}
      <RefusalMessage refusal={start.refusal} labels={labels} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Fieldset legend="De maatregel">
          <TextField
            label={LABELS.reference}
            name="reference"
            description="Uw eigen dossiernummer, bijvoorbeeld JB-2026-1234. Alleen letters, cijfers en streepjes."
            value={form.reference}
            error={start.fieldError('reference')}
            onChange={set('reference')}
            required
          />
          <SelectField
            label={LABELS.measure}
            name="measure"
            placeholder="Kies de maatregel"
            options={optionsOf(MEASURES)}
            value={form.measure}
            error={start.fieldError('measure')}
            onChange={set('measure')}
            required
          />
          <TextField
            label={LABELS.measureEndDate}
            name="measureEndDate"
            type="date"
            description="De dag waarop de maatregel volgens plan eindigt"
            value={form.measureEndDate}
            error={start.fieldError('measureEndDate')}
            onChange={set('measureEndDate')}
            required
          />
        </Fieldset>
        <Fieldset legend="Het gezin">
          <TextField
            label={LABELS.municipalityCode}
            name="municipalityCode"
            description="De CBS-code van de gemeente waar het gezin woont: vier cijfers, bijvoorbeeld 0957"
            inputMode="numeric"
            autoComplete="off"
            value={form.municipalityCode}
            error={start.fieldError('municipalityCode')}
            onChange={set('municipalityCode')}
            required
          />
          <TextField
            label={LABELS.clientId}
            name="clientId"
            description="Het id van de cliënt, zoals het CJG het registreert, bijvoorbeeld client-0001"
            value={form.clientId}
            error={start.fieldError('clientId')}
            onChange={set('clientId')}
            required
          />
          <TextField
            label={LABELS.familyId}
            name="familyId"
            description="Eén gezin, één plan: het id van het gezin, bijvoorbeeld fam-jansen"
            value={form.familyId}
            error={start.fieldError('familyId')}
            onChange={set('familyId')}
            required
          />
        </Fieldset>
        <Fieldset legend={LABELS.care}>
          <Paragraph>
            De zorgaanbieders waarvan de hulp doorgaat in het vrijwillig kader (ten hoogste{' '}
            {MAX_CARE}). Geen hulp? Laat dit leeg.
          </Paragraph>
          {start.fieldError('care') && (
            <p className="utrecht-form-field-error-message">{start.fieldError('care')}</p>
          )}
          <div ref={careBox}>
            {care.map((row, index) => (
              <div key={row.key} data-care-row={row.key}>
                <Fieldset legend={`Hulp ${index + 1}`}>
                  <TextField
                    label="AGB-code"
                    name={`care-${index}-agbCode`}
                    description="Acht cijfers; de aanbieder staat in het register"
                    inputMode="numeric"
                    autoComplete="off"
                    value={row.agbCode}
                    error={start.fieldError(`care[${index}].agbCode`)}
                    onChange={setCareField(row.key, 'agbCode')}
                    required
                  />
                  <SelectField
                    label="Productcategorie"
                    name={`care-${index}-productCategory`}
                    placeholder="Kies de productcategorie"
                    options={codeOptions(JZ020_PRODUCT_CATEGORIES)}
                    value={row.productCategory}
                    error={start.fieldError(`care[${index}].productCategory`)}
                    onChange={setCareField(row.key, 'productCategory')}
                    required
                  />
                  <Button appearance="subtle" onClick={() => removeCare(row.key)}>
                    Hulp {index + 1} weghalen
                  </Button>
                </Fieldset>
              </div>
            ))}
          </div>
          <Button id={addButtonId} onClick={addCare} disabled={care.length >= MAX_CARE}>
            Hulp toevoegen
          </Button>
        </Fieldset>
        <Button appearance="primary" type="submit" busy={start.busy}>
          Voorstel indienen
        </Button>
      </form>
    </Page>
  );
}
