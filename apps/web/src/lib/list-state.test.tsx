import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { didListQuerySchema } from '@vicidash/contracts/did';
import { readListState, useListState, writeListState } from './list-state';

const params = (search: string) => new URLSearchParams(search);

describe('readListState', () => {
  it('applies the contract defaults to an empty URL', () => {
    expect(readListState(didListQuerySchema, params(''))).toEqual({ sort: 'pattern', order: 'asc', page: 1, pageSize: 50 });
  });

  it('parses search, filters, sort and page from the URL', () => {
    expect(readListState(didListQuerySchema, params('search=%2B1312&route=IN_GROUP&active=false&sort=didId&order=desc&page=3'))).toEqual({
      search: '+1312',
      route: 'IN_GROUP',
      active: false,
      sort: 'didId',
      order: 'desc',
      page: 3,
      pageSize: 50,
    });
  });

  it('ignores what does not parse (an old or hand-edited link) and keeps the rest', () => {
    expect(readListState(didListQuerySchema, params('route=NOWHERE&page=-2&sort=colour&search=sales&active=maybe'))).toEqual({
      search: 'sales',
      sort: 'pattern',
      order: 'asc',
      page: 1,
      pageSize: 50,
    });
  });
});

describe('writeListState', () => {
  it('sets and removes parameters, leaving defaults out of the URL', () => {
    const next = writeListState(didListQuerySchema, params('search=a&page=2'), { search: 'b', route: 'CALLMENU', sort: 'pattern', order: 'desc' });
    expect(next.toString()).toBe('search=b&route=CALLMENU&order=desc');
    expect(writeListState(didListQuerySchema, next, { search: '', route: undefined }).toString()).toBe('order=desc');
  });

  it('starts again at page 1 when the search, a filter or the sort changes, not when the page does', () => {
    expect(writeListState(didListQuerySchema, params('page=4'), { active: 'true' }).get('page')).toBeNull();
    expect(writeListState(didListQuerySchema, params('page=4'), { sort: 'didId' }).get('page')).toBeNull();
    expect(writeListState(didListQuerySchema, params('active=true'), { page: '5' }).toString()).toBe('active=true&page=5');
    expect(writeListState(didListQuerySchema, params('page=5'), { page: '1' }).toString()).toBe('');
  });

  it('keeps parameters the list does not own', () => {
    expect(writeListState(didListQuerySchema, params('tab=history'), { search: 'x' }).toString()).toBe('tab=history&search=x');
  });
});

describe('useListState', () => {
  const setup = (initial: string) => {
    const wrapper = ({ children }: { children: ReactNode }) => <MemoryRouter initialEntries={[initial]}>{children}</MemoryRouter>;
    return renderHook(() => ({ list: useListState(didListQuerySchema), location: useLocation() }), { wrapper });
  };

  it('keeps both of two changes made in the same tick (two search boxes reporting at once)', () => {
    const { result } = setup('/dids?route=IN_GROUP');
    act(() => {
      result.current.list.update({ search: 'sales' }, { replace: true });
      result.current.list.update({ target: 'SALES_EN' }, { replace: true });
    });
    expect(result.current.list.query).toMatchObject({ route: 'IN_GROUP', search: 'sales', target: 'SALES_EN' });
  });

  it('keeps a change made while the router has yet to show the one before (a render in between sees the old URL)', async () => {
    // The router shows a new URL in a transition; this page holds that transition back (it suspends)
    // until released, as a slow page would, while other renders go on with the URL shown so far.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let released = false;
    void held.then(() => (released = true));
    function HoldNewUrl({ children }: { children: ReactNode }) {
      if (useLocation().search.includes('search=sales') && !released) throw held;
      return children;
    }
    const wrapper = ({ children }: { children: ReactNode }) => (
      <MemoryRouter initialEntries={['/dids?route=IN_GROUP']}>
        <HoldNewUrl>{children}</HoldNewUrl>
      </MemoryRouter>
    );
    const { result, rerender } = renderHook(() => ({ list: useListState(didListQuerySchema), location: useLocation() }), { wrapper });

    act(() => result.current.list.update({ search: 'sales' }, { replace: true }));
    // Another reason to render (a list's answer arriving) while the new URL is held back.
    rerender();
    expect(result.current.location.search).toBe('?route=IN_GROUP');
    act(() => result.current.list.update({ target: 'SALES_EN' }, { replace: true }));
    await act(async () => release());
    expect(result.current.list.query).toMatchObject({ route: 'IN_GROUP', search: 'sales', target: 'SALES_EN' });
  });

  it('reads the URL and writes changes back to it', () => {
    const { result } = setup('/dids?search=sales&page=2');
    expect(result.current.list.query).toMatchObject({ search: 'sales', page: 2 });
    expect(result.current.list.filtered).toBe(true);

    act(() => result.current.list.update({ page: '3' }));
    expect(result.current.location.search).toBe('?search=sales&page=3');
    expect(result.current.list.query.page).toBe(3);

    act(() => result.current.list.update({ route: 'EXTEN' }));
    expect(result.current.location.search).toBe('?search=sales&route=EXTEN');
    expect(result.current.list.query).toMatchObject({ route: 'EXTEN', page: 1 });
  });

  it('clears search and filters but keeps the sort', () => {
    const { result } = setup('/dids?search=sales&active=true&inGroup=SALES_EN&sort=description');
    act(() => result.current.list.clearFilters());
    expect(result.current.location.search).toBe('?sort=description');
    expect(result.current.list.filtered).toBe(false);
  });

  it('keeps the same query object while the URL does not change (stable query keys)', () => {
    const { result, rerender } = setup('/dids?search=a');
    const first = result.current.list.query;
    rerender();
    expect(result.current.list.query).toBe(first);
  });
});
