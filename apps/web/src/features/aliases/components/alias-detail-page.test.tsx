import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AliasDetail } from '@vicidash/contracts/alias';
import { fakeFetch, json } from '../../../test/fake-fetch';
import { renderWithApp, sessionOf } from '../../../test/render';
import { AliasDetailPage } from './alias-detail-page';

const alias: AliasDetail = {
  aliasId: 'sales_pod1',
  name: 'Sales pod 1',
  logins: ['1001a', '2017b'],
  userGroup: null,
  unknownLogins: ['2017b'],
  phones: [{ login: '1001a', extension: '1001', serverIp: '10.20.0.11' }],
  version: 'v1',
};

afterEach(() => vi.unstubAllGlobals());

describe('an alias page', () => {
  it("links each login to its phone's page; a login no phone has says so", async () => {
    fakeFetch((request) =>
      new URL(request.url).pathname === '/api/aliases/sales_pod1' ? json(200, alias) : json(200, { entries: [], auditScope: 'all' }),
    );
    renderWithApp(
      <Routes>
        <Route path="/aliases/:aliasId" element={<AliasDetailPage />} />
      </Routes>,
      { route: '/aliases/sales_pod1', session: sessionOf('viewer') },
    );
    const settings = await screen.findByRole('region', { name: 'Alias settings' });
    expect(within(settings).getByRole('link', { name: '1001a: phone 1001 on 10.20.0.11' })).toHaveAttribute('href', '/phones/10.20.0.11/1001');
    expect(within(settings).getByText('2017b').closest('li')).toHaveTextContent('2017b (no such phone)');
    expect(within(settings).queryByRole('link', { name: /2017b/ })).not.toBeInTheDocument();
  });
});
