import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PhoneLoginLookup } from '@vicidash/contracts/lookups';
import { fakeFetch, json } from '../../test/fake-fetch';
import { renderWithApp, sessionOf } from '../../test/render';
import { type LoadedLogins, useLoginCheck } from './login-check';
import { LoginPicker } from './login-picker';

const PHONES = ['1001a', '1002a', '1003a', '1010a', '1011a', '1012a', '2001b'];

let requests: Request[];
/** While set, lookups wait for it: lets a test see a check still running. */
let hold: Promise<void> | undefined;
beforeEach(() => {
  hold = undefined;
  requests = fakeFetch(async (request) => {
    await hold;
    const url = new URL(request.url);
    if (url.pathname !== '/api/lookups/phone-logins') return json(404, { code: 'NOT_FOUND', message: 'no such path' });
    const search = (url.searchParams.get('search') ?? '').toLowerCase();
    const limit = Number(url.searchParams.get('limit'));
    const rows: PhoneLoginLookup = PHONES.filter((login) => login.startsWith(search))
      .slice(0, limit)
      .map((login) => ({ login, extension: login.slice(0, 4), serverIp: '10.20.0.11', fullName: `Desk ${login}` }));
    return json(200, rows);
  });
});
afterEach(() => vi.unstubAllGlobals());

const lookups = () => requests.map((request) => new URL(request.url).searchParams.get('search'));

/** The picker as a form uses it: the list in state, checked against the phones. */
function Picker({ initial = [], loaded }: { initial?: string[]; loaded?: LoadedLogins }) {
  const [logins, setLogins] = useState(initial);
  const check = useLoginCheck(logins, loaded);
  return (
    <>
      <LoginPicker value={logins} onChange={setLogins} check={check} />
      <p data-testid="list">{logins.join(',')}</p>
      <p data-testid="blocker">{check.blocker ?? 'savable'}</p>
    </>
  );
}

function renderPicker(props: Parameters<typeof Picker>[0] = {}) {
  const user = userEvent.setup();
  renderWithApp(<Picker {...props} />, { session: sessionOf('supervisor') });
  const box = screen.getByRole('combobox', { name: /Phone logins/ });
  return { user, box };
}

const list = () => screen.getByTestId('list').textContent;
const blocker = () => screen.getByTestId('blocker').textContent;
const chips = () => within(screen.getByRole('list', { name: /Phone logins: \d+ chosen/ })).getAllByRole('listitem');

