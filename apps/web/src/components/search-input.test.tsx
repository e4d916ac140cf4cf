import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SEARCH_DEBOUNCE_MS, SearchInput } from './search-input';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('SearchInput', () => {
  it('reports the search once typing pauses, trimmed, and only once', () => {
    const onSearch = vi.fn();
    render(<SearchInput label="Search DIDs" value="" onSearch={onSearch} />);
    const box = screen.getByRole('searchbox', { name: 'Search DIDs' });
    for (const text of ['3', '31', '312 ']) {
      fireEvent.change(box, { target: { value: text } });
      act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 50));
    }
    expect(onSearch).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(50));
    expect(onSearch).toHaveBeenCalledExactlyOnceWith('312');
    expect(box).toHaveValue('312 ');
  });

  it('shows a search that changed elsewhere (Back, clear filters) without reporting it again', () => {
    const onSearch = vi.fn();
    const { rerender } = render(<SearchInput label="Search DIDs" value="sales" onSearch={onSearch} />);
    rerender(<SearchInput label="Search DIDs" value="" onSearch={onSearch} />);
    act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS * 2));
    expect(screen.getByRole('searchbox')).toHaveValue('');
    expect(onSearch).not.toHaveBeenCalled();
  });
});
