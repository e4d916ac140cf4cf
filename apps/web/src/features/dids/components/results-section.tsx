import { type ReactNode, useEffect, useId, useRef } from 'react';

/**
 * The answer to a copy or a bulk change, one row per DID. It takes the focus when it appears, so
 * the results are read out and keyboard users start from them.
 */
export function ResultsSection({ title, summary, children }: { title: string; summary: string; children: ReactNode }) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="panel results" aria-labelledby={id}>
      <h2 id={id} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <p>{summary}</p>
      {children}
    </section>
  );
}
