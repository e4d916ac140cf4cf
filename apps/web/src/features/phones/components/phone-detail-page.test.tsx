import { screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../../app/routes';
import { fakeFetch, json } from '../../../test/fake-fetch';
import { renderWithApp, sessionOf } from '../../../test/render';
import { phonePaths } from '../paths';
import { storedPhone } from '../test-phone';

afterEach(() => vi.unstubAllGlobals());

// VICIdial's admin screen allows `/ @ . : * #` in an extension (EXTERNAL phones): the address keeps it whole.
it('opens a phone whose extension holds / @ : # and asks the BFF for that phone', async () => {
  const key = { serverIp: '10.20.0.11', extension: 'sip/1001@pbx:5060#' };
  const asked: string[] = [];
  fakeFetch(async (request) => {
    const path = new URL(request.url).pathname;
    asked.push(path);
    if (path === '/api/phones/10.20.0.11/sip%2F1001%40pbx%3A5060%23') return json(200, { ...storedPhone, ...key, protocol: 'EXTERNAL' });
    if (path.endsWith('/aliases')) return json(200, []);
    return json(404, { code: 'NOT_FOUND', message: `no fake for ${path}` });
  });
  renderWithApp(<AppRoutes />, { route: phonePaths.detail(key), session: sessionOf('supervisor', 'sam') });
  expect(await screen.findByRole('heading', { level: 1, name: 'Phone sip/1001@pbx:5060#' })).toBeInTheDocument();
  expect(await screen.findByRole('link', { name: 'Edit phone' })).toHaveAttribute('href', '/phones/10.20.0.11/sip%2F1001%40pbx%3A5060%23/edit');
  expect(asked).toContain('/api/phones/10.20.0.11/sip%2F1001%40pbx%3A5060%23');
});
