import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../../app/routes';
import { fakeFetch, json } from '../../../test/fake-fetch';
import { renderWithApp, sessionOf } from '../../../test/render';
import { storedDid } from '../test-did';

afterEach(() => vi.unstubAllGlobals());

const open = async (answer: (request: Request) => Response | Promise<Response>) => {
  const requests = fakeFetch((request) => (request.method === 'GET' ? json(200, storedDid) : answer(request)));
  const user = userEvent.setup();
  renderWithApp(<AppRoutes />, { route: `/dids/${storedDid.didId}/copy`, session: sessionOf('helpdesk') });
  // The first page of a run is compiled on first use: give it time on a busy machine.
  await screen.findByRole('heading', { level: 1, name: 'Copy DID 3125550101' }, { timeout: 10_000 });
  return { user, requests, box: screen.getByRole('textbox', { name: /^New numbers/ }) };
};

describe('copying a DID', () => {
  it('reports every problem at once, each number named, and sends nothing', async () => {
    const { user, requests, box } = await open(() => json(500, {}));
    await user.type(box, '3125550101 x 3125559000 3125559000');
    await user.type(screen.getByRole('textbox', { name: 'Description of the new DIDs' }), 'ab');
    await user.click(screen.getByRole('button', { name: 'Copy DID' }));
    await screen.findByText(/x: DID number: 2 to 50/);
    expect(box).toHaveAccessibleDescription(/x: DID number: 2 to 50 .*New numbers: 3125559000 is listed twice.*New numbers: 3125550101 is the source DID/);
    expect(screen.getByRole('textbox', { name: 'Description of the new DIDs' })).toHaveAccessibleDescription(/Description: 6 to 50/);
    expect(requests.filter((request) => request.method !== 'GET')).toEqual([]);
  }, 20_000);

  it('keeps the numbers that were not added in the box, for a retry', async () => {
    const { user, box } = await open(() =>
      json(200, { added: [{ pattern: '3125559001', didId: 90 }], alreadyExisting: ['3125559002'] }),
    );
    await user.type(box, '3125559001, 3125559002, 3125559003');
    await user.click(screen.getByRole('button', { name: 'Copy DID' }));
    const results = await screen.findByRole('region', { name: 'Copies of 3125550101' });
    expect(within(results).getByText(/1 of 3 new numbers added\. Those not added are back in the New numbers box/)).toBeInTheDocument();
    expect(box).toHaveValue('3125559002\n3125559003');
  }, 20_000);
});
