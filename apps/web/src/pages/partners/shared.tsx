import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from 'react';
import { asErrorBody } from '../../api/client';
import { usePrincipal } from '../../auth/session';
import { Link } from '../../router';
import { describeRefusal, type Refusal } from '../../texts/refusals';
import { RefusalMessage, type Submission } from '../../ui/forms';
import { Alert, Button, Heading, Paragraph, StatusBadge } from '../../ui/ui';

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Reads what a page shows, and again after each command (`reload`): the answer, or the API's
 * refusal in Dutch (403 for what the role may not see, 404 for what does not exist).
 */
export function useLoad<T>(
  read: () => Promise<Answer<T>>,
  deps: readonly unknown[],
): { data: T | undefined; refusal: Refusal | undefined; reload: () => void } {
  const [data, setData] = useState<T>();
  const [refusal, setRefusal] = useState<Refusal>();
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    void read().then(
      ({ data: answer, error, response }) => {
        if (!live) return;
        if (response.ok && answer !== undefined) {
          setData(answer);
          setRefusal(undefined);
        } else setRefusal(describeRefusal(asErrorBody(error), response.status));
      },
      () => {
        if (live) setRefusal(describeRefusal(undefined, 503));
      },
    );
    return () => {
      live = false;
    };
    // `read` is a new function each render; what it reads is in `deps`.
  }, [...deps, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, refusal, reload };
}

/**
 * What the last step did, in words; focused when it appears, because the form that was used is
 * gone (the step is no longer allowed), so keyboard and screen-reader users land here.
 */
export function DoneMessage({ text }: { text: string | undefined }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (text) box.current?.focus();
  }, [text]);
  if (!text) return null;
  return (
    <div ref={box} tabIndex={-1} className="werkplek-done">
      <Alert type="ok">
        <Paragraph>{text}</Paragraph>
      </Alert>
    </div>
  );
}

/**
 * One step the caller may take now, as a form under its own heading (which names the form, so
 * screen readers list the steps as forms): the API's refusal above the fields, the submit button
 * below. `onSubmit` sends the command through `submission`.
 */
export function StepForm({
  title,
  intro,
  submitLabel,
  submission,
  labels,
  onSubmit,
  children,
}: {
  title: string;
  intro?: ReactNode;
  submitLabel: string;
  submission: Submission<unknown>;
  labels: Record<string, string>;
  onSubmit: () => Promise<void>;
  children?: ReactNode;
}) {
  const headingId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSubmit();
  };
  return (
    <div className="werkplek-step">
      <Heading level={3} id={headingId}>
        {title}
      </Heading>
      {intro && <Paragraph>{intro}</Paragraph>}
      <RefusalMessage refusal={submission.refusal} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby={headingId}>
        {children}
        <Button appearance="primary" type="submit" busy={submission.busy}>
          {submitLabel}
        </Button>
      </form>
    </div>
  );
}

/** The lines of a text area as the API's list of items: one per line, empty lines left out. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A list of short texts (safety conditions, agreements), or a dash. */
export function TextList({ items }: { items: readonly string[] | undefined }) {
  if (!items || items.length === 0) return <>—</>;
  return (
    <ul className="utrecht-unordered-list">
      {items.map((item, index) => (
        <li key={`${index}-${item}`} className="utrecht-unordered-list__item">
          {item}
        </li>
      ))}
    </ul>
  );
}

/** "Te laat" in words (not only in colour). */
export function OverdueBadge({ overdue }: { overdue: boolean }) {
  return overdue ? <StatusBadge status="warning">Te laat</StatusBadge> : null;
}

/** When the caller can take no step now. */
export function NoSteps({ children }: { children: ReactNode }) {
  return <Paragraph>{children}</Paragraph>;
}

/**
 * A trajectory's case number: a link to the case page for the CJG and ops; a partner (Veilig
 * Thuis, a GI) has no part in the trajectory and reads the number only.
 */
export function CaseLink({ caseNumber }: { caseNumber: string }) {
  const principal = usePrincipal();
  return principal.role === 'veilig-thuis' || principal.role === 'gi' ? (
    <>{caseNumber}</>
  ) : (
    <Link to={`/zaken/${encodeURIComponent(caseNumber)}`}>{caseNumber}</Link>
  );
}

/**
 * A start that found its item already there (the API's `created: false`): nothing new was
 * started; a link to what exists. Focused when it appears, like the refusal it replaces.
 */
export function AlreadyThere({
  text,
  to,
  linkText,
}: {
  text: string;
  to: string;
  linkText: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [to]);
  return (
    <div ref={box} tabIndex={-1} className="werkplek-done">
      <Alert type="info">
        <Paragraph>
          {text} <Link to={to}>{linkText}</Link>
        </Paragraph>
      </Alert>
    </div>
  );
}
