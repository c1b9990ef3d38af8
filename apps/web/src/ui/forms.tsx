import { useCallback, useState } from 'react';
import { asErrorBody, newIdempotencyKey } from '../api/client';
import { describeRefusal, type Refusal } from '../texts/refusals';
import { Alert } from './ui';

interface CallResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

export interface Submission<T> {
  busy: boolean;
  refusal: Refusal | undefined;
  /** The problems of one field (its path in the request body), for the field's error text. */
  fieldError(field: string): string | undefined;
  /**
   * Sends the request with this form's Idempotency-Key: a retry after a lost answer (or a 5xx,
   * when the command may have been done) reuses it, so the API does the command once. Any other
   * answer spends the key: the API keeps a success or a refusal (404, 409, 422) under it and
   * would refuse a corrected request with the same key, so the next submit gets a new one.
   */
  submit(call: (idempotencyKey: string) => Promise<CallResult<T>>): Promise<T | undefined>;
}

/** One form's submit: busy state, the Idempotency-Key, and the API's refusal in Dutch. */
export function useSubmission<T = unknown>(): Submission<T> {
  const [key, setKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();

  const submit = useCallback(
    async (call: (idempotencyKey: string) => Promise<CallResult<T>>) => {
      setBusy(true);
      setRefusal(undefined);
      try {
        const { data, error, response } = await call(key);
        if (response.status < 500) setKey(newIdempotencyKey());
        if (!response.ok || error !== undefined) {
          setRefusal(describeRefusal(asErrorBody(error), response.status));
          return undefined;
        }
        return data;
      } catch {
        // The network: the same key is kept, so submitting again does the work once.
        setRefusal(describeRefusal(undefined, 503));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [key],
  );
  const fieldError = useCallback((field: string) => refusal?.fields[field]?.join(' '), [refusal]);
  return { busy, refusal, submit, fieldError };
}

/** The API's refusal, in Dutch, above the form; focused so that screen readers read it. */
export function RefusalMessage({
  refusal,
  labels = {},
}: {
  refusal: Refusal | undefined;
  /** Field path → the field's label, to name the fields in the summary. */
  labels?: Record<string, string>;
}) {
  if (!refusal) return null;
  const fieldEntries = Object.entries(refusal.fields);
  return (
    <Alert type="error" title={refusal.summary}>
      {(refusal.general.length > 0 || fieldEntries.length > 0) && (
        <ul className="utrecht-unordered-list">
          {refusal.general.map((problem) => (
            <li key={problem} className="utrecht-unordered-list__item">
              {problem}
            </li>
          ))}
          {fieldEntries.map(([field, problems]) => (
            <li key={field} className="utrecht-unordered-list__item">
              {labels[field] ?? field}: {problems.join(' ')}
            </li>
          ))}
        </ul>
      )}
      {refusal.requestId && (
        <p className="utrecht-paragraph werkplek-small">
          Kenmerk voor de helpdesk: {refusal.requestId}
        </p>
      )}
    </Alert>
  );
}
