import {
  type ColumnDef,
  createColumnHelper,
  functionalUpdate,
  type PaginationState,
  type RowData,
  type RowSelectionState,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  type Updater,
  useTable,
} from '@tanstack/react-table';
import { type ReactNode, useMemo } from 'react';
import { LoadingState } from '../states';
import { Pagination } from './pagination';
import { SelectCheckbox } from './select-checkbox';
import './data-table.css';

/**
 * The lists' table: TanStack Table in manual mode. The server sorts, filters and pages; the table
 * holds that state only to render it and to turn clicks into callbacks (which change the URL).
 */

export const listFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature, rowSelectionFeature });
export type ListFeatures = typeof listFeatures;
// `any`: the columns of one table hold values of different types.
export type ListColumn<T extends RowData> = ColumnDef<ListFeatures, T, any>;
/** Column definitions for a list of `T` (define them once, at module level). */
export const listColumns = <T extends RowData>() => createColumnHelper<ListFeatures, T>();

export type SortOrder = 'asc' | 'desc';

export interface RowSelection<T extends RowData> {
  /** Selected row ids (getRowId), kept across pages. */
  selected: RowSelectionState;
  onChange: (selected: RowSelectionState) => void;
  /** Names the row for its checkbox: "Select DID 3125550101". Stable (module-level). */
  rowLabel: (row: T) => string;
}

export interface DataTableProps<T extends RowData, S extends string> {
  /** The table's accessible name. */
  caption: string;
  /** Stable (module-level or memoized) column definitions; a column's id is its sort field. */
  columns: ListColumn<T>[];
  /** The current page's rows; undefined while the first page loads. */
  rows: T[] | undefined;
  getRowId: (row: T) => string;
  /** Matching rows on the server. */
  total: number;
  /** 1-based. */
  page: number;
  pageSize: number;
  /** The columns the server can sort by (the contract's *_SORT_FIELDS). */
  sortFields: readonly S[];
  sort: S;
  order: SortOrder;
  onSortChange: (sort: S, order: SortOrder) => void;
  onPageChange: (page: number) => void;
  onPageSizeChange?: (pageSize: number) => void;
  /** A newer page is on its way (the current one stays visible meanwhile). */
  busy?: boolean;
  /** Shown instead of rows when nothing matches. */
  empty: ReactNode;
  /** Adds a checkbox column (e.g. for bulk actions). */
  selection?: RowSelection<T>;
}

const NO_SELECTION: RowSelectionState = {};

export function DataTable<T extends RowData, S extends string>(props: DataTableProps<T, S>) {
  const { caption, rows, total, page, pageSize, sortFields, sort, order, busy = false, empty, selection } = props;
  const rowLabel = selection?.rowLabel;
  const columns = useMemo(() => (rowLabel ? [selectColumn(rowLabel), ...props.columns] : props.columns), [props.columns, rowLabel]);
  const data = useMemo(() => rows ?? [], [rows]);
  const sorting: SortingState = useMemo(() => [{ id: sort, desc: order === 'desc' }], [sort, order]);
  const pagination: PaginationState = useMemo(() => ({ pageIndex: page - 1, pageSize }), [page, pageSize]);

  const table = useTable({
    features: listFeatures,
    columns,
    data,
    getRowId: props.getRowId,
    manualSorting: true,
    manualPagination: true,
    autoResetPageIndex: false,
    enableMultiSort: false,
    enableSortingRemoval: false,
    enableRowSelection: selection !== undefined,
    rowCount: total,
    state: { sorting, pagination, rowSelection: selection?.selected ?? NO_SELECTION },
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = functionalUpdate(updater, sorting);
      if (next && isSortField(sortFields, next.id)) props.onSortChange(next.id, next.desc ? 'desc' : 'asc');
    },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const next = functionalUpdate(updater, pagination);
      if (next.pageSize !== pageSize) props.onPageSizeChange?.(next.pageSize);
      else if (next.pageIndex !== pagination.pageIndex) props.onPageChange(next.pageIndex + 1);
    },
    onRowSelectionChange: (updater: Updater<RowSelectionState>) => {
      if (selection) selection.onChange(functionalUpdate(updater, selection.selected));
    },
  });

  const pageRows = table.getRowModel().rows;
  return (
    <div className="data-table">
      <div className="data-table-scroll">
        <table aria-busy={busy || undefined}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sortable = isSortField(sortFields, header.column.id);
                  const current = header.column.id === sort;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sortable ? (current ? (order === 'asc' ? 'ascending' : 'descending') : 'none') : undefined}
                    >
                      {header.isPlaceholder ? null : sortable ? (
                        <button
                          type="button"
                          className="sort-button"
                          // Clicking the sorted column reverses it; another column starts ascending.
                          onClick={() => header.column.toggleSorting(current ? order === 'asc' : false)}
                        >
                          <table.FlexRender header={header} />
                          <span className="sort-indicator" aria-hidden="true">
                            {current ? (order === 'asc' ? '▲' : '▼') : '↕'}
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows === undefined ? (
              <tr>
                <td colSpan={columns.length}>
                  <LoadingState />
                </td>
              </tr>
            ) : pageRows.length === 0 ? (
              <tr>
                <td colSpan={columns.length}>{empty}</td>
              </tr>
            ) : (
              pageRows.map((row) => (
                <tr key={row.id} aria-selected={selection ? row.getIsSelected() : undefined}>
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} data-label={cellLabel(cell.column.columnDef.header)}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pagination
        page={page}
        pageSize={pageSize}
        total={total}
        pageCount={table.getPageCount()}
        busy={busy}
        canPrevious={table.getCanPreviousPage()}
        canNext={table.getCanNextPage()}
        onFirst={() => table.firstPage()}
        onPrevious={() => table.previousPage()}
        onNext={() => table.nextPage()}
        onLast={() => table.lastPage()}
        onPageSize={props.onPageSizeChange ? (size) => table.setPageSize(size) : undefined}
      />
    </div>
  );
}

/** A cell's column name, shown beside it when the rows are stacked as cards (data-table.css). */
const cellLabel = (header: unknown): string | undefined => (typeof header === 'string' ? header : undefined);

const isSortField = <S extends string>(fields: readonly S[], id: string): id is S => (fields as readonly string[]).includes(id);

function selectColumn<T extends RowData>(rowLabel: (row: T) => string): ListColumn<T> {
  return listColumns<T>().display({
    id: 'select',
    header: ({ table }) => (
      <SelectCheckbox
        label="Select every row on this page"
        checked={table.getIsAllPageRowsSelected()}
        indeterminate={table.getIsSomePageRowsSelected()}
        onChange={table.getToggleAllPageRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <SelectCheckbox label={rowLabel(row.original)} checked={row.getIsSelected()} onChange={row.getToggleSelectedHandler()} />
    ),
  });
}
