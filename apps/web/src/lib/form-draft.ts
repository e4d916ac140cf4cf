import { useCallback, useEffect, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useLocation } from 'react-router';
import { useUser } from './auth';

/**
 * Unsaved form input kept in sessionStorage, per user and page, so that a session that ends in the
 * middle of an edit costs nothing: after logging in again the user lands on the same page and the
 * form comes back as it was. Values must be plain JSON (strings, numbers, booleans, arrays, objects).
 * Passwords are never stored, whatever the form: after a new login they have to be typed again.
 */

const PREFIX = 'vicidash.draft:';

/** Field names whose values stay out of browser storage (SIP and account passwords). */
const SECRET_FIELDS = new Set(['password', 'registrationPassword', 'phonePass', 'pass']);
const withoutSecrets = (key: string, value: unknown) => (SECRET_FIELDS.has(key) ? undefined : value);

export const draftKey = (username: string, page: string): string => `${PREFIX}${username}:${page}`;

function readDraft(key: string): unknown {
  try {
    const text = sessionStorage.getItem(key);
    return text === null ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Forgets every draft (at logout: the next person on this browser starts clean). */
export function clearAllDrafts(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
}

export interface FormDraft {
  /** The form was filled from a draft: show it ("Your unsaved changes were restored") with a way to discard. */
  restored: boolean;
  /** Forget the draft; call it once the form is saved. */
  clear: () => void;
  /** Forget the draft and put the form back to its loaded values. */
  discard: () => void;
}

/**
 * Keeps `form`'s unsaved input. Call it where the form is created with its final default values (for
 * an edit form: once the record is loaded), so that changes are still measured against those.
 * `page` defaults to the current path; pass one when a path holds more than one form.
 */
// Any context and submitted type: a resolver may hand the submit handler something else than the typed values.
export function useFormDraft<T extends FieldValues, C = unknown, R = T>(form: UseFormReturn<T, C, R>, page?: string): FormDraft {
  const { username } = useUser();
  const { pathname } = useLocation();
  const key = draftKey(username, page ?? pathname);
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    const draft = readDraft(key);
    if (draft !== undefined) {
      // Over the loaded values, since secrets are not in the draft; keepDefaultValues: the restored
      // input still counts as changes against the loaded record.
      form.reset({ ...form.getValues(), ...(draft as Partial<T>) } as T, { keepDefaultValues: true });
      setRestored(true);
    }
    return form.subscribe({
      formState: { values: true, isDirty: true },
      callback: ({ values, isDirty }) => {
        if (isDirty) sessionStorage.setItem(key, JSON.stringify(values, withoutSecrets));
        else sessionStorage.removeItem(key);
      },
    });
  }, [form, key]);

  const clear = useCallback(() => {
    sessionStorage.removeItem(key);
    setRestored(false);
  }, [key]);
  const discard = useCallback(() => {
    clear();
    form.reset();
  }, [clear, form]);
  return { restored, clear, discard };
}
