import { type ReactNode, useEffect, useRef } from 'react';

/**
 * After a move to another page, focus goes to its heading, so screen readers announce the new page
 * and keyboard users continue from the top of its content. A page whose code is still loading has
 * no heading yet: the focus is then handed to its heading when it appears.
 */
let headingFocusPending = false;

export function focusPageHeading(main: HTMLElement): void {
  const heading = main.querySelector<HTMLElement>('h1');
  headingFocusPending = heading === null;
  (heading ?? main).focus();
}

/** The page's title (its one h1) and its main actions. */
export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!headingFocusPending) return;
    headingFocusPending = false;
    heading.current?.focus();
  }, []);
  return (
    <div className="page-header">
      <div>
        <title>{`${title} · VICIdial dashboard`}</title>
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {description && <p>{description}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}
