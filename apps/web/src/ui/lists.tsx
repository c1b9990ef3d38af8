import { useRouter } from '../router';
import { Button, SelectField } from './ui';

/** Rows per page of every list. */
export const PAGE_SIZE = 25;

/**
 * A list's filters and page, kept in the address so that a filtered list can be bookmarked and
 * the back button works: `filter` sets one filter and goes back to the first page, `toOffset`
 * turns the page (`vanaf`). `base` is the list's address; the current one when left out.
 */
export function useListAddress(base?: string) {
  const { path, query, navigate } = useRouter();
  const offset = Math.max(0, Number(query.get('vanaf') ?? 0) || 0);
  const go = (next: URLSearchParams) => {
    const search = next.toString();
    navigate(`${base ?? path}${search ? `?${search}` : ''}`);
  };
  const filter = (name: string, value: string) => {
    const next = new URLSearchParams(query);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('vanaf');
    go(next);
  };
  const toOffset = (value: number) => {
    const next = new URLSearchParams(query);
    next.set('vanaf', String(Math.max(0, value)));
    go(next);
  };
  return { query, offset, filter, toOffset };
}

/** Previous and next page of a list that shows `shown` of `total` rows from `offset`. */
export function Pager({
  offset,
  shown,
  total,
  onOffset,
}: {
  offset: number;
  shown: number;
  total: number;
  onOffset(offset: number): void;
}) {
  return (
    <div className="utrecht-button-group" role="group" aria-label="Pagina's">
      <Button disabled={offset === 0} onClick={() => onOffset(offset - PAGE_SIZE)}>
        Vorige
      </Button>
      <Button disabled={offset + shown >= total} onClick={() => onOffset(offset + PAGE_SIZE)}>
        Volgende
      </Button>
    </div>
  );
}

/** The filter on late items (`te-laat`: ja, nee, or all). */
export function OverdueFilter({
  value,
  placeholder,
  onChange,
}: {
  value: string;
  /** What "all" is called: "Alle zaken", "Alle overdrachten"… */
  placeholder: string;
  onChange(value: string): void;
}) {
  return (
    <SelectField
      label="Termijn"
      name="te-laat"
      placeholder={placeholder}
      options={[
        { value: 'ja', label: 'Alleen te laat' },
        { value: 'nee', label: 'Alleen op tijd' },
      ]}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
