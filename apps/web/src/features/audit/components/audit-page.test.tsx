import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditListResponse } from '@vicidash/contracts/audit';
import { fakeFetch, json } from '../../../test/fake-fetch';
import { renderWithApp, sessionOf } from '../../../test/render';
import { AuditPage } from './audit-page';
import { isoFromLocalInput, localInputValue } from './time-filter';

const page: AuditListResponse = {
  total: 2,
  rows: [
    {
      id: 9,
      at: '2026-11-22T08:00:00.000Z',
      actor: { username: 'helpdesk', displayName: 'Hana Helpdesk', role: 'helpdesk' },
      action: 'update:dids',
      target: { type: 'did', id: '7' },
      outcome: 'success',
      fields: { description: 'Support line' },
      result: { code: 'OK' },
      before: { description: 'Sales line' },
      after: { description: 'Support line' },
    },
    {
      id: 8,
      at: '2026-11-22T07:00:00.000Z',
      actor: { username: 'sam', displayName: 'Sam Supervisor', role: 'supervisor' },
      action: 'update:phones',
      target: { type: 'phone', id: '1001@10.20.0.11' },
      outcome: 'failure',
      fields: { email: 'not an email' },
      result: { code: 'VALIDATION', field: 'email', message: 'Email: an email address' },
      before: null,
      after: null,
    },
  ],
};

const auditRequests = (requests: Request[]) => requests.filter((r) => new URL(r.url).pathname === '/api/audit').map((r) => new URL(r.url).searchParams);

/** The BFF's audit answering `list`, with nobody in the person filter. */
const auditBff = (list: unknown) => fakeFetch((request) => json(200, new URL(request.url).pathname === '/api/audit/people' ? [] : list));

afterEach(() => vi.unstubAllGlobals());

