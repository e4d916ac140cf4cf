import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DidDetail } from '@vicidash/contracts/did';
import type { Role } from '@vicidash/contracts/permissions';
import { AppRoutes } from '../../../app/routes';
import { fakeFetch, json } from '../../../test/fake-fetch';
import { phoneRow } from '../../../test/fixtures';
import { renderWithApp, sessionOf } from '../../../test/render';
import { storedDid } from '../test-did';

const DID_PATH = `/api/dids/${storedDid.didId}`;

/** The BFF as far as the DID forms use it; `onWrite` answers the writes. */
function fakeBff(did: () => DidDetail, onWrite: (request: Request) => Response | Promise<Response> = () => json(500, {})) {
  return fakeFetch(async (request) => {
    const path = new URL(request.url).pathname;
    if (request.method !== 'GET') return onWrite(request);
    if (path === DID_PATH) return json(200, did());
    if (path === '/api/lookups/in-groups')
      return json(200, [
        { groupId: 'SALES_EN', name: 'Sales - English', active: true },
        { groupId: 'PROMO_2023', name: 'Spring promo', active: false },
      ]);
    if (path === '/api/lookups/call-menus') return json(200, [{ menuId: 'MAIN_IVR', name: 'Main menu' }]);
    if (path === '/api/lookups/campaigns') return json(200, [{ campaignId: 'OUTSALES', name: 'Outbound sales', active: true }]);
    if (path === '/api/lookups/servers') return json(200, [{ serverId: 'ast1', serverIp: '10.20.0.11', description: null, active: true }]);
    if (path === '/api/phones') return json(200, { rows: [phoneRow], total: 1, page: 1, pageSize: 20 });
    return json(404, { code: 'NOT_FOUND', message: `no fake for ${path}` });
  });
}

const open = async (route: string, heading: string, role: Role = 'helpdesk') => {
  const user = userEvent.setup();
  renderWithApp(<AppRoutes />, { route, session: sessionOf(role) });
  await screen.findByRole('heading', { level: 1, name: heading });
  return user;
};

const writes = (requests: Request[]) => requests.filter((request) => request.method !== 'GET');
const IN_GROUP_EXTRAS = ['Call handle method', 'Agent search method', 'List ID', 'Entry list ID', 'Campaign', 'Phone code'];

afterEach(() => vi.unstubAllGlobals());

