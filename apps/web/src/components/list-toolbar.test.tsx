import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { didListQuerySchema } from '@vicidash/contracts/did';
import { useListState } from '../lib/list-state';
import { ListSearch } from './list-toolbar';

function DidSearch() {
  const list = useListState(didListQuerySchema);
  return (
    <>
      <ListSearch list={list} param="search" label="Search DIDs" />
      <p>Searching for: {list.query.search ?? 'nothing'}</p>
    </>
  );
}

const open = (search: string) =>
  render(
    <MemoryRouter initialEntries={[`/dids?search=${encodeURIComponent(search)}`]}>
      <DidSearch />
    </MemoryRouter>,
  );

describe('ListSearch', () => {
  it('a search longer than the limit stays in the box and says it is not applied, naming the limit', () => {
    const long = '3'.repeat(101);
    open(long);
    const box = screen.getByRole('searchbox', { name: 'Search DIDs' });
    expect(box).toHaveValue(long);
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveAccessibleDescription('Search: at most 100 characters. This search is not applied: the list is not narrowed by it.');
    expect(screen.getByText('Searching for: nothing')).toBeInTheDocument();
  });

  it('a search within the limit is applied, without a message', () => {
    open('3'.repeat(100));
    expect(screen.getByRole('searchbox', { name: 'Search DIDs' })).not.toHaveAttribute('aria-invalid');
    expect(screen.getByText(`Searching for: ${'3'.repeat(100)}`)).toBeInTheDocument();
  });
});
