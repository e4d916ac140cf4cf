import type { RowData } from '@tanstack/react-table';
import type { DataTableProps, SortOrder } from './data-table';

/** What every list query holds besides its search and filters. */
interface ListQueryBase<S extends string> {
  sort: S;
  order: SortOrder;
  page: number;
  pageSize: number;
}

type PagingPatch = Partial<Record<'sort' | 'order' | 'page' | 'pageSize', string>>;

interface ListResult<T> {
  data?: { rows: T[]; total: number } | undefined;
  isFetching: boolean;
  isPlaceholderData: boolean;
}

/**
 * Wires a DataTable to a list's URL state and its query: the table shows the URL's sort and page,
 * and its clicks change the URL (which changes the query).
 */
export function listTableProps<T extends RowData, S extends string>(
  list: { query: ListQueryBase<S>; update: (patch: PagingPatch) => void },
  result: ListResult<T>,
): Pick<
  DataTableProps<T, S>,
  'rows' | 'total' | 'page' | 'pageSize' | 'sort' | 'order' | 'busy' | 'onSortChange' | 'onPageChange' | 'onPageSizeChange'
> {
  const { query, update } = list;
  return {
    rows: result.data?.rows,
    total: result.data?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    sort: query.sort,
    order: query.order,
    // The previous page stays on screen while the next one loads.
    busy: result.isFetching && result.isPlaceholderData,
    onSortChange: (sort, order) => update({ sort, order }),
    onPageChange: (page) => update({ page: String(page) }),
    onPageSizeChange: (pageSize) => update({ pageSize: String(pageSize) }),
  };
}
