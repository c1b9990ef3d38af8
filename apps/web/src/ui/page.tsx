import { useEffect, useRef, type ReactNode } from 'react';
import { Heading } from './ui';

/**
 * A page: its <h1>, the document title, and focus on the heading when the page opens, so that
 * keyboard and screen-reader users start at the new content.
 */
export function Page({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const heading = useRef<HTMLDivElement>(null);
  useEffect(() => {
    document.title = `${title} · Werkplek CJG`;
    heading.current?.focus();
  }, [title]);
  return (
    <>
      <div ref={heading} tabIndex={-1} className="werkplek-page-heading">
        <Heading level={1}>{title}</Heading>
      </div>
      {intro}
      {children}
    </>
  );
}

/** While data loads: a polite status for screen readers. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="utrecht-paragraph" role="status" aria-live="polite">
      {what} laden…
    </p>
  );
}
