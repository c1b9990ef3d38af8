import {
  useId,
  type ButtonHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

/**
 * The NL Design System components the app uses, as the Utrecht component library's CSS
 * (@utrecht/component-library-css) with its design tokens: thin React wrappers that set the
 * classes and the accessible wiring (labels, descriptions, error messages).
 */

const cx = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

export function Heading({
  level,
  children,
  id,
}: {
  level: 1 | 2 | 3;
  children: ReactNode;
  id?: string;
}) {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} className={`utrecht-heading-${level}`}>
      {children}
    </Tag>
  );
}

export function Paragraph({ children, lead }: { children: ReactNode; lead?: boolean }) {
  return <p className={cx('utrecht-paragraph', lead && 'utrecht-paragraph--lead')}>{children}</p>;
}

export function Button({
  appearance = 'secondary',
  busy,
  className,
  children,
  ...rest
}: {
  appearance?: 'primary' | 'secondary' | 'subtle';
  busy?: boolean;
} & ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type="button"
      {...rest}
      aria-busy={busy || undefined}
      className={cx(
        'utrecht-button',
        `utrecht-button--${appearance === 'subtle' ? 'subtle' : `${appearance}-action`}`,
        busy && 'utrecht-button--busy',
        className,
      )}
    >
      {children}
    </button>
  );
}

export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="utrecht-button-group">{children}</div>;
}

export function Alert({
  type,
  children,
  title,
}: {
  type: 'info' | 'ok' | 'warning' | 'error';
  title?: string;
  children?: ReactNode;
}) {
  return (
    <div
      className={`utrecht-alert utrecht-alert--${type}`}
      role={type === 'error' ? 'alert' : 'status'}
    >
      <div className="utrecht-alert__content">
        {title && <p className="utrecht-alert__heading utrecht-paragraph">{title}</p>}
        {children}
      </div>
    </div>
  );
}

interface FieldShell {
  label: string;
  description?: string;
  error?: string;
}

function Field({
  label,
  description,
  error,
  id,
  children,
}: FieldShell & { id: string; children: ReactNode }) {
  return (
    <div className={cx('utrecht-form-field', error && 'utrecht-form-field--invalid')}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {description && (
        <div className="utrecht-form-field-description" id={`${id}-beschrijving`}>
          {description}
        </div>
      )}
      {error && (
        <div className="utrecht-form-field-error-message" id={`${id}-fout`}>
          {error}
        </div>
      )}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

function describedBy(id: string, shell: FieldShell): string | undefined {
  return (
    [shell.description && `${id}-beschrijving`, shell.error && `${id}-fout`]
      .filter(Boolean)
      .join(' ') || undefined
  );
}

export function TextField({
  label,
  description,
  error,
  ...input
}: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <Field id={id} label={label} description={description} error={error}>
      <input
        type="text"
        {...input}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { label, description, error })}
        className={cx(
          'utrecht-textbox utrecht-textbox--html-input',
          error && 'utrecht-textbox--invalid',
        )}
      />
    </Field>
  );
}

export function TextArea({
  label,
  description,
  error,
  ...input
}: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <Field id={id} label={label} description={description} error={error}>
      <textarea
        rows={4}
        {...input}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { label, description, error })}
        className={cx(
          'utrecht-textarea utrecht-textarea--html-textarea',
          error && 'utrecht-textarea--invalid',
        )}
      />
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  label,
  description,
  error,
  options,
  placeholder,
  ...select
}: FieldShell & {
  options: readonly Option[];
  placeholder?: string;
} & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <Field id={id} label={label} description={description} error={error}>
      <select
        {...select}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { label, description, error })}
        className={cx(
          'utrecht-select utrecht-select--html-select',
          error && 'utrecht-select--invalid',
        )}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function Checkbox({
  label,
  ...input
}: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox">
      <div className="utrecht-form-field__input">
        <input
          type="checkbox"
          {...input}
          id={id}
          className="utrecht-checkbox utrecht-checkbox--html-input"
        />
      </div>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
          {label}
        </label>
      </div>
    </div>
  );
}

export function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
      </legend>
      {children}
    </fieldset>
  );
}

/** A table with a caption (required: screen readers announce it). */
export function Table({
  caption,
  head,
  children,
}: {
  caption: string;
  head: readonly string[];
  children: ReactNode;
}) {
  return (
    <div className="werkplek-table-scroll">
      <table className="utrecht-table utrecht-table--html-table">
        <caption className="utrecht-table__caption">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {head.map((cell) => (
              <th key={cell} scope="col" className="utrecht-table__header-cell">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">{children}</tbody>
      </table>
    </div>
  );
}

export function Row({ children }: { children: ReactNode }) {
  return <tr className="utrecht-table__row">{children}</tr>;
}

export function Cell({ children, header }: { children?: ReactNode; header?: boolean }) {
  return header ? (
    <th scope="row" className="utrecht-table__header-cell">
      {children}
    </th>
  ) : (
    <td className="utrecht-table__cell">{children}</td>
  );
}

/** Term and value pairs (the case page's facts). */
export function DataList({ items }: { items: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows">
      {items.map(([term, value]) => (
        <div key={term} className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{term}</dt>
          <dd className="utrecht-data-list__item-value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A short status label; `warning` for what is overdue. */
export function StatusBadge({
  children,
  status = 'neutral',
}: {
  children: ReactNode;
  status?: 'neutral' | 'warning' | 'valid' | 'error';
}) {
  return (
    <span className={cx('utrecht-status-badge', `utrecht-status-badge--${status}`)}>
      {children}
    </span>
  );
}
