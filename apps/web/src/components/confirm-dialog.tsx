import { type ReactNode, useRef, useState } from 'react';
import { Dialog } from './dialog';
import { errorMessage } from './states';

export interface ConfirmDialogProps {
  title: string;
  /** What will happen, in plain words (which record, what stays). */
  children: ReactNode;
  /** The action, named: "Delete DID", not "OK". */
  confirmLabel: string;
  /** Red confirm button (deletes); default true. */
  destructive?: boolean;
  /**
   * Runs the action. While its promise is pending both buttons wait; if it fails, the dialog stays
   * open with the reason, so the user can retry or cancel.
   */
  onConfirm: () => Promise<unknown> | void;
  /** Cancel, Escape, or after the action succeeded. */
  onClose: () => void;
}

/** Asks before a destructive action. Focus starts on Cancel, the safe choice. */
export function ConfirmDialog({ title, children, confirmLabel, destructive = true, onConfirm, onClose }: ConfirmDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);

  const confirm = async () => {
    if (pending) return;
    setPending(true);
    setFailure(undefined);
    try {
      await onConfirm();
      onClose();
    } catch (error) {
      setFailure(error);
      setPending(false);
    }
  };

  return (
    <Dialog
      title={title}
      role="alertdialog"
      initialFocus={cancel}
      onClose={() => {
        if (!pending) onClose();
      }}
      actions={
        <>
          {/* aria-disabled, not disabled: a disabled button would drop the focus out of the dialog. */}
          <button ref={cancel} type="button" className="button" onClick={() => !pending && onClose()} aria-disabled={pending || undefined}>
            Cancel
          </button>
          <button
            type="button"
            className={destructive ? 'button button--danger' : 'button button--primary'}
            onClick={() => void confirm()}
            aria-disabled={pending || undefined}
          >
            {pending ? 'Working…' : confirmLabel}
          </button>
        </>
      }
    >
      {children}
      <p className="form-error" role="alert">
        {failure === undefined ? '' : errorMessage(failure)}
      </p>
    </Dialog>
  );
}
