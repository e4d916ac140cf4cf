import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import './toast.css';

/**
 * Short messages after an action ("DID 3125550101 saved"). Successes are announced politely and
 * fade after a while; errors are announced at once and stay until dismissed.
 */

type ToastKind = 'success' | 'error';
interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
}

export interface Toasts {
  success: (message: string) => void;
  error: (message: string) => void;
}

const ToastContext = createContext<Toasts | null>(null);

export const SUCCESS_TOAST_MS = 6000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)), []);
  const show = useCallback(
    (kind: ToastKind, message: string) => {
      const id = nextId.current++;
      setToasts((current) => [...current, { id, kind, message }]);
      if (kind === 'success') setTimeout(() => dismiss(id), SUCCESS_TOAST_MS);
    },
    [dismiss],
  );
  const api = useMemo<Toasts>(
    () => ({ success: (message) => show('success', message), error: (message) => show('error', message) }),
    [show],
  );

  const list = (kind: ToastKind) =>
    toasts
      .filter((toast) => toast.kind === kind)
      .map((toast) => (
        <div key={toast.id} className={`toast toast--${kind}`}>
          <span>{toast.message}</span>
          <button type="button" className="toast-close" onClick={() => dismiss(toast.id)} aria-label="Dismiss message">
            ×
          </button>
        </div>
      ));

  return (
    <ToastContext.Provider value={api}>
      {children}
      {/* Live regions exist from the start: screen readers announce what is added to them. */}
      <section className="toasts" aria-label="Notifications">
        <div role="status">{list('success')}</div>
        <div role="alert">{list('error')}</div>
      </section>
    </ToastContext.Provider>
  );
}

export function useToast(): Toasts {
  const toasts = useContext(ToastContext);
  if (!toasts) throw new Error('useToast() outside ToastProvider');
  return toasts;
}
