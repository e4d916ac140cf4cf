import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DidDetail } from '@vicidash/contracts/did';
import { AppRoutes } from '../../../app/routes';
import { fakeFetch, json } from '../../../test/fake-fetch';
import { renderWithApp, sessionOf } from '../../../test/render';
import { storedDid } from '../test-did';

/** The detail page of `did`, as the BFF answers for it; the history is empty. */
async function openDetail(did: DidDetail) {
  fakeFetch((request) => {
    const path = new URL(request.url).pathname;
    if (path === `/api/dids/${did.didId}`) return json(200, did);
    if (path.startsWith('/api/history/')) return json(200, { entries: [], auditScope: 'all' });
    return json(404, { code: 'NOT_FOUND', message: `no fake for ${path}` });
  });
  renderWithApp(<AppRoutes />, { route: `/dids/${did.didId}`, session: sessionOf('viewer') });
  await screen.findByRole('heading', { level: 1, name: `DID ${did.pattern}` });
  return screen.getByRole('region', { name: 'Where calls go' });
}

const targetRow = (routing: HTMLElement) => {
  const term = [...routing.querySelectorAll('dt')].find((dt) => dt.textContent === 'Target');
  return term?.parentElement?.querySelector('dd');
};

afterEach(() => vi.unstubAllGlobals());

describe('the target of a DID', () => {
  const phoneDid: DidDetail = { ...storedDid, route: 'PHONE', phoneExtension: '2017', serverIp: '10.20.0.12', inGroup: '' };

  it('that VICIdial no longer has is shown as such, next to the target', async () => {
    const routing = await openDetail({ ...phoneDid, targetMissing: true });
    expect(targetRow(routing)).toHaveTextContent('2017 on 10.20.0.12 no such phone');
  });

  it('in-groups and call menus say what is missing', async () => {
    const routing = await openDetail({ ...storedDid, targetMissing: true });
    expect(targetRow(routing)).toHaveTextContent('SALES_EN no such in-group');
  });

  it('that exists links to its record: the phone, or the DIDs routed to the same in-group', async () => {
    const routing = await openDetail(phoneDid);
    expect(targetRow(routing)).toHaveTextContent(/^2017 on 10\.20\.0\.12$/);
    expect(within(routing).getByRole('link', { name: 'Phone 2017 on 10.20.0.12' })).toHaveAttribute('href', '/phones/10.20.0.12/2017');
  });

  it('an in-group links to the DIDs routed to it', async () => {
    const routing = await openDetail(storedDid);
    expect(within(routing).getByRole('link', { name: 'DIDs routed to SALES_EN' })).toHaveAttribute('href', '/dids?inGroup=SALES_EN');
  });
});
