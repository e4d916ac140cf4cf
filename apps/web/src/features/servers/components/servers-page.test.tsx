import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ServerListResponse, ServerRefreshResponse } from '@vicidash/contracts/lookups';
import { fakeFetch, json } from '../../../test/fake-fetch';
import { renderWithApp, sessionOf } from '../../../test/render';
import { ServersPage } from './servers-page';

const SAM = { username: 'sam', displayName: 'Sam Supervisor' };
const list: ServerListResponse = {
  lastRefresh: null,
  servers: [
    {
      serverId: 'ast1',
      serverIp: '10.20.0.11',
      description: 'Telephony 1 - Chicago',
      active: true,
      rebuilds: true,
      awaitingRebuild: true,
      waitingSince: '2026-11-22T08:00:00.000Z',
      changes: [{ at: '2026-11-22T08:00:00.000Z', action: 'update:phones', extension: '1001', actor: SAM }],
    },
    { serverId: 'ast2', serverIp: '10.20.0.12', description: null, active: false, rebuilds: false, awaitingRebuild: false, waitingSince: null, changes: [] },
  ],
};
const refreshed: ServerRefreshResponse = {
  serversUpdated: 1,
  serversAwaitingRebuild: [{ serverId: 'ast1', serverIp: '10.20.0.11', description: 'Telephony 1 - Chicago', active: true }],
};

afterEach(() => vi.unstubAllGlobals());

const rowOf = (name: string) => screen.getByRole('cell', { name }).closest('tr') as HTMLElement;

describe('the servers page', () => {
  it('shows each server: waiting since when and for which change, or why it never rebuilds', async () => {
    fakeFetch(() => json(200, list));
    renderWithApp(<ServersPage />, { route: '/servers', session: sessionOf('viewer') });

    await screen.findByRole('cell', { name: 'ast1' });
    const ast1 = rowOf('ast1');
    expect(ast1).toHaveTextContent('Waiting to rebuild');
    expect(within(ast1).getByRole('listitem')).toHaveTextContent(/^Phone 1001 changed by Sam Supervisor, .*2026/);
    expect(rowOf('ast2')).toHaveTextContent('Inactive: does not rebuild');
    expect(screen.getByText('Nobody has asked the servers to rebuild through the dashboard yet.')).toBeInTheDocument();
    // Viewers see the state, not the action.
    expect(screen.queryByRole('button', { name: 'Ask every server to rebuild' })).not.toBeInTheDocument();
  });

  it('lets a supervisor refresh, then says what VICIdial was asked and what still waits', async () => {
    const requests = fakeFetch((request) => json(200, request.method === 'POST' ? refreshed : list));
    renderWithApp(<ServersPage />, { route: '/servers', session: sessionOf('supervisor') });
    await screen.findByRole('cell', { name: 'ast1' });

    await userEvent.click(screen.getByRole('button', { name: 'Ask every server to rebuild' }));
    const status = await screen.findByText(/^VICIdial was asked to rebuild/);
    expect(status).toHaveTextContent("VICIdial was asked to rebuild every server's configuration (1 server newly marked for a rebuild).");
    expect(screen.getByText(/^Still waiting to rebuild: ast1 \(10\.20\.0\.11\)\./)).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST' && new URL(r.url).pathname === '/api/servers/refresh')).toBe(true);
    // The list is read again after the refresh.
    expect(requests.filter((r) => r.method === 'GET' && new URL(r.url).pathname === '/api/servers').length).toBeGreaterThanOrEqual(2);
  });
});