describe('LoginPicker', () => {
  it('suggests phone logins as one types and picks one with the arrows and Enter (ARIA combobox)', async () => {
    const { user, box } = renderPicker();
    expect(box).toHaveAttribute('aria-expanded', 'false');
    await user.type(box, '101');
    const listbox = await screen.findByRole('listbox');
    expect(box).toHaveAttribute('aria-expanded', 'true');
    expect(box).toHaveAttribute('aria-controls', listbox.id);
    expect(within(listbox).getAllByRole('option').map((option) => option.textContent)).toEqual([
      '1010a — extension 1010 on 10.20.0.11, Desk 1010a',
      '1011a — extension 1011 on 10.20.0.11, Desk 1011a',
      '1012a — extension 1012 on 10.20.0.11, Desk 1012a',
    ]);
    // Debounced: the typing cost one search, not one per key.
    expect(lookups()).toEqual(['101']);
    expect(requests[0]?.url).toMatch(/limit=10/);

    await user.keyboard('{ArrowDown}{ArrowDown}');
    const second = screen.getByRole('option', { name: /^1011a/ });
    expect(second).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', second.id);
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('option', { name: /^1010a/ })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}{Enter}');

    expect(list()).toBe('1011a');
    expect(box).toHaveValue('');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByText('Added 1011a.')).toBeInTheDocument();
    expect(blocker()).toBe('savable');

    // What is chosen is not offered again; Escape closes the list and keeps the text.
    await user.type(box, '101');
    await waitFor(() => expect(screen.getAllByRole('option').map((option) => option.textContent?.slice(0, 5))).toEqual(['1010a', '1012a']));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(box).toHaveValue('101');
  });

  it('a click on a suggestion adds it and keeps the focus in the box', async () => {
    const { user, box } = renderPicker();
    await user.type(box, '100');
    await user.click(await screen.findByRole('option', { name: /^1002a/ }));
    expect(list()).toBe('1002a');
    expect(box).toHaveFocus();
  });

  it('adds what is typed on Enter, a comma or a space, and a whole pasted list at once', async () => {
    const { user, box } = renderPicker();
    await user.type(box, '1001a{Enter}');
    await user.type(box, '1002a,');
    await user.type(box, '1003a ');
    expect(list()).toBe('1001a,1002a,1003a');
    expect(box).toHaveValue('');

    await user.paste('1010a, 1011a\n1012a\t2001b');
    expect(list()).toBe('1001a,1002a,1003a,1010a,1011a,1012a,2001b');
    expect(box).toHaveValue('');
    expect(screen.getByText('Added 1010a, 1011a, 1012a and 2001b.')).toBeInTheDocument();
    await waitFor(() => expect(blocker()).toBe('savable'));
  });

  it('refuses duplicates, ignoring case, and says so', async () => {
    const { user, box } = renderPicker({ initial: ['1001a', '1002a'], loaded: { logins: ['1001a', '1002a'], unknownLogins: [] } });
    await user.type(box, '1001A{Enter}');
    expect(list()).toBe('1001a,1002a');
    expect(screen.getByText('1001A is already in the list: not added again.')).toBeInTheDocument();

    await user.paste('1002a,1003a,1003A');
    expect(list()).toBe('1001a,1002a,1003a');
    expect(screen.getByText('1002a and 1003A are already in the list: not added again.')).toBeInTheDocument();
  });

  it('marks logins no phone has as invalid chips, in words, and refuses to save them', async () => {
    const { user, box } = renderPicker({
      initial: ['1001a', '2017b'],
      loaded: { logins: ['1001a', '2017b'], unknownLogins: ['2017b'] },
    });
    // What the loaded alias said is trusted: no lookup for its logins.
    expect(requests).toHaveLength(0);
    const stale = screen.getByRole('button', { name: 'Remove 2017b' });
    expect(stale).toHaveAccessibleDescription('(no phone has this login)');
    expect(stale.closest('li')).toHaveClass('chip--invalid');
    expect(screen.getByRole('button', { name: 'Remove 1001a' })).not.toHaveAccessibleDescription();
    expect(blocker()).toBe('Remove 2017b to save: see the marked login.');

    let release = () => {};
    hold = new Promise((resolve) => (release = resolve));
    await user.type(box, '9999z{Enter}');
    // Checked against the lookup: first "checking", then invalid, announced politely.
    expect(screen.getByRole('button', { name: 'Remove 9999z' })).toHaveAccessibleDescription('(checking…)');
    expect(blocker()).toMatch(/^Remove 2017b to save/);
    release();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Remove 9999z' })).toHaveAccessibleDescription('(no phone has this login)'));
    expect(screen.getByText('9999z: no phone has this login.')).toBeInTheDocument();
    expect(blocker()).toBe('Remove 2017b and 9999z to save: see the marked logins.');

    // Not even a login: refused without asking the server.
    const before = requests.length;
    await user.type(box, 'bad!{Enter}');
    expect(screen.getByRole('button', { name: 'Remove bad!' })).toHaveAccessibleDescription('(not a login: 1 to 15 letters, digits, - or _)');
    expect(requests).toHaveLength(before);

    for (const login of ['2017b', '9999z', 'bad!']) await user.click(screen.getByRole('button', { name: `Remove ${login}` }));
    expect(list()).toBe('1001a');
    expect(blocker()).toBe('savable');
  });

  it('a login found among the suggestions needs no check of its own; a typed one is checked once', async () => {
    const { user, box } = renderPicker();
    await user.type(box, '100');
    await screen.findByRole('listbox');
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await user.type(box, '2001b{Enter}');
    await waitFor(() => expect(blocker()).toBe('savable'));
    expect(list()).toBe('1002a,2001b');
    expect(lookups()).toEqual(['100', '2001b']);
  });

  it('removes the last chip with Backspace in the empty box', async () => {
    const { user, box } = renderPicker({ initial: ['1001a', '1002a', '1003a'], loaded: { logins: ['1001a', '1002a', '1003a'], unknownLogins: [] } });
    await user.click(box);
    await user.keyboard('{Backspace}');
    expect(list()).toBe('1001a,1002a');
    expect(screen.getByText('Removed 1003a.')).toBeInTheDocument();
    expect(box).toHaveFocus();
    // With text in the box, Backspace edits the text.
    await user.type(box, 'x{Backspace}');
    expect(list()).toBe('1001a,1002a');
  });

  it('the chips are one tab stop: arrows move between them, Delete and Backspace remove one', async () => {
    const logins = ['1001a', '1002a', '1003a', '1010a'];
    const { user, box } = renderPicker({ initial: logins, loaded: { logins, unknownLogins: [] } });
    const removeButtons = () => chips().map((chip) => within(chip).getByRole('button'));
    expect(removeButtons().filter((button) => button.tabIndex === 0)).toHaveLength(1);

    await user.click(box);
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('button', { name: 'Remove 1010a' })).toHaveFocus();
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('button', { name: 'Remove 1002a' })).toHaveFocus();
    await user.keyboard('{Delete}');
    expect(list()).toBe('1001a,1003a,1010a');
    // The next chip takes the focus, and is now the chips' tab stop.
    expect(screen.getByRole('button', { name: 'Remove 1003a' })).toHaveFocus();
    expect(removeButtons().filter((button) => button.tabIndex === 0)).toEqual([screen.getByRole('button', { name: 'Remove 1003a' })]);
    await user.keyboard('{Backspace}');
    expect(list()).toBe('1001a,1010a');
    expect(screen.getByRole('button', { name: 'Remove 1001a' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('button', { name: 'Remove 1010a' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(box).toHaveFocus();

    // Tab leaves the text box, Shift+Tab comes back to the chips' one stop.
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(screen.getByRole('button', { name: 'Remove 1010a' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(list()).toBe('1001a');
    await user.keyboard('{Delete}');
    expect(list()).toBe('');
    // No chip left: back to the text box.
    expect(box).toHaveFocus();
  });

  it('counts the characters of the joined list against the 255 budget and announces crossing it', async () => {
    // 41 logins of 5 characters and one of 9: 41 × 6 + 9 = 255 characters joined.
    const logins = [...Array.from({ length: 41 }, (_, i) => `${5000 + i}a`), 'abcdefghi'];
    const { user, box } = renderPicker({ initial: logins, loaded: { logins, unknownLogins: [] } });
    const budget = () => screen.getByText(/of 255 characters/, { selector: 'p' });
    expect(budget()).toHaveTextContent(/^255 of 255 characters/);
    expect(box).toHaveAccessibleDescription(expect.stringContaining('255 of 255 characters'));
    expect(screen.queryByText(/over the limit/)).not.toBeInTheDocument();

    await user.type(box, '1001a{Enter}');
    expect(budget()).toHaveTextContent('261 of 255 characters (the logins joined by commas): 6 over the limit');
    expect(screen.getByText('The list is over the limit: 261 of 255 characters (the logins joined by commas).')).toBeInTheDocument();

    await user.keyboard('{Backspace}');
    expect(budget()).toHaveTextContent(/^255 of 255 characters \(the logins joined by commas\)$/);
    expect(screen.getByText('The list is within the limit again: 255 of 255 characters (the logins joined by commas).')).toBeInTheDocument();
  });
});
