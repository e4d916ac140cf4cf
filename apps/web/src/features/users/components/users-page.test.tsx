import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { User } from '@vicidash/contracts/users';
import { fakeFetch, json } from '../../../test/fake-fetch';
import { renderWithApp, sessionOf } from '../../../test/render';
import { UsersPage } from './users-page';

afterEach(() => vi.unstubAllGlobals());

const account = (username: string, extra: Partial<User> = {}): User => ({
  username,
  displayName: `${username} (test)`,
  role: 'viewer',
  active: true,
  mustChangePassword: false,
  lastLoginAt: null,
  ...extra,
});
const users = [account('sam', { role: 'supervisor', lastLoginAt: '2026-11-22T08:00:00.000Z' }), account('vic')];
const pathOf = (request: Request) => `${request.method} ${new URL(request.url).pathname}`;

describe('the users page', () => {
  it('lists the accounts; one’s own cannot be disabled from here', async () => {
    fakeFetch(() => json(200, { users }));
    renderWithApp(<UsersPage />, { route: '/users', session: sessionOf('supervisor', 'sam') });
    const table = await screen.findByRole('table', { name: 'Dashboard users' });
    const vic = (await within(table).findByText('vic')).closest('tr') as HTMLElement;
    expect(within(vic).getByText('Never')).toBeInTheDocument();
    expect(within(vic).getByText('Active')).toBeInTheDocument();
    expect(within(table).getByRole('button', { name: 'Disable vic' })).toBeInTheDocument();
    expect(within(table).queryByRole('button', { name: 'Disable sam' })).toBeNull();
  });

  it('tells other roles they may not manage users', async () => {
    fakeFetch(() => json(200, { users }));
    renderWithApp(<UsersPage />, { route: '/users', session: sessionOf('helpdesk') });
    expect(await screen.findByText('Your role (helpdesk) may not manage dashboard users.')).toBeInTheDocument();
  });

  it('adds a user and shows the one-time password once, with a copy button', async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const requests = fakeFetch((request) =>
      pathOf(request) === 'POST /api/users'
        ? json(201, { user: account('nina', { role: 'helpdesk', mustChangePassword: true }), temporaryPassword: 'k7pq-2mzx-h4ta-9wce' })
        : json(200, { users }),
    );
    renderWithApp(<UsersPage />, { route: '/users', session: sessionOf('supervisor', 'sam') });
    await userEvent.click(await screen.findByRole('button', { name: 'Add user' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a user' });
    await userEvent.type(within(dialog).getByLabelText(/^Username/), 'nina');
    await userEvent.type(within(dialog).getByLabelText(/^Name/), 'Nina Park');
    await userEvent.selectOptions(within(dialog).getByLabelText(/^Role/), 'helpdesk');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add user' }));

    const shown = await screen.findByRole('dialog', { name: 'One-time password for nina' });
    expect(within(shown).getByLabelText('One-time password')).toHaveTextContent('k7pq-2mzx-h4ta-9wce');
    await userEvent.click(within(shown).getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith('k7pq-2mzx-h4ta-9wce');
    expect(await within(shown).findByText('Copied to the clipboard.')).toBeInTheDocument();
    const sent = requests.find((r) => pathOf(r) === 'POST /api/users');
    expect(await sent?.json()).toEqual({ username: 'nina', displayName: 'Nina Park', role: 'helpdesk' });
    await userEvent.click(within(shown).getByRole('button', { name: 'Done' }));
    expect(screen.queryByText('k7pq-2mzx-h4ta-9wce')).toBeNull();
  });

  it('shows a refusal on the field the server names', async () => {
    fakeFetch((request) =>
      pathOf(request) === 'POST /api/users'
        ? json(409, { code: 'CONFLICT', field: 'username', message: 'An account named vic already exists.' })
        : json(200, { users }),
    );
    renderWithApp(<UsersPage />, { route: '/users', session: sessionOf('supervisor', 'sam') });
    await userEvent.click(await screen.findByRole('button', { name: 'Add user' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a user' });
    await userEvent.type(within(dialog).getByLabelText(/^Username/), 'vic');
    await userEvent.type(within(dialog).getByLabelText(/^Name/), 'Vic Again');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add user' }));
    expect(await within(dialog).findByText('An account named vic already exists.')).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/^Username/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('changes name and role, disables after asking, and resets a password showing the new one-time password', async () => {
    const requests = fakeFetch((request) => {
      if (pathOf(request) === 'PATCH /api/users/vic') return json(200, account('vic'));
      if (pathOf(request) === 'POST /api/users/vic/password-reset') return json(200, { user: account('vic'), temporaryPassword: 'zz22-yy33-xx44-ww55' });
      return json(200, { users });
    });
    renderWithApp(<UsersPage />, { route: '/users', session: sessionOf('supervisor', 'sam') });

    await userEvent.click(await screen.findByRole('button', { name: 'Edit vic' }));
    const edit = screen.getByRole('dialog', { name: 'Edit vic' });
    await userEvent.clear(within(edit).getByLabelText(/^Name/));
    await userEvent.type(within(edit).getByLabelText(/^Name/), 'Vic Torres');
    await userEvent.selectOptions(within(edit).getByLabelText(/^Role/), 'helpdesk');
    await userEvent.click(within(edit).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await userEvent.click(screen.getByRole('button', { name: 'Disable vic' }));
    await userEvent.click(within(screen.getByRole('alertdialog', { name: 'Disable vic?' })).getByRole('button', { name: 'Disable' }));
    await vi.waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());

    await userEvent.click(screen.getByRole('button', { name: 'Reset the password of vic' }));
    await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Reset password' }));
    expect(await screen.findByText('zz22-yy33-xx44-ww55')).toBeInTheDocument();

    const patches = requests.filter((r) => pathOf(r) === 'PATCH /api/users/vic');
    expect(await Promise.all(patches.map((r) => r.json()))).toEqual([{ displayName: 'Vic Torres', role: 'helpdesk' }, { active: false }]);
  });
});
