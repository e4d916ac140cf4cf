import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AliasDetail } from '@vicidash/contracts/alias';
import { fakeFetch, json } from '../../../test/fake-fetch';
import { phoneLoginsAnswer } from '../../../test/fixtures';
import { renderWithApp, sessionOf } from '../../../test/render';
import { AliasEditPage } from './alias-edit-page';

const PHONES = ['1001a', '1002a', '1003a', '1004a', '1005a', '4001b'];

/** A BFF holding one alias, with versions and If-Match as the real one. */
function fakeBff(initial: Omit<AliasDetail, 'version' | 'unknownLogins' | 'phones'>) {
  let version = 1;
  let alias = initial;
  const record = (): AliasDetail => ({ ...alias, unknownLogins: [], phones: [], version: `v${version}` });
  const puts: { body: unknown; ifMatch: string | null }[] = [];
  fakeFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/lookups/phone-logins') return phoneLoginsAnswer(url, PHONES);
    if (url.pathname !== `/api/aliases/${alias.aliasId}`) return json(404, { code: 'NOT_FOUND', message: 'No such thing.' });
    if (request.method === 'GET') return json(200, record());
    const body = (await request.json()) as { name?: string; logins?: string[] };
    const ifMatch = request.headers.get('If-Match');
    puts.push({ body, ifMatch });
    if (ifMatch !== `"v${version}"`) {
      return json(409, { code: 'CONFLICT', message: 'This alias was changed by someone else since you loaded it.', details: { current: record() } });
    }
    alias = { ...alias, ...body };
    version += 1;
    return json(200, record());
  });
  return {
    puts,
    /** Someone else saves a change. */
    change: (logins: string[]) => {
      alias = { ...alias, logins };
      version += 1;
    },
  };
}

const SALES = { aliasId: 'sales_pod1', name: 'Sales pod 1', logins: ['1001a', '1002a', '1003a'], userGroup: null };
const at = { route: '/aliases/sales_pod1/edit', session: sessionOf('supervisor', 'sam') };

function renderEdit() {
  const user = userEvent.setup();
  const view = renderWithApp(
    <Routes>
      <Route path="/aliases/:aliasId/edit" element={<AliasEditPage />} />
      <Route path="/aliases/:aliasId" element={<p>Alias detail page</p>} />
    </Routes>,
    at,
  );
  return { user, ...view };
}

const loginBox = () => screen.findByRole('combobox', { name: /Phone logins/ });

/** Adds `add` and removes `remove` with the picker. */
async function edit(user: ReturnType<typeof userEvent.setup>, add: string, remove: string) {
  await user.type(await loginBox(), `${add}{Enter}`);
  await user.click(screen.getByRole('button', { name: `Remove ${remove}` }));
}

