import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TIME_ZONES } from '@vicidash/contracts/lookups';
import { AppRoutes } from '../../../app/routes';
import { fakeFetch, json } from '../../../test/fake-fetch';
import { renderWithApp, sessionOf } from '../../../test/render';
import { storedPhone } from '../test-phone';

const SERVERS = [
  { serverId: 'ast1', serverIp: '10.20.0.11', description: 'Telephony 1', active: true },
  { serverId: 'ast2', serverIp: '10.20.0.12', description: 'Telephony 2', active: true },
];

function fakeBff(onCreate: (request: Request) => Response | Promise<Response>) {
  return fakeFetch(async (request) => {
    const path = new URL(request.url).pathname;
    if (request.method === 'POST' && path === '/api/phones') return onCreate(request);
    if (path === '/api/lookups/servers') return json(200, SERVERS);
    if (path === '/api/lookups/time-zones') return json(200, TIME_ZONES);
    if (path === '/api/lookups/user-groups') return json(200, [{ userGroup: 'SALES', name: 'Sales' }]);
    if (path === '/api/lookups/templates') return json(200, [{ templateId: 'SIP_generic', name: 'Generic SIP' }]);
    if (path === '/api/phones/10.20.0.12/2099') return json(200, { ...storedPhone, extension: '2099', serverIp: '10.20.0.12' });
    return json(404, { code: 'NOT_FOUND', message: `no fake for ${path}` });
  });
}

const openCreate = async () => {
  const user = userEvent.setup();
  renderWithApp(<AppRoutes />, { route: '/phones/new', session: sessionOf('supervisor', 'sam') });
  await screen.findByLabelText(/^Extension/);
  return user;
};

/** Every required field; the dialplan number and voicemail box follow the extension. */
async function fillRequired(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText(/^Extension/), '2099');
  await user.selectOptions(screen.getByLabelText(/^Server/), '10.20.0.12');
  await user.type(screen.getByLabelText(/^Login/), '2099b');
  await user.type(screen.getByLabelText(/^Full name/), 'New Desk');
  await user.type(screen.getByLabelText(/^Outbound caller ID/), '4045550100');
  await user.click(screen.getByRole('button', { name: 'Generate Password' }));
  await user.type(screen.getByLabelText(/^Registration password/), 'reg-secret-1');
}

afterEach(() => vi.unstubAllGlobals());
// Whole pages (lazy chunks, lookups, typing): slower than unit tests on a busy machine.

describe('the add-phone form', () => {
  it('starts from sensible defaults and sends every required field', async () => {
    const requests = fakeBff(async (request) => json(201, { ...storedPhone, ...((await request.json()) as object), serversAwaitingRebuild: SERVERS.slice(1) }));
    const user = await openCreate();
    expect(screen.getByLabelText(/^Protocol/)).toHaveValue('SIP');
    expect(screen.getByLabelText(/^Time zone/)).toHaveValue('-5.00');
    expect(screen.getByLabelText(/^User group/)).toHaveValue('---ALL---');
    expect(screen.getByLabelText(/^Server/)).toHaveValue('');

    await fillRequired(user);
    expect(screen.getByLabelText(/^Dialplan number/)).toHaveValue('2099');
    expect(screen.getByLabelText(/^Voicemail box/)).toHaveValue('2099');
    await user.click(screen.getByRole('button', { name: 'Add phone' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Phone 2099' })).toBeInTheDocument();
    const body = (await requests.find((request) => request.method === 'POST')?.json()) as Record<string, unknown>;
    expect(body).toEqual({
      extension: '2099',
      serverIp: '10.20.0.12',
      login: '2099b',
      fullName: 'New Desk',
      dialplanNumber: '2099',
      voicemailId: '2099',
      outboundCallerId: '4045550100',
      protocol: 'SIP',
      gmtOffset: '-5.00',
      password: expect.stringMatching(/^[A-Za-z0-9]{16}$/),
      registrationPassword: 'reg-secret-1',
      userGroup: '---ALL---',
    });
    const outcome = screen.getByRole('region', { name: 'Result of the last change' });
    expect(outcome).toHaveTextContent('Added phone 2099 on 10.20.0.12.');
    expect(within(outcome).getByRole('list', { name: 'Servers awaiting a configuration rebuild' })).toHaveTextContent('ast2 (10.20.0.12)');
  });

  it("checks the contract's rules before sending, and puts the server's refusal on its field", async () => {
    const requests = fakeBff(() =>
      json(409, { code: 'CONFLICT', field: 'extension', message: 'Extension: there is already a phone 2099 on server 10.20.0.12' }),
    );
    const user = await openCreate();
    await user.click(screen.getByRole('button', { name: 'Add phone' }));
    expect(screen.getByLabelText(/^Extension/)).toHaveAccessibleDescription(/Extension: 2 to 100 letters/);
    expect(screen.getByLabelText(/^Server/)).toHaveAttribute('aria-invalid', 'true');
    expect(requests.filter((request) => request.method === 'POST')).toEqual([]);

    await fillRequired(user);
    await user.click(screen.getByRole('button', { name: 'Add phone' }));
    expect(await screen.findByText('Extension: there is already a phone 2099 on server 10.20.0.12')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Extension/)).toHaveAttribute('aria-invalid', 'true');
  });
});
