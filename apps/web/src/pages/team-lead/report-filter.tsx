import { useEffect, useState, type FormEvent } from 'react';
import { usePrincipal } from '../../auth/session';
import { useRouter } from '../../router';
import { formatDate } from '../../texts/labels';
import { Button, Paragraph, SelectField, TextField } from '../../ui/ui';
import { REFERRAL_GROUPS, type ReferralGroup, type ReportQuery } from './report-data';

/** The field labels of the filter, also for the API's refusals (`from`, `to`, …). */
export const FILTER_LABELS: Record<string, string> = {
  from: 'Van',
  to: 'Tot en met',
  municipalityCode: 'Gemeente',
  group: 'Indeling',
};

/**
 * The period (and municipality) of a report, kept in the address (`van`, `tot`, `gemeente`,
 * `groep`), so that a report can be bookmarked and shared. Empty dates: the API's default, the
 * year up to today; the answer's own period fills the fields once it is known.
 */
export function ReportFilter({
  query,
  answered,
  withGroup,
}: {
  query: ReportQuery;
  /** The period the API counted, from its answer. */
  answered?: { from: string; to: string };
  withGroup?: boolean;
}) {
  const principal = usePrincipal();
  const { path, navigate } = useRouter();
  const [form, setForm] = useState({
    from: query.from ?? '',
    to: query.to ?? '',
    municipalityCode: query.municipalityCode ?? '',
    group: query.group ?? '',
  });
  useEffect(() => {
    if (!answered) return;
    setForm((previous) => ({
      ...previous,
      from: previous.from || answered.from,
      to: previous.to || answered.to,
    }));
  }, [answered]);

  const set = (name: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((previous) => ({ ...previous, [name]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (form.from) next.set('van', form.from);
    if (form.to) next.set('tot', form.to);
    if (form.municipalityCode.trim()) next.set('gemeente', form.municipalityCode.trim());
    if (withGroup && form.group) next.set('groep', form.group);
    const search = next.toString();
    navigate(`${path}${search ? `?${search}` : ''}`);
  };

  return (
    <>
      <form className="werkplek-filters" aria-label="Periode en gemeente" onSubmit={submit}>
        <TextField
          label={FILTER_LABELS.from!}
          type="date"
          name="van"
          value={form.from}
          onChange={set('from')}
        />
        <TextField
          label={FILTER_LABELS.to!}
          type="date"
          name="tot"
          value={form.to}
          onChange={set('to')}
        />
        {principal.role === 'team-lead' && principal.municipalities.length > 1 && (
          <SelectField
            label={FILTER_LABELS.municipalityCode!}
            name="gemeente"
            placeholder="Al mijn gemeenten"
            options={principal.municipalities.map((code) => ({ value: code, label: code }))}
            value={form.municipalityCode}
            onChange={set('municipalityCode')}
          />
        )}
        {principal.role === 'ops' && (
          <TextField
            label={FILTER_LABELS.municipalityCode!}
            name="gemeente"
            description="CBS-code; leeg voor alle gemeenten"
            inputMode="numeric"
            size={6}
            value={form.municipalityCode}
            onChange={set('municipalityCode')}
          />
        )}
        {withGroup && (
          <SelectField
            label={FILTER_LABELS.group!}
            name="groep"
            options={(Object.keys(REFERRAL_GROUPS) as ReferralGroup[]).map((group) => ({
              value: group,
              label: REFERRAL_GROUPS[group],
            }))}
            value={form.group || 'month'}
            onChange={set('group')}
          />
        )}
        <div className="werkplek-filters__submit">
          <Button type="submit" appearance="secondary">
            Toon
          </Button>
        </div>
      </form>
      {answered && (
        <Paragraph>
          Periode: {formatDate(answered.from)} tot en met {formatDate(answered.to)}.
        </Paragraph>
      )}
    </>
  );
}