beforeEach(() => sessionStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('AliasEditPage', () => {
  it('starts from the current list, shows what is added and removed, and saves over the loaded version', async () => {
    const bff = fakeBff(SALES);
    const { user } = renderEdit();
    expect(await screen.findByRole('button', { name: 'Review and save' })).toBeDisabled();
    await edit(user, '1004a', '1002a');
    expect(screen.getByText('1 to add, 1 to remove.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Review and save' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Save alias sales_pod1?' });
    expect(within(dialog).getByText('Logins to add (1)').nextElementSibling).toHaveTextContent('+ 1004a');
    expect(within(dialog).getByText('Logins to remove (1)').nextElementSibling).toHaveTextContent('− 1002a');
    await user.click(within(dialog).getByRole('button', { name: 'Save alias' }));

    expect(await screen.findByText('Alias detail page')).toBeInTheDocument();
    expect(bff.puts).toEqual([{ body: { logins: ['1001a', '1003a', '1004a'] }, ifMatch: '"v1"' }]);
  });

  it('a list of one login says "1 login"', async () => {
    fakeBff({ ...SALES, logins: ['1001a', '1002a'] });
    const { user } = renderEdit();
    await user.click(await screen.findByRole('button', { name: 'Remove 1002a' }));
    await user.click(screen.getByRole('button', { name: 'Review and save' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Save alias sales_pod1?' });
    expect(dialog).toHaveTextContent('The list will hold 1 login (5 of 255 characters).');
  });

  it('on a 409 shows the newer list and re-applies my changes to it, keeping the login someone else added', async () => {
    const bff = fakeBff(SALES);
    const { user } = renderEdit();
    await edit(user, '1004a', '1002a');
    // Meanwhile someone else adds 4001b.
    bff.change(['1001a', '1002a', '1003a', '4001b']);

    await user.click(screen.getByRole('button', { name: 'Review and save' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Save alias' }));
    const conflict = await screen.findByRole('region', { name: 'Someone else changed this alias' });
    await waitFor(() => expect(within(conflict).getByRole('heading', { level: 2 })).toHaveFocus());
    expect(within(conflict).getByRole('list', { name: 'The newer list' })).toHaveTextContent('1001a1002a1003a4001b');
    expect(within(conflict).getByText('They added (1)').nextElementSibling).toHaveTextContent('4001b');
    expect(within(conflict).getByText('You add (1)').nextElementSibling).toHaveTextContent('1004a');
    expect(within(conflict).getByText('You remove (1)').nextElementSibling).toHaveTextContent('1002a');
    expect(screen.getByRole('button', { name: 'Review and save' })).toBeDisabled();

    await user.click(within(conflict).getByRole('button', { name: 'Apply my changes to the newer list' }));
    expect(screen.queryByRole('region', { name: 'Someone else changed this alias' })).not.toBeInTheDocument();
    expect(screen.getByText('Your changes were applied to the newer list. Review them and save.')).toHaveFocus();
    expect(screen.getByRole('list', { name: /Phone logins: 4 chosen/ })).toHaveTextContent(/1001a.*1003a.*4001b.*1004a/);

    await user.click(screen.getByRole('button', { name: 'Review and save' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText('Logins to add (1)').nextElementSibling).toHaveTextContent('1004a');
    expect(within(dialog).getByText('Logins to remove (1)').nextElementSibling).toHaveTextContent('1002a');
    await user.click(within(dialog).getByRole('button', { name: 'Save alias' }));
    expect(await screen.findByText('Alias detail page')).toBeInTheDocument();
    expect(bff.puts.at(-1)).toEqual({ body: { logins: ['1001a', '1003a', '4001b', '1004a'] }, ifMatch: '"v2"' });
  });

  it('a draft kept over a session end meets the newer version as a conflict, not as changes over it', async () => {
    const bff = fakeBff(SALES);
    const first = renderEdit();
    await edit(first.user, '1004a', '1002a');
    // The session ends (the page goes), and someone else saves meanwhile.
    first.unmount();
    bff.change(['1001a', '1002a', '1003a', '4001b']);

    const { user } = renderEdit();
    expect(await screen.findByText('Your unsaved changes were restored.')).toBeInTheDocument();
    const conflict = await screen.findByRole('region', { name: 'Someone else changed this alias' });
    expect(within(conflict).getByText('They added (1)').nextElementSibling).toHaveTextContent('4001b');
    await user.click(within(conflict).getByRole('button', { name: 'Apply my changes to the newer list' }));
    await user.click(screen.getByRole('button', { name: 'Review and save' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Save alias' }));
    expect(await screen.findByText('Alias detail page')).toBeInTheDocument();
    expect(bff.puts).toEqual([{ body: { logins: ['1001a', '1003a', '4001b', '1004a'] }, ifMatch: '"v2"' }]);
  });

  it('refuses to save while a login has no phone, on the logins field', async () => {
    fakeBff(SALES);
    const { user } = renderEdit();
    await user.type(await loginBox(), '9999z{Enter}');
    await user.click(screen.getByRole('button', { name: 'Review and save' }));
    await waitFor(() => expect(screen.getByRole('combobox', { name: /Phone logins/ })).toHaveAccessibleDescription(expect.stringContaining('Remove 9999z to save')));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });
});