describe('the route fields', () => {
  it('show only the chosen route’s fields; switching route hides the in-group extras and does not send them', async () => {
    const requests = fakeBff(
      () => storedDid,
      () => json(201, { ...storedDid, didId: 99, pattern: '3125559001', route: 'CALLMENU', menuId: 'MAIN_IVR' }),
    );
    const user = await open('/dids/new', 'Add DID');
    expect(screen.queryByRole('combobox', { name: 'In-group' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'In-group' }));
    const inGroup = await screen.findByRole('combobox', { name: 'In-group' });
    await waitFor(() => expect(within(inGroup).getByRole('option', { name: 'PROMO_2023 – Spring promo (inactive)' })).toBeInTheDocument());
    for (const label of IN_GROUP_EXTRAS) expect(screen.getByLabelText(label)).toBeInTheDocument();
    expect(within(screen.getByLabelText('Agent search method')).getByRole('option', { name: /^SO – Server only/ })).toBeInTheDocument();
    await user.selectOptions(inGroup, 'SALES_EN');
    await user.type(screen.getByLabelText('List ID'), '20002');
    await user.selectOptions(screen.getByLabelText('Agent search method'), 'LO');

    await user.click(screen.getByRole('radio', { name: 'Call menu' }));
    expect(screen.queryByRole('combobox', { name: 'In-group' })).not.toBeInTheDocument();
    for (const label of IN_GROUP_EXTRAS) expect(screen.queryByLabelText(label)).not.toBeInTheDocument();
    const menu = screen.getByRole('combobox', { name: 'Call menu' });
    await waitFor(() => expect(within(menu).getByRole('option', { name: 'MAIN_IVR – Main menu' })).toBeInTheDocument());
    await user.selectOptions(menu, 'MAIN_IVR');
    await user.type(screen.getByRole('textbox', { name: /^DID number/ }), '3125559001');
    await user.click(screen.getByRole('button', { name: 'Add DID' }));

    await screen.findByRole('heading', { level: 1, name: 'DID 3125559001' });
    const [post] = writes(requests);
    expect(post?.url).toMatch(/\/api\/dids$/);
    expect(await post?.json()).toEqual({ pattern: '3125559001', routing: { route: 'CALLMENU', menuId: 'MAIN_IVR' } });
  }, 20_000);

  it('going back to a route finds what was typed there', async () => {
    fakeBff(() => storedDid);
    const user = await open('/dids/new', 'Add DID');
    await user.click(screen.getByRole('radio', { name: 'Extension' }));
    await user.type(screen.getByRole('textbox', { name: 'Extension' }), '8300');
    await user.click(screen.getByRole('radio', { name: 'Voicemail' }));
    expect(screen.queryByRole('textbox', { name: 'Extension' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Extension' }));
    expect(screen.getByRole('textbox', { name: 'Extension' })).toHaveValue('8300');
  });

  it('a new DID without a route or target is refused on the form, nothing sent', async () => {
    const requests = fakeBff(() => storedDid);
    const user = await open('/dids/new', 'Add DID');
    await user.type(screen.getByRole('textbox', { name: /^DID number/ }), '3125559001');
    await user.click(screen.getByRole('button', { name: 'Add DID' }));
    expect(await screen.findByText('Where calls go: required')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Phone' }));
    await user.click(screen.getByRole('button', { name: 'Add DID' }));
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Server IP' })).toHaveAccessibleDescription(/Server IP: required/));
    expect(screen.getByRole('combobox', { name: 'Phone extension' })).toHaveAccessibleDescription(/Phone extension: required/);
    expect(writes(requests)).toEqual([]);
  });

  it('"Where calls go: required" goes once a route is chosen', async () => {
    fakeBff(() => storedDid);
    const user = await open('/dids/new', 'Add DID');
    await user.type(screen.getByRole('textbox', { name: /^DID number/ }), '3125559001');
    await user.click(screen.getByRole('button', { name: 'Add DID' }));
    expect(await screen.findByText('Where calls go: required')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Extension' }));
    await waitFor(() => expect(screen.queryByText('Where calls go: required')).not.toBeInTheDocument());
    expect(screen.getByRole('radio', { name: 'Extension' })).not.toHaveAttribute('aria-invalid');
  });

  it('a refused save focuses the first field in error on the form, whatever order the problems come in', async () => {
    fakeFetch(async (request) => {
      const path = new URL(request.url).pathname;
      if (request.method === 'POST')
        return json(400, {
          code: 'VALIDATION',
          message: 'Check the fields',
          details: {
            issues: [
              { field: 'routing.context', message: 'Context: 1 to 50 letters, digits, - or _' },
              { field: 'description', message: 'Description: 6 to 50 letters, digits, spaces or . , _ -' },
            ],
          },
        });
      return json(404, { code: 'NOT_FOUND', message: `no fake for ${path}` });
    });
    const user = await open('/dids/new', 'Add DID');
    await user.type(screen.getByRole('textbox', { name: /^DID number/ }), '3125559001');
    await user.type(screen.getByRole('textbox', { name: 'Description' }), 'Night line');
    await user.click(screen.getByRole('radio', { name: 'Extension' }));
    await user.type(screen.getByRole('textbox', { name: /^Extension/ }), '8300');
    await user.type(screen.getByRole('textbox', { name: /^Context/ }), 'default');
    await user.click(screen.getByRole('button', { name: 'Add DID' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Description' })).toHaveAccessibleDescription(/Description: 6 to 50/));
    expect(screen.getByRole('textbox', { name: 'Description' })).toHaveFocus();
  });

  it('the phone route suggests the chosen server’s phones as the extension is typed', async () => {
    const requests = fakeBff(() => storedDid);
    const user = await open('/dids/new', 'Add DID');
    await user.click(screen.getByRole('radio', { name: 'Phone' }));
    const server = screen.getByRole('combobox', { name: 'Server IP' });
    await waitFor(() => expect(within(server).getByRole('option', { name: '10.20.0.11 – ast1' })).toBeInTheDocument());
    await user.selectOptions(server, '10.20.0.11');
    await user.type(screen.getByRole('combobox', { name: 'Phone extension' }), '10');
    const searched = () => requests.map((request) => new URL(request.url)).find((url) => url.pathname === '/api/phones' && url.searchParams.get('search') === '10');
    await waitFor(() => expect(searched()?.searchParams.get('serverIp')).toBe('10.20.0.11'));
    await waitFor(() => expect(document.querySelector('datalist option[value="1001"]')).toHaveTextContent('Ann Smith, 1001a'));
  });

  it('the agent route says the agent cannot be set here and shows the current one', async () => {
    fakeBff(() => ({ ...storedDid, route: 'AGENT', agentUser: 'mlopez' }));
    const user = await open(`/dids/${storedDid.didId}/edit`, 'Edit DID 3125550101');
    const note = screen.getByRole('note');
    expect(note).toHaveTextContent(/The agent cannot be set here/);
    expect(note).toHaveTextContent(/only VICIdial's own admin screen/);
    expect(note).toHaveTextContent('Current agent: mlopez');
    expect(screen.queryByRole('textbox', { name: /agent/i })).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Call menu' }));
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });
});

describe('the edit form', () => {
  it('says when the stored phone is gone, until another one is chosen', async () => {
    fakeBff(() => ({ ...storedDid, route: 'PHONE', phoneExtension: '1021', serverIp: '10.20.0.11', targetMissing: true }));
    const user = await open(`/dids/${storedDid.didId}/edit`, 'Edit DID 3125550101');
    const extension = screen.getByRole('combobox', { name: 'Phone extension' });
    expect(extension).toHaveAccessibleDescription(/^No such phone: VICIdial no longer has extension 1021 on 10\.20\.0\.11\./);
    await user.clear(extension);
    await user.type(extension, '1001');
    expect(extension).not.toHaveAccessibleDescription(/No such phone/);
  });

  it('sends only the changes with If-Match, and puts a server error on its field', async () => {
    const requests = fakeBff(
      () => storedDid,
      () => json(400, { code: 'VICIDIAL_REJECTED', field: 'routing.inGroup', message: 'There is no in-group with this ID.' }),
    );
    const user = await open(`/dids/${storedDid.didId}/edit`, 'Edit DID 3125550101');
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();
    const listId = await screen.findByLabelText('List ID');
    expect(listId).toHaveValue('10001');
    await user.clear(listId);
    await user.type(listId, '10009');
    expect(screen.getByText('1 change to save:')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    // Asked first, as phones and aliases are; nothing sent before.
    const dialog = await screen.findByRole('alertdialog', { name: 'Save 1 change to DID 3125550101?' });
    expect(within(dialog).getByRole('listitem')).toHaveTextContent('List ID: 10001 → 10009');
    expect(writes(requests)).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Save 1 change' }));

    await waitFor(() => expect(screen.getByRole('combobox', { name: 'In-group' })).toHaveAccessibleDescription(/There is no in-group with this ID./));
    const [patch] = writes(requests);
    expect(patch?.method).toBe('PATCH');
    expect(patch?.headers.get('If-Match')).toBe('"v1"');
    expect(await patch?.json()).toEqual({ routing: { route: 'IN_GROUP', inGroup: 'SALES_EN', listId: 10009 } });
  });

  it('on a conflict shows what changed meanwhile and re-applies the person’s change to the newer version', async () => {
    const theirs: DidDetail = { ...storedDid, description: 'Sales line A', recordCall: 'Y', version: 'v2' };
    let saves = 0;
    const requests = fakeBff(
      () => storedDid,
      () => (++saves === 1 ? json(409, { code: 'CONFLICT', message: 'This DID was changed by someone else.', details: { current: theirs } }) : json(200, { ...theirs, active: false, version: 'v3' })),
    );
    const user = await open(`/dids/${storedDid.didId}/edit`, 'Edit DID 3125550101');
    await user.click(screen.getByLabelText(/^Active/));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Save 1 change' }));

    const notice = await screen.findByRole('alert', { name: 'Someone else changed this DID' });
    expect(within(notice).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Description: Sales line 1 → Sales line A',
      'Recording: Not recorded → Recorded',
    ]);
    await user.click(within(notice).getByRole('button', { name: 'Apply my changes to the current DID' }));
    expect(screen.getByLabelText('Description')).toHaveValue('Sales line A');
    expect(screen.getByLabelText(/^Active/)).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Save 1 change' }));

    await screen.findByRole('heading', { level: 1, name: 'DID 3125550101' });
    const [first, second] = writes(requests);
    expect(await first?.json()).toEqual({ active: false });
    expect(second?.headers.get('If-Match')).toBe('"v2"');
    expect(await second?.json()).toEqual({ active: false });
  });

  it('offers Delete to supervisors only', async () => {
    fakeBff(() => storedDid);
    await open(`/dids/${storedDid.didId}/edit`, 'Edit DID 3125550101', 'supervisor');
    expect(screen.getByRole('button', { name: 'Delete DID' })).toBeInTheDocument();
  });

  it('has no Delete for helpdesk', async () => {
    fakeBff(() => storedDid);
    await open(`/dids/${storedDid.didId}/edit`, 'Edit DID 3125550101', 'helpdesk');
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete DID' })).not.toBeInTheDocument();
  });
});
