import { type KeyboardEvent, type ReactNode, type RefObject, useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import './dialog.css';

/**
 * A modal dialog: the rest of the page is inert while it is open, Tab and Shift+Tab stay inside,
 * Escape closes it, and focus goes back to where it was (usually the button that opened it).
 */

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

const focusablesIn = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>(FOCUSABLE)];

export interface DialogProps {
  title: string;
  /** Escape, or the dialog's own cancel control. */
  onClose: () => void;
  children: ReactNode;
  /** The buttons at the bottom. */
  actions?: ReactNode;
  /** What gets focus first; by default the first focusable element. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** 'alertdialog' for confirmations that interrupt. */
  role?: 'dialog' | 'alertdialog';
}

/** Render it only while open: mounting opens it, unmounting closes it and returns focus. */
export function Dialog({ title, onClose, children, actions, initialFocus, role = 'dialog' }: DialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const backdrop = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Everything else on the page leaves the tab order and the accessibility tree.
    const madeInert = [...document.body.children].filter((element) => element !== backdrop.current && !element.hasAttribute('inert'));
    for (const element of madeInert) element.setAttribute('inert', '');
    const target = initialFocus?.current ?? (panel.current && focusablesIn(panel.current)[0]) ?? panel.current;
    target?.focus();
    return () => {
      for (const element of madeInert) element.removeAttribute('inert');
      if (opener?.isConnected) opener.focus();
    };
    // Opening happens once per mount: a later initialFocus must not steal focus mid-dialog.
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !panel.current) return;
    const focusables = focusablesIn(panel.current);
    const first = focusables[0];
    const last = focusables[focusables.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    if (event.shiftKey && (document.activeElement === first || document.activeElement === panel.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div ref={backdrop} className="dialog-backdrop">
      <div
        ref={panel}
        className="dialog"
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        <div id={bodyId} className="dialog-body">
          {children}
        </div>
        {actions && <div className="dialog-actions">{actions}</div>}
      </div>
    </div>,
    document.body,
  );
}
