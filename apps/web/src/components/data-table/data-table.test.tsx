import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { RowSelectionState } from '@tanstack/react-table';
import { DataTable, type DataTableProps, listColumns } from './data-table';

interface Did {
  didId: number;
  pattern: string;
  route: string;
}
const column = listColumns<Did>();
const columns = [
  column.accessor('pattern', { header: 'DID' }),
  column.accessor('route', { header: 'Route' }),
  column.accessor('didId', { header: 'DID ID' }),
];
const SORT_FIELDS = ['pattern', 'didId'] as const;
type Sort = (typeof SORT_FIELDS)[number];
const rows: Did[] = [
  { didId: 7, pattern: '3125550101', route: 'IN_GROUP' },
  { didId: 8, pattern: '3125550102', route: 'EXTEN' },
];
const rowLabel = (did: Did) => `Select DID ${did.pattern}`;

function setup(overrides: Partial<DataTableProps<Did, Sort>> = {}) {
  const props: DataTableProps<Did, Sort> = {
    caption: 'DIDs',
    columns,
    rows,
    getRowId: (did) => String(did.didId),
    total: 130,
    page: 2,
    pageSize: 50,
    sortFields: SORT_FIELDS,
    sort: 'pattern',
    order: 'asc',
    onSortChange: vi.fn(),
    onPageChange: vi.fn(),
    onPageSizeChange: vi.fn(),
    empty: 'Nothing here',
    ...overrides,
  };
  render(<DataTable {...props} />);
  return { props, user: userEvent.setup() };
}

describe('DataTable', () => {
  it('renders the rows of the page under labelled column headers', () => {
    setup();
    const table = screen.getByRole('table', { name: 'DIDs' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByRole('cell', { name: '3125550102' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Showing 51–100 of 130');
    expect(screen.getByText('Page 2 of 3')).toBeInTheDocument();
  });

  it('marks the sorted column and makes only server-sortable columns clickable', () => {
    setup({ sort: 'didId', order: 'desc' });
    expect(screen.getByRole('columnheader', { name: 'DID ID' })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByRole('columnheader', { name: 'DID' })).toHaveAttribute('aria-sort', 'none');
    expect(screen.getByRole('columnheader', { name: 'Route' })).not.toHaveAttribute('aria-sort');
    expect(within(screen.getByRole('columnheader', { name: 'Route' })).queryByRole('button')).toBeNull();
  });

  it('sorts another column ascending, and reverses the sorted one', async () => {
    const { props, user } = setup({ sort: 'pattern', order: 'asc' });
    await user.click(screen.getByRole('button', { name: 'DID ID' }));
    expect(props.onSortChange).toHaveBeenLastCalledWith('didId', 'asc');
    await user.click(screen.getByRole('button', { name: 'DID' }));
    expect(props.onSortChange).toHaveBeenLastCalledWith('pattern', 'desc');
    expect(props.onPageChange).not.toHaveBeenCalled();
  });

  it('reverses a descending sort back to ascending', async () => {
    const { props, user } = setup({ sort: 'pattern', order: 'desc' });
    await user.click(screen.getByRole('button', { name: 'DID' }));
    expect(props.onSortChange).toHaveBeenLastCalledWith('pattern', 'asc');
  });

  it('pages with the server total: first, previous, next, last', async () => {
    const { props, user } = setup({ page: 2 });
    const pages = screen.getByRole('navigation', { name: 'Pages' });
    await user.click(within(pages).getByRole('button', { name: 'Next' }));
    expect(props.onPageChange).toHaveBeenLastCalledWith(3);
    await user.click(within(pages).getByRole('button', { name: 'Previous' }));
    expect(props.onPageChange).toHaveBeenLastCalledWith(1);
    await user.click(within(pages).getByRole('button', { name: 'Last' }));
    expect(props.onPageChange).toHaveBeenLastCalledWith(3);
    await user.click(within(pages).getByRole('button', { name: 'First' }));
    expect(props.onPageChange).toHaveBeenLastCalledWith(1);
    expect(props.onSortChange).not.toHaveBeenCalled();
  });

  it('disables what leads off the ends', () => {
    setup({ page: 3 });
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Last' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Previous' })).toBeEnabled();
  });

  it('changes the page size', async () => {
    const { props, user } = setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '100');
    expect(props.onPageSizeChange).toHaveBeenCalledWith(100);
    expect(props.onPageChange).not.toHaveBeenCalled();
  });

  it('shows the empty state, and a loading state before the first page', () => {
    const { unmount } = render(<DataTable {...{ ...baseProps(), rows: [], total: 0 }} />);
    expect(screen.getByText('Nothing here')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('No matching rows');
    unmount();
    render(<DataTable {...{ ...baseProps(), rows: undefined, total: 0 }} />);
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('Loading');
  });

  it('selects rows by labelled checkboxes, page-wide too', async () => {
    function Selectable({ onChange }: { onChange: (selected: RowSelectionState) => void }) {
      const [selected, setSelected] = useState<RowSelectionState>({ '99': true });
      return (
        <DataTable
          {...baseProps()}
          selection={{
            selected,
            rowLabel,
            onChange: (next) => {
              setSelected(next);
              onChange(next);
            },
          }}
        />
      );
    }
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(<Selectable onChange={onChange} />);
    await user.click(screen.getByRole('checkbox', { name: 'Select DID 3125550102' }));
    // A selection on another page (id 99) is kept.
    expect(onChange).toHaveBeenLastCalledWith({ '99': true, '8': true });
    expect(screen.getByRole('checkbox', { name: 'Select DID 3125550102' })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Select every row on this page' }));
    expect(onChange).toHaveBeenLastCalledWith({ '99': true, '7': true, '8': true });
  });
});

function baseProps(): DataTableProps<Did, Sort> {
  return {
    caption: 'DIDs',
    columns,
    rows,
    getRowId: (did) => String(did.didId),
    total: 2,
    page: 1,
    pageSize: 50,
    sortFields: SORT_FIELDS,
    sort: 'pattern',
    order: 'asc',
    onSortChange: () => {},
    onPageChange: () => {},
    empty: 'Nothing here',
  };
}
