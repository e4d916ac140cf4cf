import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RevertPreview } from '@vicidash/contracts/revert';
import { fakeFetch, json } from '../../test/fake-fetch';
import { renderWithApp, sessionOf } from '../../test/render';
import { RevertAction } from './revert-dialog';

afterEach(() => vi.unstubAllGlobals());

const didChange = { id: 12, action: 'update:dids', outcome: 'success', actor: 'hana', targetType: 'did' } as const;
const item = (changes: RevertPreview['items'][number]['changes'], extra: Partial<RevertPreview['items'][number]> = {}) => ({
  entryId: 12,
  target: { type: 'did', id: '7' },
  action: 'update:dids',
  changes,
  notes: [],
  needsSecrets: false,
  ...extra,
});

describe('Revert on an audit entry', () => {
  it('is offered to whom the BFF lets revert it: helpdesk their own DID change, supervisors any, viewers none', () => {
    const cases = [
      ['helpdesk', 'hana', 1],
      ['helpdesk', 'someone', 0],
      ['supervisor', 'sam', 1],
      ['viewer', 'vic', 0],
    ] as const;
    for (const [role, username, shown] of cases) {
      const { unmount } = renderWithApp(<RevertAction entry={didChange} />, { session: sessionOf(role, username) });
      expect(screen.queryAllByRole('button', { name: 'Revert this change' }), `${role} ${username}`).toHaveLength(shown);
      unmount();
    }
    // A failed attempt changed nothing; an addition would need delete:dids, which helpdesk lacks.
    renderWithApp(<RevertAction entry={{ ...didChange, outcome: 'failure' }} />, { session: sessionOf('supervisor') });
    renderWithApp(<RevertAction entry={{ ...didChange, action: 'create:dids' }} />, { session: sessionOf('helpdesk', 'hana') });
    expect(screen.queryByRole('button', { name: 'Revert this change' })).toBeNull();
  });

  it('previews field: now → back to, reverts on confirm, and says why not in plain words', async () => {
    const requests = fakeFetch((request) =>
      request.method === 'GET'
        ? json(200, { entryId: 12, items: [item([{ field: 'description', label: 'Description', now: 'Support line', backTo: 'Sales line' }])] })
        : json(409, { code: 'CONFLICT', message: 'DID 3125550101 has changed since this change: Active is now no (this change left yes).' }),
    );
    renderWithApp(<RevertAction entry={didChange} />, { session: sessionOf('helpdesk', 'hana') });
    await userEvent.click(screen.getByRole('button', { name: 'Revert this change' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revert this change' });
    expect(await within(dialog).findByRole('list', { name: 'Field: now → back to' })).toHaveTextContent('Description: Support line → back to Sales line');

    await userEvent.click(within(dialog).getByRole('button', { name: 'Revert' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('DID 3125550101 has changed since this change: Active is now no (this change left yes).');
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual(['GET /api/audit/12/revert', 'POST /api/audit/12/revert']);
  });

  it('a deleted phone asks for new SIP passwords; a blocked record says why; a result per record', async () => {
    const requests = fakeFetch((request) =>
      request.method === 'GET'
        ? json(200, {
            entryId: 12,
            items: [
              item([{ field: 'login', label: 'Login', now: null, backTo: '6001a' }], { action: 'create:phones', target: { type: 'phone', id: '6001@10.20.0.11' }, needsSecrets: true }),
              item([], { entryId: 13, target: { type: 'did', id: '8' }, blocked: { code: 'CONFLICT', message: 'This change was already reverted.' } }),
            ],
          })
        : json(200, { results: [{ entryId: 12, target: { type: 'phone', id: '6001@10.20.0.11' }, ok: true }, { entryId: 13, target: { type: 'did', id: '8' }, ok: false, error: { code: 'CONFLICT', message: 'This change was already reverted.' } }] }),
    );
    renderWithApp(<RevertAction entry={didChange} />, { session: sessionOf('supervisor') });
    await userEvent.click(screen.getByRole('button', { name: 'Revert this change' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('Phone 6001@10.20.0.11: added back (this change deleted it)')).toBeVisible();
    expect(within(dialog).getByText('Cannot be reverted: This change was already reverted.')).toBeVisible();
    await userEvent.type(within(dialog).getByLabelText(/^New password/), 'New-Pass-1');
    await userEvent.type(within(dialog).getByLabelText(/^New registration password/), 'New-Reg-1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revert' }));
    expect(await within(dialog).findByText('Reverted.')).toBeVisible();
    expect(within(dialog).getByText('Not reverted: This change was already reverted.')).toBeVisible();
    expect(await requests.at(-1)?.json()).toEqual({ secrets: { password: 'New-Pass-1', registrationPassword: 'New-Reg-1' } });
  });
});
