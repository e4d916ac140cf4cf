import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../../app/routes';
import { fakeFetch, json } from '../../../test/fake-fetch';
import { renderWithApp, sessionOf } from '../../../test/render';

afterEach(() => vi.unstubAllGlobals());

const forced = { ...sessionOf('viewer', 'nina'), user: { ...sessionOf('viewer', 'nina').user, mustChangePassword: true } };

describe("one's own password", () => {
  it('is linked from the header and shows the server’s refusal on the field it names', async () => {
    const requests = fakeFetch(() =>
      json(400, { code: 'VALIDATION', field: 'newPassword', message: 'New password: too easy to guess — This is similar to a commonly used password.' }),
    );
    renderWithApp(<AppRoutes />, { route: '/dids', session: sessionOf('helpdesk') });
    await userEvent.click(await screen.findByRole('link', { name: 'Change password' }));
    await userEvent.type(await screen.findByLabelText(/^Current password/), 'helpdesk-pass-1');
    await userEvent.type(screen.getByLabelText(/^New password/), 'password123456');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('New password: too easy to guess — This is similar to a commonly used password.')).toBeInTheDocument();
    expect(screen.getByLabelText(/^New password/)).toHaveAttribute('aria-invalid', 'true');
    const sent = requests.find((r) => new URL(r.url).pathname === '/api/auth/password');
    expect(await sent?.json()).toEqual({ currentPassword: 'helpdesk-pass-1', newPassword: 'password123456' });
  });

  it('refuses a short new password before sending anything', async () => {
    const requests = fakeFetch(() => json(204, {}));
    renderWithApp(<AppRoutes />, { route: '/password', session: sessionOf('viewer') });
    await userEvent.type(await screen.findByLabelText(/^Current password/), 'viewer-pass-1');
    await userEvent.type(screen.getByLabelText(/^New password/), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('New password: at least 10 characters')).toBeInTheDocument();
    expect(requests.filter((r) => new URL(r.url).pathname === '/api/auth/password')).toEqual([]);
  });

  it('after a one-time password, every page leads here until a new one is chosen; then on to the dashboard', async () => {
    let session = forced;
    fakeFetch((request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/auth/password') {
        session = sessionOf('viewer', 'nina');
        return new Response(null, { status: 204 });
      }
      if (path === '/api/auth/session') return json(200, session);
      if (path.startsWith('/api/lookups/')) return json(200, []);
      return json(200, { rows: [], total: 0, page: 1, pageSize: 50 });
    });
    renderWithApp(<AppRoutes />, { route: '/phones', session: forced });
    expect(await screen.findByRole('heading', { name: 'Change your password' })).toBeInTheDocument();
    expect(screen.getByText('You logged in with a one-time password. Choose your own to continue.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(/^One-time password/), 'abcd-efgh-jkmn-pqrs');
    await userEvent.type(screen.getByLabelText(/^New password/), 'lantern-orbit-cascade-91');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByRole('heading', { name: 'DIDs' })).toBeInTheDocument();
  });
});
