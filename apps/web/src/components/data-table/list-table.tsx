import type { RowData } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { EmptyState, ErrorState } from '../states';
import { DataTable, type DataTableProps, type SortOrder } from './data-table';

/** What the table needs of a list's URL state (lib/list-state's `useListState`). */
interface ListTableState<S extends string> {
  query: { sort: S; order: SortOrder; page: number; pageSize: number };
  update: (patch: Partial<Record<'sort' | 'order' | 'page' | 'pageSize', string>>) => void;
  filtered: boolean;
  clearFilters: () => void;
}

/** What the table needs of the list's query (TanStack Query's result). */
interface ListResult<T> {
  data?: { rows: T[]; total: number } | undefined;
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  isPlaceholderData: boolean;
  refetch: () => unknown;
}

export interface ListTableProps<T extends RowData, S extends string>
  extends Pick<DataTableProps<T, S>, 'caption' | 'columns' | 'getRowId' | 'sortFields' | 'selection'> {
  list: ListTableState<S>;
  result: ListResult<T>;
  /** What an empty list says: with a search or filters (offering to clear them), and without. */
  noMatch: string;
  none: string;
  /** Shown above the table, not with the failure (e.g. a bar about the selected rows). */
  above?: ReactNode;
}

/** A list without rows: because of the search and filters (with a way to clear them), or really empty. */
export function EmptyList({ filtered, onClear, noMatch, none }: { filtered: boolean; onClear: () => void; noMatch: string; none: string }) {
  return filtered ? (
    <EmptyState
      action={
        <button type="button" className="button" onClick={onClear}>
          Clear search and filters
        </button>
      }
    >
      {noMatch}
    </EmptyState>
  ) : (
    <EmptyState>{none}</EmptyState>
  );
}

/**
 * A list page's table, wired to the list's URL state and its query: the table shows the URL's sort
 * and page, and its clicks change the URL (which changes the query). A list that could not be
 * loaded shows the failure with a retry; a failed refresh keeps the rows on screen.
 */
export function ListTable<T extends RowData, S extends string>({ list, result, noMatch, none, above, ...table }: ListTableProps<T, S>) {
  if (result.isError && !result.data) return <ErrorState error={result.error} onRetry={() => void result.refetch()} />;
  const { query, update } = list;
  return (
    <>
      {above}
      <DataTable
        {...table}
        rows={result.data?.rows}
        total={result.data?.total ?? 0}
        page={query.page}
        pageSize={query.pageSize}
        sort={query.sort}
        order={query.order}
        // The previous page stays on screen while the next one loads.
        busy={result.isFetching && result.isPlaceholderData}
        onSortChange={(sort, order) => update({ sort, order })}
        onPageChange={(page) => update({ page: String(page) })}
        onPageSizeChange={(pageSize) => update({ pageSize: String(pageSize) })}
        empty={<EmptyList filtered={list.filtered} onClear={list.clearFilters} noMatch={noMatch} none={none} />}
      />
    </>
  );
}
