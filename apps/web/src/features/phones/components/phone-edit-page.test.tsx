import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TIME_ZONES } from '@vicidash/contracts/lookups';
import { PHONE_NOT_CLEARABLE, type PhoneDetail } from '@vicidash/contracts/phone';
import type { Role } from '@vicidash/contracts/permissions';
import { AppRoutes } from '../../../app/routes';
import { fakeFetch, json } from '../../../test/fake-fetch';
import { renderWithApp, sessionOf } from '../../../test/render';
import { storedPhone } from '../test-phone';

const PHONE_PATH = '/api/phones/10.20.0.11/1001';
const SERVERS = [{ serverId: 'ast1', serverIp: '10.20.0.11', description: 'Telephony 1', active: true }];

/** The BFF as far as the phone pages use it; `onWrite` answers the writes. */
function fakeBff(phone: () => PhoneDetail, onWrite: (request: Request) => Response | Promise<Response> = () => json(500, {})) {
  return fakeFetch(async (request) => {
    const path = new URL(request.url).pathname;
    if (request.method !== 'GET') return onWrite(request);
    if (path === PHONE_PATH) return json(200, phone());
    if (path === `${PHONE_PATH}/aliases`) return json(200, [{ aliasId: 'sales_pod1', name: 'Sales pod 1', logins: ['1001a'], userGroup: null }]);
    if (path === '/api/lookups/servers') return json(200, SERVERS);
    if (path === '/api/lookups/time-zones') return json(200, TIME_ZONES);
    if (path === '/api/lookups/user-groups') return json(200, [{ userGroup: 'SALES', name: 'Sales' }]);
    if (path === '/api/lookups/templates') return json(200, [{ templateId: 'SIP_generic', name: 'Generic SIP' }]);
    return json(404, { code: 'NOT_FOUND', message: `no fake for ${path}` });
  });
}

const openEdit = async (role: Role = 'supervisor') => {
  const user = userEvent.setup();
  const { unmount } = renderWithApp(<AppRoutes />, { route: '/phones/10.20.0.11/1001/edit', session: sessionOf(role, 'sam') });
  await screen.findByRole('heading', { level: 1, name: 'Edit phone 1001' });
  return Object.assign(user, { unmount });
};
const saveButton = () => screen.getByRole('button', { name: 'Save changes' });
const summary = () => screen.getByRole('complementary', { name: 'Your changes' });

afterEach(() => vi.unstubAllGlobals());
// Whole pages (lazy chunks, lookups, typing): slower than unit tests on a busy machine.

