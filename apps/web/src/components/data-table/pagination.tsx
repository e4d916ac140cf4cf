import { useId } from 'react';

export const PAGE_SIZES = [25, 50, 100, 200] as const;

export interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
  busy: boolean;
  canPrevious: boolean;
  canNext: boolean;
  onFirst: () => void;
  onPrevious: () => void;
  onNext: () => void;
  onLast: () => void;
  onPageSize?: ((pageSize: number) => void) | undefined;
}

/** Where the list stands ("51–100 of 130", announced as it changes) and the page controls. */
export function Pagination(props: PaginationProps) {
  const { page, pageSize, total, pageCount, busy } = props;
  const sizeId = useId();
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  return (
    <div className="pagination">
      <p className="pagination-summary" role="status">
        {busy ? 'Updating…' : total === 0 ? 'No matching rows' : `Showing ${first}–${last} of ${total}`}
      </p>
      {props.onPageSize && (
        <div className="pagination-size">
          <label htmlFor={sizeId}>Rows per page</label>
          <select id={sizeId} value={pageSize} onChange={(event) => props.onPageSize?.(Number(event.target.value))}>
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
      )}
      <nav aria-label="Pages" className="pagination-pages">
        <button type="button" className="button" onClick={props.onFirst} disabled={!props.canPrevious}>
          First
        </button>
        <button type="button" className="button" onClick={props.onPrevious} disabled={!props.canPrevious}>
          Previous
        </button>
        <span className="pagination-page">
          Page {Math.min(page, Math.max(pageCount, 1))} of {Math.max(pageCount, 1)}
        </span>
        <button type="button" className="button" onClick={props.onNext} disabled={!props.canNext}>
          Next
        </button>
        <button type="button" className="button" onClick={props.onLast} disabled={!props.canNext}>
          Last
        </button>
      </nav>
    </div>
  );
}
