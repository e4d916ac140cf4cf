import { type ReactNode, type Ref, useEffect, useId, useRef } from 'react';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { isApiError } from '../lib/api-client';
import type { FormDraft } from '../lib/form-draft';
import { useToast } from './toast';

/**
 * A form page's side of the person's unsaved changes (kept by lib/form-draft): the notice when they
 * came back from a draft, the choice when a newer record refused them, and their end once saved.
 */

/**
 * Says that the form came back from a draft (after a session ended mid-edit, or an earlier visit),
 * with a way to drop it: `draft.discard`, or `onDiscard` where the page has more to undo.
 */
export function DraftNotice({ draft, onDiscard = draft.discard }: { draft: FormDraft; onDiscard?: () => void }) {
  if (!draft.restored) return null;
  return (
    <div className="form-notice" role="status">
      <span>Your unsaved changes were restored.</span>
      <button type="button" className="button" onClick={onDiscard}>
        Discard them
      </button>
    </div>
  );
}

export interface ConflictNoticeProps {
  /** What was changed: "DID" makes "Someone else changed this DID". */
  record: string;
  /** What they changed, and what becomes of the user's changes. */
  children: ReactNode;
  /** The way on that keeps the user's changes, redone on the newer record. */
  reapplyLabel: string;
  onReapply: () => void;
  onDiscard: () => void;
  /** A short notice is read out at once (an alert); a long one is a region to move through. */
  announce?: boolean;
  /**
   * For a page that moves the focus here itself (e.g. once its dialog has closed and given the
   * focus back); without it, the heading takes the focus as the notice appears.
   */
  headingRef?: Ref<HTMLHeadingElement>;
}

/**
 * A save refused because someone else saved the record first (409): nothing was saved, and the
 * user chooses between their changes applied to the newer record and the newer record as it is.
 */
export function ConflictNotice({ record, children, reapplyLabel, onReapply, onDiscard, announce = true, headingRef }: ConflictNoticeProps) {
  const headingId = useId();
  const ownHeading = useRef<HTMLHeadingElement>(null);
  const focusHere = headingRef === undefined;
  // The Save button that was pressed is now disabled: the focus moves here, where the choice is.
  useEffect(() => {
    if (focusHere) ownHeading.current?.focus();
  }, [focusHere]);
  return (
    <section className="form-notice conflict-notice" role={announce ? 'alert' : undefined} aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef ?? ownHeading} tabIndex={-1}>
        {`Someone else changed this ${record}`}
      </h2>
      {children}
      <div className="form-actions">
        <button type="button" className="button button--primary" onClick={onReapply}>
          {reapplyLabel}
        </button>
        <button type="button" className="button" onClick={onDiscard}>
          Discard my changes
        </button>
      </div>
    </section>
  );
}

/**
 * The record as it is now, when a write was refused because someone else changed it first: a 409
 * CONFLICT carries it in `details.current`. Undefined for any other failure.
 */
export function conflictingRecord<T>(error: unknown, recordSchema: z.ZodType<T>): T | undefined {
  if (!isApiError(error, 'CONFLICT')) return undefined;
  const { details } = error;
  const current = recordSchema.safeParse(typeof details === 'object' && details !== null && 'current' in details ? details.current : undefined);
  return current.success ? current.data : undefined;
}

/**
 * What a form does once its save went through: forgets its draft, says what was done, and moves
 * to `to` (the saved record's page), with `state` for that page if any.
 */
export function useFormSaved(draft: FormDraft) {
  const navigate = useNavigate();
  const toast = useToast();
  return (message: string, to: string, state?: unknown) => {
    draft.clear();
    toast.success(message);
    void navigate(to, { state });
  };
}
