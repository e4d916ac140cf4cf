import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PhoneListResponse } from '@vicidash/contracts/phone';
import { fakeFetch, json } from '../test/fake-fetch';
import { phoneRow } from '../test/fixtures';
import { renderWithApp, sessionOf } from '../test/render';
import { AppRoutes } from './routes';

const phones: PhoneListResponse = { rows: [phoneRow], total: 1, page: 1, pageSize: 50 };

afterEach(() => vi.unstubAllGlobals());

describe('the app shell', () => {
  it('sends a visitor without a session to the login page, keeping the way back', async () => {
    fakeFetch(() => json(401, { code: 'UNAUTHENTICATED', message: 'Your session has ended.' }));
    renderWithApp(<AppRoutes />, { route: '/phones?search=1001' });
    expect(await screen.findByRole('heading', { name: 'VICIdial dashboard' })).toBeInTheDocument();
    expect(screen.getByText('Log in to continue where you were.')).toBeInTheDocument();
  });

  it('on a 401 mid-session: login page, then back to the same list with its search', async () => {
    let loggedIn = true;
    let expired = true;
    const requests = fakeFetch(async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/auth/login') {
        expect(await request.json()).toEqual({ username: 'sam', password: 'secret-pw' });
        loggedIn = true;
        return json(200, sessionOf('supervisor', 'sam'));
      }
      if (expired) {
        // The session ends under the user's feet.
        expired = false;
        loggedIn = false;
      }
      if (!loggedIn) return json(401, { code: 'UNAUTHENTICATED', message: 'Your session has ended.' });
      if (path === '/api/phones') return json(200, phones);
      return json(200, []);
    });
    const user = userEvent.setup();
    renderWithApp(<AppRoutes />, { route: '/phones?search=1001', session: sessionOf('supervisor', 'sam') });

    await user.type(await screen.findByLabelText(/Username/), 'sam');
    await user.type(screen.getByLabelText(/Password/), 'secret-pw');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('heading', { name: 'Phones' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search phones' })).toHaveValue('1001');
    expect(await screen.findByRole('link', { name: '1001' })).toHaveAttribute('href', '/phones/10.20.0.11/1001');
    const listRequest = requests.filter((r) => new URL(r.url).pathname === '/api/phones').at(-1);
    expect(new URL(listRequest?.url ?? '').searchParams.get('search')).toBe('1001');
  });

  it('shows a login failure on the form and stays there', async () => {
    fakeFetch((request) =>
      new URL(request.url).pathname === '/api/auth/login'
        ? json(401, { code: 'LOGIN_FAILED', message: 'Wrong username or password.' })
        : json(401, { code: 'UNAUTHENTICATED', message: 'Your session has ended.' }),
    );
    const user = userEvent.setup();
    renderWithApp(<AppRoutes />, { route: '/login' });
    await user.type(await screen.findByLabelText(/Username/), 'sam');
    await user.type(screen.getByLabelText(/Password/), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByText('Wrong username or password.')).toBeInTheDocument();
  });

  it('names an empty field before sending anything', async () => {
    const requests = fakeFetch(() => json(401, { code: 'UNAUTHENTICATED', message: 'Your session has ended.' }));
    const user = userEvent.setup();
    renderWithApp(<AppRoutes />, { route: '/login' });
    await user.click(await screen.findByRole('button', { name: 'Log in' }));
    expect(await screen.findByText('Username: required')).toBeInTheDocument();
    expect(screen.getByLabelText(/Username/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/Username/)).toHaveAccessibleDescription('Username: required');
    expect(requests.some((r) => new URL(r.url).pathname === '/api/auth/login')).toBe(false);
  });

  it('shows a viewer the lists without any add or edit control', async () => {
    fakeFetch((request) => (new URL(request.url).pathname === '/api/phones' ? json(200, phones) : json(200, [])));
    renderWithApp(<AppRoutes />, { route: '/phones', session: sessionOf('viewer') });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual(['DIDs', 'Phones', 'Phone aliases', 'Servers']);
    expect(await screen.findByRole('link', { name: '1001' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Add phone|Edit/ })).not.toBeInTheDocument();
  });

  it('gives a supervisor the add and edit controls', async () => {
    fakeFetch((request) => (new URL(request.url).pathname === '/api/phones' ? json(200, phones) : json(200, [])));
    renderWithApp(<AppRoutes />, { route: '/phones', session: sessionOf('supervisor') });
    expect(await screen.findByRole('link', { name: 'Edit phone 1001 on 10.20.0.11' })).toHaveAttribute('href', '/phones/10.20.0.11/1001/edit');
    expect(screen.getByRole('link', { name: 'Add phone' })).toBeInTheDocument();
  });
});
