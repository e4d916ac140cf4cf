import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api-client';
import { listColumns } from './data-table';
import { ListTable, type ListTableProps } from './list-table';

interface Alias {
  aliasId: string;
}
const columns = [listColumns<Alias>().accessor('aliasId', { header: 'Alias ID' })];
const SORT_FIELDS = ['aliasId'] as const;

function setup(overrides: Partial<ListTableProps<Alias, 'aliasId'>> = {}) {
  const props: ListTableProps<Alias, 'aliasId'> = {
    list: { query: { sort: 'aliasId', order: 'asc', page: 1, pageSize: 50 }, update: vi.fn(), filtered: false, clearFilters: vi.fn() },
    result: { data: { rows: [{ aliasId: 'sales_pod1' }], total: 1 }, isError: false, error: null, isFetching: false, isPlaceholderData: false, refetch: vi.fn() },
    caption: 'Phone aliases',
    columns,
    getRowId: (alias) => alias.aliasId,
    sortFields: SORT_FIELDS,
    noMatch: 'No alias matches this search.',
    none: 'There are no phone aliases yet.',
    ...overrides,
  };
  render(<ListTable {...props} />);
  return { props, user: userEvent.setup() };
}

describe('ListTable', () => {
  it('shows the rows, and turns sorting and paging into URL changes', async () => {
    const { props, user } = setup({ above: <p>Above the table</p> });
    expect(within(screen.getByRole('table', { name: 'Phone aliases' })).getByRole('cell', { name: 'sales_pod1' })).toBeInTheDocument();
    expect(screen.getByText('Above the table')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Alias ID/ }));
    expect(props.list.update).toHaveBeenCalledWith({ sort: 'aliasId', order: 'desc' });
    await user.selectOptions(screen.getByLabelText('Rows per page'), '100');
    expect(props.list.update).toHaveBeenCalledWith({ pageSize: '100' });
  });

  it('shows a list that could not be loaded as the failure with a retry, without the table', async () => {
    const refetch = vi.fn();
    const { user } = setup({
      result: { data: undefined, isError: true, error: new ApiError(503, 'VICIDIAL_UNAVAILABLE', 'VICIdial does not answer.'), isFetching: false, isPlaceholderData: false, refetch },
      above: <p>Above the table</p>,
    });
    expect(screen.getByRole('alert')).toHaveTextContent('VICIdial does not answer.');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByText('Above the table')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(refetch).toHaveBeenCalled();
  });

  it('keeps the rows on screen when a refresh fails', () => {
    setup({ result: { data: { rows: [{ aliasId: 'sales_pod1' }], total: 1 }, isError: true, error: new Error('gone'), isFetching: false, isPlaceholderData: false, refetch: vi.fn() } });
    expect(screen.getByRole('cell', { name: 'sales_pod1' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says why a list is empty, and offers to clear a search that matched nothing', async () => {
    const empty = { data: { rows: [], total: 0 }, isError: false, error: null, isFetching: false, isPlaceholderData: false, refetch: vi.fn() };
    const clearFilters = vi.fn();
    const { user } = setup({ result: empty, list: { query: { sort: 'aliasId', order: 'asc', page: 1, pageSize: 50 }, update: vi.fn(), filtered: true, clearFilters } });
    expect(screen.getByText('No alias matches this search.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    expect(clearFilters).toHaveBeenCalled();
  });
});