describe('the phone edit form', () => {
  it('counts live changes, forgets a field put back, and offers Save only with a change', async () => {
    fakeBff(() => storedPhone);
    const user = await openEdit();
    const fullName = await screen.findByLabelText('Full name');
    expect(fullName).toHaveValue('Ann Smith');
    expect(saveButton()).toBeDisabled();
    expect(within(summary()).getByText('No changes yet')).toBeInTheDocument();

    await user.clear(fullName);
    await user.type(fullName, 'Ann Jones');
    await user.click(screen.getByLabelText('Active'));
    expect(within(summary()).getByText('2 changes')).toBeInTheDocument();
    const list = within(summary()).getByRole('list', { name: 'Changed fields' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Full name: Ann Smith →becomes Ann Jones',
      'Active: Yes →becomes No',
    ]);
    expect(saveButton()).toBeEnabled();

    await user.click(screen.getByLabelText('Active'));
    await user.clear(fullName);
    await user.type(fullName, 'Ann Smith');
    expect(within(summary()).getByText('No changes yet')).toBeInTheDocument();
    expect(saveButton()).toBeDisabled();
  });

  it('offers a clear control only where VICIdial can clear, and says why elsewhere', async () => {
    fakeBff(() => storedPhone);
    const user = await openEdit();
    await screen.findByLabelText('Email');
    expect(screen.getByRole('button', { name: 'Clear Email' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'Clear Login' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Login')).toHaveAccessibleDescription(new RegExp(`Cannot be cleared: ${PHONE_NOT_CLEARABLE.login}`));
    expect(screen.getByLabelText('Dialplan number')).toHaveAccessibleDescription(/Cannot be cleared: the phone is dialled with it/);

    await user.click(screen.getByRole('button', { name: 'Clear Email' }));
    expect(screen.getByLabelText('Email')).toHaveValue('');
    expect(within(summary()).getByText('1 change')).toBeInTheDocument();
    expect(within(summary()).getByRole('listitem')).toHaveTextContent('Email: ann.smith@example.com →becomes cleared');
  });

  it('refuses to clear a field VICIdial cannot clear, with the reason, without sending anything', async () => {
    const requests = fakeBff(() => storedPhone);
    const user = await openEdit();
    await user.clear(await screen.findByLabelText('Login'));
    await user.click(saveButton());
    expect(await screen.findByLabelText('Login')).toHaveAccessibleDescription(new RegExp(`Login: cannot be cleared \\(${PHONE_NOT_CLEARABLE.login}\\)`));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(requests.filter((request) => request.method !== 'GET')).toEqual([]);
  });

  it('reviews the exact list, then sends only the changes with If-Match, and shows the servers awaiting a rebuild', async () => {
    let phone = storedPhone;
    const requests = fakeBff(
      () => phone,
      async (request) => {
        const body = (await request.json()) as Partial<PhoneDetail>;
        phone = { ...phone, ...body, version: 'v2' };
        return json(200, { ...phone, serversAwaitingRebuild: SERVERS });
      },
    );
    const user = await openEdit();
    await user.clear(await screen.findByLabelText('Full name'));
    await user.type(screen.getByLabelText('Full name'), 'Ann Jones');
    await user.click(screen.getByRole('button', { name: 'Clear Email' }));
    await user.type(screen.getByLabelText('New password'), 'Secret-22');
    await user.click(saveButton());

    const dialog = await screen.findByRole('alertdialog', { name: 'Save 3 changes to phone 1001 on 10.20.0.11?' });
    expect(within(dialog).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Password: hidden →becomes new value (hidden)',
      'Full name: Ann Smith →becomes Ann Jones',
      'Email: ann.smith@example.com →becomes cleared',
    ]);
    expect(dialog).not.toHaveTextContent('Secret-22');
    await user.click(within(dialog).getByRole('button', { name: 'Save 3 changes' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Phone 1001' })).toBeInTheDocument();
    const patch = requests.find((request) => request.method === 'PATCH');
    expect(patch?.headers.get('If-Match')).toBe('"v1"');
    expect(await patch?.json()).toEqual({ fullName: 'Ann Jones', email: null, password: 'Secret-22' });
    const outcome = screen.getByRole('region', { name: 'Result of the last change' });
    expect(within(outcome).getByRole('list', { name: 'Servers awaiting a configuration rebuild' })).toHaveTextContent('ast1 (10.20.0.11)');
    // The servers page shows their state and asks them to rebuild.
    expect(within(outcome).getByRole('link', { name: 'Servers and their rebuild' })).toHaveAttribute('href', '/servers');
  });

  it('on a 409 shows what changed, and re-applies the changes on the current phone', async () => {
    const current: PhoneDetail = { ...storedPhone, email: 'ann@example.com', dialplanNumber: '1101', version: 'v2' };
    let patches = 0;
    const requests = fakeBff(
      () => storedPhone,
      () => {
        patches += 1;
        return patches === 1
          ? json(409, { code: 'CONFLICT', message: 'This phone was changed by someone else.', details: { current } })
          : json(200, { ...current, fullName: 'Ann Jones', serversAwaitingRebuild: [] });
      },
    );
    const user = await openEdit();
    await user.clear(await screen.findByLabelText('Full name'));
    await user.type(screen.getByLabelText('Full name'), 'Ann Jones');
    await user.click(saveButton());
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Save 1 change' }));

    const notice = await screen.findByRole('alert', { name: 'Someone else changed this phone' });
    expect(within(notice).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Dialplan number: 1001 →becomes 1101',
      'Email: ann.smith@example.com →becomes ann@example.com',
    ]);
    expect(saveButton()).toBeDisabled();
    await waitFor(() => expect(within(notice).getByRole('heading', { name: 'Someone else changed this phone' })).toHaveFocus());
    await user.click(within(notice).getByRole('button', { name: 'Re-apply my changes' }));
    expect(within(summary()).getByRole('heading', { name: 'Your changes' })).toHaveFocus();
    expect(screen.getByLabelText('Email')).toHaveValue('ann@example.com');
    expect(screen.getByLabelText('Full name')).toHaveValue('Ann Jones');
    expect(within(summary()).getByText('1 change')).toBeInTheDocument();

    await user.click(saveButton());
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Save 1 change' }));
    await screen.findByRole('heading', { level: 1, name: 'Phone 1001' });
    const second = requests.filter((request) => request.method === 'PATCH')[1];
    expect(second?.headers.get('If-Match')).toBe('"v2"');
    expect(await second?.json()).toEqual({ fullName: 'Ann Jones' });
  });

  it("puts the server's refusal on its field", async () => {
    fakeBff(
      () => storedPhone,
      () => json(422, { code: 'VICIDIAL_REJECTED', message: 'Login: already used by a phone on another server', field: 'login' }),
    );
    const user = await openEdit();
    await user.clear(await screen.findByLabelText('Login'));
    await user.type(screen.getByLabelText('Login'), '2001b');
    await user.click(saveButton());
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Save 1 change' }));
    await waitFor(() => expect(screen.getByLabelText('Login')).toHaveAccessibleDescription(/already used by a phone on another server/));
  });

  it('keeps unsaved input when the page comes back (session expiry)', async () => {
    fakeBff(() => storedPhone);
    const user = await openEdit();
    await user.clear(await screen.findByLabelText('Full name'));
    await user.type(screen.getByLabelText('Full name'), 'Ann Jones');
    // The session ends: the gate replaces the page with the login; after logging in it comes back.
    user.unmount();
    await openEdit();
    expect(await screen.findByText('Your unsaved changes were restored.')).toBeInTheDocument();
    expect(screen.getByLabelText('Full name')).toHaveValue('Ann Jones');
    expect(within(summary()).getByText('1 change')).toBeInTheDocument();
  });

  it('tells a helpdesk user the page is not for their role', async () => {
    fakeBff(() => storedPhone);
    await openEdit('helpdesk');
    expect(within(screen.getByRole('main')).getByRole('alert')).toHaveTextContent('Your role (helpdesk) may not change phones.');
    expect(screen.queryByLabelText('Full name')).not.toBeInTheDocument();
  });
});

describe('the phone page', () => {
  const openDetail = async (role: Role) => {
    const user = userEvent.setup();
    renderWithApp(<AppRoutes />, { route: '/phones/10.20.0.11/1001', session: sessionOf(role, 'sam') });
    await screen.findByText('Ann Smith');
    return user;
  };

  it('reveals the secrets to a supervisor on request, and hides them again', async () => {
    const requests = fakeBff(() => storedPhone, () => json(200, { password: 'pw-1001', registrationPassword: 'reg-1001' }));
    const user = await openDetail('supervisor');
    const secrets = screen.getByRole('region', { name: 'SIP secrets' });
    expect(within(secrets).getAllByText('hidden')).toHaveLength(2);
    await user.click(within(secrets).getByRole('button', { name: 'Reveal secrets' }));
    expect(await within(secrets).findByText('pw-1001')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'POST')?.url).toMatch(/\/api\/phones\/10\.20\.0\.11\/1001\/secrets$/);
    await user.click(within(secrets).getByRole('button', { name: 'Hide secrets' }));
    expect(secrets).not.toHaveTextContent('pw-1001');
  });

  it.each(['viewer', 'helpdesk'] as const)('shows a %s no secret, no reveal, no edit or delete control', async (role) => {
    fakeBff(() => storedPhone);
    await openDetail(role);
    expect(screen.queryByRole('region', { name: 'SIP secrets' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Reveal|Delete/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Edit/ })).not.toBeInTheDocument();
  });

  it('names the aliases that still list the login before deleting, then deletes with If-Match', async () => {
    const requests = fakeBff(
      () => storedPhone,
      () => json(200, { deleted: { serverIp: '10.20.0.11', extension: '1001' }, stillListedInAliases: ['sales_pod1'], serversAwaitingRebuild: SERVERS }),
    );
    const user = await openDetail('supervisor');
    await user.click(screen.getByRole('button', { name: 'Delete phone' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete phone 1001 on 10.20.0.11?' });
    expect(await within(dialog).findByRole('list', { name: 'Aliases that still list the login' })).toHaveTextContent('sales_pod1 – Sales pod 1');
    await user.click(within(dialog).getByRole('button', { name: 'Delete phone' }));
    await waitFor(() => expect(requests.find((request) => request.method === 'DELETE')?.headers.get('If-Match')).toBe('"v1"'));
  });
});
