import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DidRow } from '@vicidash/contracts/did';
import { AppRoutes } from '../../../app/routes';
import { fakeFetch, json } from '../../../test/fake-fetch';
import { renderWithApp, sessionOf } from '../../../test/render';

const row = (pattern: string, didId: number): DidRow => ({
  didId,
  pattern,
  description: `Line ${didId}`,
  active: true,
  route: 'IN_GROUP',
  target: 'SALES_EN',
  recordCall: 'N',
  userGroup: 'SALES',
});
const PAGES: Record<string, DidRow[]> = { '1': [row('3125550101', 1), row('3125550102', 2)], '2': [row('+13125550120', 3)] };

afterEach(() => vi.unstubAllGlobals());

describe('choosing DIDs in the list', () => {
  it('counts the selection across pages and opens the bulk change with those DIDs', async () => {
    fakeFetch((request) => {
      const url = new URL(request.url);
      if (url.pathname !== '/api/dids') return json(200, []);
      const page = url.searchParams.get('page') ?? '1';
      return json(200, { rows: PAGES[page], total: 3, page: Number(page), pageSize: 2 });
    });
    const user = userEvent.setup();
    renderWithApp(<AppRoutes />, { route: '/dids?pageSize=2', session: sessionOf('helpdesk') });
    await user.click(await screen.findByRole('checkbox', { name: 'Select DID 3125550102' }));
    expect(screen.getByText('1 DID selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Select DID +13125550120' }));
    expect(screen.getByText('2 DIDs selected (1 on other pages or outside this search)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Change the selected DIDs' })).toHaveAttribute('href', '/dids/bulk?dids=3125550102%2C%2B13125550120');
  });

  it('viewers get no selection', async () => {
    fakeFetch((request) =>
      new URL(request.url).pathname === '/api/dids' ? json(200, { rows: PAGES['1'], total: 2, page: 1, pageSize: 50 }) : json(200, []),
    );
    renderWithApp(<AppRoutes />, { route: '/dids', session: sessionOf('viewer') });
    await screen.findByRole('link', { name: '3125550101' });
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.queryByText(/selected/)).not.toBeInTheDocument();
  });
});

describe('the bulk change', () => {
  it('sends the chosen parts for the chosen DIDs and shows a result for each', async () => {
    const requests = fakeFetch(async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/dids/bulk') {
        return json(200, {
          results: [
            { did: '3125550101', ok: true },
            { did: '+13125550120', ok: false, error: { code: 'NOT_FOUND', message: 'There is no such DID.' } },
          ],
        });
      }
      if (path === '/api/lookups/call-menus') return json(200, [{ menuId: 'MAIN_IVR', name: 'Main menu' }]);
      return json(200, []);
    });
    const user = userEvent.setup();
    renderWithApp(<AppRoutes />, { route: '/dids/bulk?dids=3125550101%2C%2B13125550120', session: sessionOf('helpdesk') });
    await screen.findByRole('heading', { level: 1, name: 'Change several DIDs' });
    expect(screen.getByRole('radio', { name: "Keep each DID's route" })).toBeChecked();

    // Keeping everything is refused on the form.
    await user.click(screen.getByRole('button', { name: 'Apply to 2 DIDs' }));
    expect(await screen.findByText(/^Nothing to change/)).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Call menu' }));
    const menu = screen.getByRole('combobox', { name: 'Call menu' });
    await waitFor(() => expect(within(menu).getByRole('option', { name: 'MAIN_IVR – Main menu' })).toBeInTheDocument());
    await user.selectOptions(menu, 'MAIN_IVR');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Active' }), 'no');
    await user.click(screen.getByRole('button', { name: 'Apply to 2 DIDs' }));

    // Asked first, with the change in words; nothing is sent before.
    const dialog = await screen.findByRole('alertdialog', { name: 'Apply this change to 2 DIDs?' });
    expect(within(dialog).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Where calls go: Call menu', 'Call menu: MAIN_IVR', 'Active: No']);
    expect(requests.filter((request) => request.method === 'POST')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Apply to 2 DIDs' }));

    const results = await screen.findByRole('region', { name: 'Results' });
    expect(within(results).getByText('1 of 2 DIDs changed, 1 not changed.')).toBeInTheDocument();
    expect(within(results).getAllByRole('row').slice(1).map((tr) => tr.textContent)).toEqual([
      '3125550101Changed',
      '+13125550120Not changed: There is no such DID.',
    ]);
    expect(within(results).getByRole('link', { name: 'Try again with the 1 DID not changed' })).toHaveAttribute('href', '/dids/bulk?dids=%2B13125550120');
    const [post] = requests.filter((request) => request.method === 'POST');
    expect(await post?.json()).toEqual({ dids: ['3125550101', '+13125550120'], routing: { route: 'CALLMENU', menuId: 'MAIN_IVR' }, active: false });

    // The form starts over: a second click has nothing to apply.
    expect(screen.getByRole('radio', { name: "Keep each DID's route" })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Active' })).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Apply to 2 DIDs' }));
    expect(await screen.findByText(/^Nothing to change/)).toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  }, 20_000);
});