describe('the audit page', () => {
  it('shows a partly done copy with what was not done, and a deleted record as it was', async () => {
    const entry = (id: number, rest: Partial<AuditListResponse['rows'][number]>) => ({ ...page.rows[0], id, fields: {}, before: null, after: null, ...rest }) as AuditListResponse['rows'][number];
    auditBff({
        total: 2,
        rows: [
          entry(12, { action: 'delete:aliases', target: { type: 'alias', id: 'night' }, before: { aliasId: 'night', name: 'Night shift', logins: ['1001a'] } }),
          entry(11, { action: 'copy:dids', outcome: 'partial', result: { code: 'OK', message: 'Added 1 of 2 new DIDs; not added, as they exist already: 3125550102' } }),
        ],
    });
    renderWithApp(<AuditPage />, { route: '/audit', session: sessionOf('supervisor') });
    const table = await screen.findByRole('table', { name: 'Audit log, newest first' });
    await within(table).findAllByText('Hana Helpdesk');
    const [, deleted, copied] = within(table).getAllByRole('row');
    expect(within(deleted as HTMLElement).getByRole('list', { name: 'The record as it was' })).toHaveTextContent('Alias ID: nightName: Night shiftPhone logins: 1001a');
    expect(copied).toHaveTextContent('Copied');
    expect(copied).toHaveTextContent('Partly done');
    expect(copied).toHaveTextContent('not added, as they exist already: 3125550102');
  });

  it("shows a supervisor everyone's entries, with the filters of the URL", async () => {
    const requests = auditBff(page);
    renderWithApp(<AuditPage />, { route: '/audit?actor=helpdesk&targetType=did&outcome=success&page=2', session: sessionOf('supervisor') });

    const table = await screen.findByRole('table', { name: 'Audit log, newest first' });
    await within(table).findByText('Hana Helpdesk');
    const [, first, second] = within(table).getAllByRole('row');
    expect(first).toHaveTextContent('Hana Helpdesk (helpdesk)');
    expect(first).toHaveTextContent('Changed');
    expect(first).toHaveTextContent('Description: Sales line → changed to Support line');
    expect(within(first as HTMLElement).getByRole('link', { name: 'DID 7' })).toHaveAttribute('href', '/dids/7');
    expect(second).toHaveTextContent('Tried to change phones');
    expect(second).toHaveTextContent('Not done');
    expect(second).toHaveTextContent('Email: an email address');
    expect(within(second as HTMLElement).getByRole('link', { name: 'Phone 1001@10.20.0.11' })).toHaveAttribute('href', '/phones/10.20.0.11/1001');

    expect(screen.getByRole('combobox', { name: 'Person' })).toHaveValue('helpdesk');
    expect(screen.getByRole('combobox', { name: 'Record type' })).toHaveValue('did');
    expect(screen.getByRole('combobox', { name: 'Outcome' })).toHaveValue('success');
    const sent = auditRequests(requests).at(-1);
    expect(Object.fromEntries(sent ?? [])).toEqual({ actor: 'helpdesk', targetType: 'did', outcome: 'success', page: '2', pageSize: '50' });
  });

  it('sends a new filter to the BFF and starts again at page 1', async () => {
    const requests = auditBff(page);
    const user = userEvent.setup();
    renderWithApp(<AuditPage />, { route: '/audit?page=3', session: sessionOf('supervisor') });
    await screen.findByRole('table');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Action' }), 'delete:dids');
    await vi.waitFor(() => expect(auditRequests(requests).at(-1)?.get('action')).toBe('delete:dids'));
    expect(auditRequests(requests).at(-1)?.get('page')).toBe('1');
  });

  it('shows helpdesk only their own entries, and says so', async () => {
    const requests = auditBff({ total: 0, rows: [] });
    renderWithApp(<AuditPage />, { route: '/audit', session: sessionOf('helpdesk', 'hana') });
    expect(await screen.findByText('You have not changed anything through the dashboard yet.')).toBeInTheDocument();
    expect(screen.getByText(/Your role sees only its own entries/)).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Person' })).not.toBeInTheDocument();
    // Only the actions helpdesk can perform: nothing else can be in their entries.
    const actions = within(screen.getByRole('combobox', { name: 'Action' })).getAllByRole('option').map((option) => option.textContent);
    expect(actions).toEqual(['All actions', 'Add DIDs', 'Copy DIDs', 'Change DIDs', 'Change their own password']);
    expect(auditRequests(requests).at(-1)?.get('actor')).toBe('hana');
  });

  it('tells a viewer in one sentence that the audit is not for their role, without asking the BFF', async () => {
    const requests = fakeFetch(() => json(403, { code: 'FORBIDDEN', message: 'no' }));
    renderWithApp(<AuditPage />, { route: '/audit', session: sessionOf('viewer') });
    expect(await screen.findByRole('heading', { level: 1, name: 'Audit log' })).toBeInTheDocument();
    expect(document.body).toHaveTextContent(
      'Audit logThe audit log shows the changes people make through the dashboard; your role (viewer) makes none, so it has no audit log to show.',
    );
    expect(document.querySelector('.state--error')).toBeNull();
    expect(requests).toEqual([]);
  });

  it('picks a person from those in the audit, and offers a supervisor every audited action (none that matches nothing)', async () => {
    const requests = fakeFetch((request) =>
      new URL(request.url).pathname === '/api/audit/people'
        ? json(200, [
            { username: 'helpdesk', displayName: 'Hana Helpdesk' },
            { username: 'sam', displayName: 'Sam Supervisor' },
          ])
        : json(200, page),
    );
    const user = userEvent.setup();
    renderWithApp(<AuditPage />, { route: '/audit', session: sessionOf('supervisor') });
    const person = await screen.findByRole('combobox', { name: 'Person' });
    await vi.waitFor(() => expect(within(person).getByRole('option', { name: 'Sam Supervisor (sam)' })).toBeInTheDocument());
    await user.selectOptions(person, 'sam');
    await vi.waitFor(() => expect(auditRequests(requests).at(-1)?.get('actor')).toBe('sam'));

    const actions = within(screen.getByRole('combobox', { name: 'Action' })).getAllByRole('option');
    const values = actions.map((option) => option.getAttribute('value'));
    expect(values).toEqual(expect.arrayContaining(['create:users', 'update:users', 'reset:user-password', 'change:own-password', 'refresh:servers']));
    expect(values).not.toContain('manage:users');
    // Each has words, not its code.
    for (const option of actions) expect(option.textContent).not.toMatch(/:/);
  });

  it('refuses From after To with a message, and does not apply it', async () => {
    const requests = auditBff(page);
    const from = '2026-11-22T10:00:00.000Z';
    const to = '2026-11-22T09:00:00.000Z';
    renderWithApp(<AuditPage />, { route: `/audit?from=${from}&to=${to}`, session: sessionOf('supervisor') });
    await screen.findByRole('table');
    expect(screen.getByLabelText('From')).toHaveAccessibleDescription(/From: a time before To .*This time is not applied\./);
    expect(screen.getByLabelText('From')).toHaveValue(localInputValue(from));
    expect(auditRequests(requests).at(-1)?.get('from')).toBeNull();
    expect(auditRequests(requests).at(-1)?.get('to')).toBe(to);
  });

  it('keeps times in the URL in UTC and shows them in local time', () => {
    const iso = isoFromLocalInput('2026-11-22T09:30');
    expect(new Date(iso).getTime()).toBe(new Date(2026, 10, 22, 9, 30).getTime());
    expect(localInputValue(iso)).toBe('2026-11-22T09:30');
    expect(isoFromLocalInput('')).toBe('');
    expect(localInputValue('not a time')).toBe('');
  });
});
