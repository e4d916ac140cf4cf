import type { ReactNode } from 'react';
import type { ListParam, ListPatch, ListQuerySchema, ListState } from '../lib/list-state';
import { SelectField } from './form-field';
import { SearchInput } from './search-input';

/** The search box and filters above a list (a search landmark). */
export function ListToolbar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="list-toolbar" role="search" aria-label={label}>
      {children}
    </div>
  );
}

/** A search box for one of the list's URL parameters (typing replaces the history entry). */
export function ListSearch<S extends ListQuerySchema>({ list, param, label, hint }: { list: ListState<S>; param: ListParam<S>; label: string; hint?: string }) {
  const value = (list.query as Record<string, unknown>)[param];
  const problem = list.problems[param];
  return (
    <SearchInput
      label={label}
      hint={hint}
      // The list is not narrowed by a search it cannot take: say so, or every row looks like a match.
      error={problem && `${problem.message}. This search is not applied: the list is not narrowed by it.`}
      value={problem ? problem.text : typeof value === 'string' ? value : ''}
      onSearch={(text) => list.update({ [param]: text } as ListPatch<S>, { replace: true })}
    />
  );
}

export interface FilterOption {
  value: string;
  label: string;
}

/** A filter with a fixed set of choices; '' is "any". */
export function ChoiceFilter({
  label,
  anyLabel,
  value,
  options,
  onChange,
}: {
  label: string;
  anyLabel: string;
  value: string;
  options: readonly FilterOption[];
  onChange: (value: string) => void;
}) {
  // The URL's value stays visible even before (or without) the list of choices it comes from.
  const choices = value && !options.some((option) => option.value === value) ? [{ value, label: value }, ...options] : options;
  return (
    <SelectField label={label} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{anyLabel}</option>
      {choices.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </SelectField>
  );
}

const ACTIVE_OPTIONS: readonly FilterOption[] = [
  { value: 'true', label: 'Active only' },
  { value: 'false', label: 'Inactive only' },
];

/** The yes/no "active" filter of the lists; value is the URL's 'true' / 'false' / ''. */
export function ActiveFilter({ value, onChange }: { value: boolean | undefined; onChange: (value: string) => void }) {
  return <ChoiceFilter label="Active" anyLabel="Active and inactive" value={value === undefined ? '' : String(value)} options={ACTIVE_OPTIONS} onChange={onChange} />;
}
