import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';

/**
 * A list's search, filters, sort and page live in the URL, so a view can be shared and survives a
 * reload. The contract's list query schema (the same one the BFF parses) reads them.
 */

export type ListQuerySchema = z.ZodObject;
/** The URL parameters a list understands: the schema's fields. */
export type ListParam<S extends ListQuerySchema> = Extract<keyof S['shape'], string>;
/** Changes to the URL, as text; undefined or '' removes the parameter. */
export type ListPatch<S extends ListQuerySchema> = Partial<Record<ListParam<S>, string | undefined>>;

/** The list query in `params`; a parameter that does not parse (an old or hand-edited link) is ignored. */
export function readListState<S extends ListQuerySchema>(schema: S, params: URLSearchParams): z.output<S> {
  return parseListState(schema, params).query;
}

/** Each ignored parameter: its text and its problem in the schema's words ("Search: at most 100 characters"). */
export type ListProblems<S extends ListQuerySchema> = Partial<Record<ListParam<S>, { text: string; message: string }>>;

function parseListState<S extends ListQuerySchema>(schema: S, params: URLSearchParams): { query: z.output<S>; problems: ListProblems<S> } {
  const input: Record<string, string> = {};
  for (const name of Object.keys(schema.shape)) {
    const value = params.get(name);
    if (value !== null) input[name] = value;
  }
  const problems: Record<string, { text: string; message: string }> = {};
  for (;;) {
    const result = schema.safeParse(input);
    if (result.success) return { query: result.data, problems: problems as ListProblems<S> };
    const bad = result.error.issues.filter((issue) => String(issue.path[0]) in input);
    // An issue no parameter causes is a broken schema, not a bad link.
    if (bad.length === 0) throw result.error;
    for (const issue of bad) {
      const name = String(issue.path[0]);
      problems[name] ??= { text: input[name] as string, message: issue.message };
      delete input[name];
    }
  }
}

/**
 * `params` with `patch` applied. Values equal to the schema's defaults are left out (short links);
 * any change other than the page itself starts again at page 1.
 */
export function writeListState<S extends ListQuerySchema>(schema: S, params: URLSearchParams, patch: ListPatch<S>): URLSearchParams {
  const defaults = schema.parse({}) as Record<string, unknown>;
  const next = new URLSearchParams(params);
  for (const [name, value] of Object.entries(patch) as [string, string | undefined][]) {
    const isDefault = defaults[name] !== undefined && String(defaults[name]) === value;
    if (value === undefined || value === '' || isDefault) next.delete(name);
    else next.set(name, value);
  }
  if (Object.keys(patch).some((name) => name !== 'page')) next.delete('page');
  return next;
}

/** The parameters that arrange a list rather than narrow it. */
const ARRANGING = new Set(['sort', 'order', 'page', 'pageSize']);

/** The search and filter parameters of `schema` (everything but sort and paging). */
export const filterParams = <S extends ListQuerySchema>(schema: S): ListParam<S>[] =>
  (Object.keys(schema.shape) as ListParam<S>[]).filter((name) => !ARRANGING.has(name));

export interface ListState<S extends ListQuerySchema> {
  /** The parsed query, defaults applied: what goes to the BFF and into the query key. */
  query: z.output<S>;
  /** What the URL holds that the query leaves out (too long a search), so the page can say so. */
  problems: ListProblems<S>;
  /** Changes the URL; `replace` for changes while typing, so Back skips each keystroke. */
  update: (patch: ListPatch<S>, options?: { replace?: boolean }) => void;
  /** A search or a filter narrows the list (an empty result then offers to clear them). */
  filtered: boolean;
  clearFilters: () => void;
}

export function useListState<S extends ListQuerySchema>(schema: S): ListState<S> {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const { query, problems } = useMemo(() => parseListState(schema, new URLSearchParams(search)), [schema, search]);
  // Each update builds on the last URL written, not on the one a render saw: the router hands every
  // update of one tick the same snapshot, and it shows a new URL in a transition, so renders in
  // between (a list's answer arriving) still see the old one. Only a URL the router moves to (the
  // one written, or Back, a link) takes its place.
  const written = useRef(params);
  const shown = useRef(search);
  if (shown.current !== search) {
    shown.current = search;
    written.current = params;
  }
  const update = useCallback<ListState<S>['update']>(
    (patch, options) => {
      written.current = writeListState(schema, written.current, patch);
      setParams(written.current, { replace: options?.replace ?? false });
    },
    [schema, setParams],
  );
  const filters = filterParams(schema);
  const filtered = filters.some((name) => (query as Record<string, unknown>)[name] !== undefined);
  const clearFilters = () => update(Object.fromEntries(filters.map((name) => [name, undefined])) as ListPatch<S>);
  return { query, problems, update, filtered, clearFilters };
}
