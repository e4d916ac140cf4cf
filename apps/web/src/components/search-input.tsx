import { useEffect, useRef, useState } from 'react';
import { Field } from './form-field';

export const SEARCH_DEBOUNCE_MS = 300;

export interface SearchInputProps {
  label: string;
  /** The applied search (from the URL). */
  value: string;
  /** Called once typing pauses, with the trimmed text. */
  onSearch: (value: string) => void;
  hint?: string;
  /** Why the search is not applied (shown on the box). */
  error?: string | undefined;
  className?: string;
}

/**
 * A search box that never waits for the server: it keeps what is typed locally and reports it once
 * typing pauses, so each keystroke costs no request and no re-render of the list.
 */
export function SearchInput({ label, value, onSearch, hint, error, className = 'field--search' }: SearchInputProps) {
  const [text, setText] = useState(value);
  const reported = useRef(value);
  const latest = useRef(onSearch);
  latest.current = onSearch;

  // The URL changed from elsewhere (Back, a link, "clear filters"): show it.
  useEffect(() => {
    if (value !== reported.current) {
      reported.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === reported.current) return;
    const timer = setTimeout(() => {
      reported.current = trimmed;
      latest.current(trimmed);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(control) => <input {...control} type="search" value={text} onChange={(event) => setText(event.target.value)} autoComplete="off" />}
    </Field>
  );
}
