import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, type Ref, useState } from 'react';
import { ALIAS_LOGINS_BUDGET, aliasLoginsLength } from '@vicidash/contracts/alias';
import type { PhoneLoginLookup } from '@vicidash/contracts/lookups';
import { lookupQueries } from '../../lib/lookups';
import { errorMessage } from '../states';
import { ChipInput, type ChipSuggestion } from './chip-input';
import { itemKey } from './chips';
import { LOGIN_LOOKUP_LIMIT, type LoginCheck } from './login-check';
import { useDebouncedValue } from './use-debounced-value';

/**
 * Phone logins as chips (an alias's list): suggestions from the phone-login lookup as one types,
 * each chip checked against the phones (`check`, from useLoginCheck, which the form also uses to
 * refuse saving), and the characters the comma-joined list takes out of VICIdial's 255.
 */

export const LOGIN_SEARCH_DEBOUNCE_MS = 250;

/** What the lookup accepts as a search: the start of a login. */
const SEARCHABLE = /^[A-Za-z0-9_-]{1,15}$/;

const DEFAULT_HINT =
  'Type to search phone logins. Enter, a comma or a space adds what you typed; paste a list to add many. ' +
  'The chips are one stop for Tab: arrows move between them, Delete removes one.';

const describe = (row: PhoneLoginLookup[number]) =>
  `extension ${row.extension} on ${row.serverIp}${row.fullName ? `, ${row.fullName}` : ''}`;

export interface LoginPickerProps {
  value: readonly string[];
  onChange: (logins: string[]) => void;
  onBlur?: () => void;
  ref?: Ref<HTMLInputElement>;
  check: LoginCheck;
  label?: string;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
}

export function LoginPicker({ value, onChange, onBlur, ref, check, label = 'Phone logins', hint = DEFAULT_HINT, error, required }: LoginPickerProps) {
  const [text, setText] = useState('');
  const typed = text.trim();
  const search = useDebouncedValue(typed, LOGIN_SEARCH_DEBOUNCE_MS);
  const searchable = SEARCHABLE.test(search);
  const found = useQuery({
    ...lookupQueries.phoneLogins(search, LOGIN_LOOKUP_LIMIT),
    enabled: searchable,
    // The last answer stays while the next loads, narrowed below to what is typed now.
    placeholderData: keepPreviousData,
  });

  const chosen = new Set(value.map(itemKey));
  const suggestions: ChipSuggestion[] =
    searchable && typed !== ''
      ? (found.data ?? [])
          .filter((row) => itemKey(row.login).startsWith(itemKey(typed)) && !chosen.has(itemKey(row.login)))
          .map((row) => ({ value: row.login, description: describe(row) }))
      : [];
  const waiting = typed !== search || found.isFetching;
  const note =
    typed === '' || suggestions.length > 0 ? undefined
    : !SEARCHABLE.test(typed) ? 'A login has at most 15 letters, digits, - or _.'
    : waiting ? 'Searching phone logins…'
    : found.isError ? `Could not search the phone logins: ${errorMessage(found.error)}`
    : `No other phone login starts with “${typed}”.`;

  return (
    <ChipInput
      label={label}
      hint={hint}
      error={error}
      required={required}
      values={value}
      onChange={onChange}
      onBlur={onBlur}
      ref={ref}
      chipState={check.state}
      suggestions={suggestions}
      onTextChange={setText}
      suggestionsNote={note}
      budget={{ used: aliasLoginsLength(value), max: ALIAS_LOGINS_BUDGET, unit: 'characters (the logins joined by commas)' }}
    />
  );
}
