import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, json } from '../../../test/fake-fetch';
import { phoneLoginsAnswer } from '../../../test/fixtures';
import { renderWithApp, sessionOf } from '../../../test/render';
import { AliasCreatePage } from './alias-create-page';

const PHONES = ['1001a', '1002a', '2001b'];

afterEach(() => vi.unstubAllGlobals());

function renderCreate(answerPost: (body: unknown) => Response) {
  const posts: unknown[] = [];
  fakeFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/lookups/phone-logins') return phoneLoginsAnswer(url, PHONES);
    const body = await request.json();
    posts.push(body);
    return answerPost(body);
  });
  const user = userEvent.setup();
  renderWithApp(
    <Routes>
      <Route path="/aliases/new" element={<AliasCreatePage />} />
      <Route path="/aliases/:aliasId" element={<p>Alias detail page</p>} />
    </Routes>,
    { route: '/aliases/new', session: sessionOf('supervisor') },
  );
  return { user, posts };
}

async function fill(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByRole('textbox', { name: /Alias ID/ }), 'pod_x');
  await user.type(screen.getByRole('textbox', { name: /Name/ }), 'Pod X');
  await user.click(screen.getByRole('combobox', { name: /Phone logins/ }));
  await user.paste('1001a,2001b');
  await waitFor(() => expect(screen.queryByText('(checking…)')).not.toBeInTheDocument());
  await user.click(screen.getByRole('button', { name: 'Add alias' }));
}

describe('AliasCreatePage', () => {
  it('checks the fields with the contract before sending anything', async () => {
    const { user, posts } = renderCreate(() => json(500, {}));
    await user.click(screen.getByRole('button', { name: 'Add alias' }));
    expect(await screen.findByRole('textbox', { name: /Alias ID/ })).toHaveAccessibleDescription(expect.stringContaining('Alias ID: 2 to 20 letters, digits, - or _'));
    expect(screen.getByRole('combobox', { name: /Phone logins/ })).toHaveAccessibleDescription(expect.stringContaining('choose at least one phone login'));
    expect(posts).toEqual([]);
  });

  it('sends the alias and opens it once added', async () => {
    const { user, posts } = renderCreate((body) =>
      json(201, { ...(body as object), userGroup: null, unknownLogins: [], phones: [], version: 'v1' }),
    );
    await fill(user);
    expect(await screen.findByText('Alias detail page')).toBeInTheDocument();
    expect(posts).toEqual([{ aliasId: 'pod_x', name: 'Pod X', logins: ['1001a', '2001b'] }]);
  });

  it("puts the server's refusal on its field", async () => {
    const { user } = renderCreate(() =>
      json(409, { code: 'CONFLICT', field: 'aliasId', message: 'Alias ID: an alias pod_x exists already' }),
    );
    await fill(user);
    const id = screen.getByRole('textbox', { name: /Alias ID/ });
    await waitFor(() => expect(id).toHaveAccessibleDescription(expect.stringContaining('an alias pod_x exists already')));
    expect(id).toHaveFocus();
  });
});
