import { screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HistoryResponse } from '@vicidash/contracts/history';
import { AliasDetailPage } from '../../features/aliases/components/alias-detail-page';
import { DidDetailPage } from '../../features/dids/components/did-detail-page';
import { PhoneDetailPage } from '../../features/phones/components/phone-detail-page';
import { fakeFetch, json } from '../../test/fake-fetch';
import { renderWithApp, sessionOf } from '../../test/render';
import { RecordHistory } from './record-history';

const history: HistoryResponse = {
  auditScope: 'own',
  entries: [
    {
      id: 'dashboard:12',
      source: 'dashboard',
      at: '2026-11-22T08:00:01.500Z',
      actor: 'helpdesk',
      actorName: 'Helen Desk',
      role: 'helpdesk',
      action: 'update:dids',
      outcome: 'success',
      summary: 'Done',
      fields: { description: 'Support line', recordCall: 'Y', routing: { route: 'IN_GROUP', inGroup: 'SUPPORT' } },
      before: { didId: 7, description: 'Sales line', recordCall: 'N', route: 'EXTEN', inGroup: null },
      after: { didId: 7, description: 'Support line', recordCall: 'Y', route: 'IN_GROUP', inGroup: 'SUPPORT' },
    },
    {
      id: 'vicidial:40',
      source: 'vicidial',
      at: '2026-11-22T08:00:01.000Z',
      actor: 'dashboard',
      actorName: null,
      role: null,
      action: 'MODIFY',
      outcome: 'success',
      summary: 'ADMIN API UPDATE DID: did: 3125550101 did_id: 7',
      fields: null,
      before: null,
      after: null,
    },
    {
      id: 'dashboard:14',
      source: 'dashboard',
      at: '2026-11-22T07:30:00.000Z',
      actor: 'sam',
      actorName: 'Sam Supervisor',
      role: 'supervisor',
      action: 'delete:dids',
      outcome: 'success',
      summary: 'Done',
      fields: {},
      before: { didId: 7, pattern: '3125550101', description: 'Support line', version: 'v9' },
      after: null,
    },
    {
      id: 'dashboard:13',
      source: 'dashboard',
      at: '2026-11-22T07:20:00.000Z',
      actor: 'sam',
      actorName: 'Sam Supervisor',
      role: 'supervisor',
      action: 'copy:dids',
      outcome: 'partial',
      summary: 'Added 1 of 2 new DIDs; not added, as they exist already: 3125550102',
      fields: { sourcePattern: '3125550101', newPatterns: ['3125558001', '3125550102'] },
      before: { didId: 7, pattern: '3125550101' },
      after: { added: [{ pattern: '3125558001', didId: 9 }], alreadyExisting: ['3125550102'] },
    },
    {
      id: 'dashboard:11',
      source: 'dashboard',
      at: '2026-11-22T07:00:00.000Z',
      actor: 'helpdesk',
      actorName: 'Helen Desk',
      role: 'helpdesk',
      action: 'delete:dids',
      outcome: 'failure',
      summary: 'Your role (helpdesk) may not delete DIDs.',
      fields: {},
      before: null,
      after: null,
    },
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe('a record history', () => {
  it("lists the dashboard's and VICIdial's entries newest first, readable", async () => {
    const requests = fakeFetch(() => json(200, history));
    renderWithApp(<RecordHistory type="did" id="7" />, { session: sessionOf('helpdesk') });

    const list = await screen.findByRole('list', { name: 'Changes, newest first' });
    const [change, vicidial, deleted, copied, refused] = within(list).getAllByRole('listitem').filter((item) => item.parentElement === list);
    expect(deleted).toHaveTextContent('Deleted');
    expect(within(deleted as HTMLElement).getByRole('list', { name: 'The record as it was' })).toHaveTextContent(
      'DID ID: 7DID number: 3125550101Description: Support line',
    );
    expect(deleted).not.toHaveTextContent('v9');
    expect(copied).toHaveTextContent('Copied');
    expect(copied).toHaveTextContent('Partly done');
    expect(copied).toHaveTextContent('Added 1 of 2 new DIDs; not added, as they exist already: 3125550102');
    // A person once, and each field and value in the words of the DID form.
    expect(change).toHaveTextContent('Helen Desk (helpdesk)');
    expect(change).not.toHaveTextContent('(helpdesk, helpdesk)');
    expect(deleted).toHaveTextContent('Sam Supervisor (sam, supervisor)');
    expect(change).toHaveTextContent('Changed');
    expect(within(within(change as HTMLElement).getByRole('list', { name: 'Fields sent' })).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Description: Sales line → changed to Support line',
      'Recording: Not recorded → changed to Recorded',
      'Where calls go: Extension → changed to In-group',
      'In-group: none → changed to SUPPORT',
    ]);
    expect(within(change as HTMLElement).getByRole('time')).toHaveAttribute('dateTime', '2026-11-22T08:00:01.500Z');
    expect(vicidial).toHaveTextContent('VICIdial (API user dashboard)');
    expect(vicidial).toHaveTextContent('MODIFY');
    expect(vicidial).toHaveTextContent('ADMIN API UPDATE DID: did: 3125550101 did_id: 7');
    expect(refused).toHaveTextContent('Tried to delete DIDs');
    expect(refused).toHaveTextContent('Not done');
    expect(refused).toHaveTextContent('Your role (helpdesk) may not delete DIDs.');

    expect(screen.getByText(/you see only your own changes/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open in the audit log' })).toHaveAttribute('href', '/audit?targetType=did&targetId=7');
    expect(new URL(requests[0]?.url ?? '').pathname).toBe('/api/history/did/7');
  });

  it("asks for a phone's history by extension@server and offers a viewer no audit link", async () => {
    const requests = fakeFetch(() => json(200, { auditScope: 'none', entries: [] }));
    renderWithApp(<RecordHistory type="phone" id="1001@10.20.0.11" />, { session: sessionOf('viewer') });
    expect(await screen.findByText('No change of this record is recorded.')).toBeInTheDocument();
    expect(screen.getByText(/does not see the dashboard's audit entries/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Open in the audit log' })).not.toBeInTheDocument();
    expect(new URL(requests[0]?.url ?? '').pathname).toBe('/api/history/phone/1001%4010.20.0.11');
  });

  it('says when the history could not be read, with a retry', async () => {
    fakeFetch(() => json(503, { code: 'DATABASE_UNAVAILABLE', message: "VICIdial's database did not answer." }));
    renderWithApp(<RecordHistory type="alias" id="sales" />, { session: sessionOf('supervisor') });
    expect(await screen.findByText("VICIdial's database did not answer.")).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

describe("a deleted record's page", () => {
  const deletion = (action: string, before: Record<string, unknown>): HistoryResponse => ({
    auditScope: 'all',
    entries: [
      { id: 'dashboard:20', source: 'dashboard', at: '2026-11-22T09:00:00.000Z', actor: 'sam', actorName: 'Sam Supervisor', role: 'supervisor', action, outcome: 'success', summary: 'Done', fields: {}, before, after: null },
    ],
  });
  it.each<{ page: ReactNode; path: string; route: string; history: string; answer: HistoryResponse; shown: string }>([
    { page: <DidDetailPage />, path: '/dids/:didId', route: '/dids/7', history: '/api/history/did/7', answer: deletion('delete:dids', { didId: 7, pattern: '3125550101' }), shown: 'DID number: 3125550101' },
    { page: <AliasDetailPage />, path: '/aliases/:aliasId', route: '/aliases/night', history: '/api/history/alias/night', answer: deletion('delete:aliases', { aliasId: 'night', name: 'Night shift' }), shown: 'Name: Night shift' },
    {
      page: <PhoneDetailPage />,
      path: '/phones/:serverIp/:extension',
      route: '/phones/10.20.0.11/6001',
      history: '/api/history/phone/6001%4010.20.0.11',
      answer: deletion('delete:phones', { extension: '6001', fullName: 'New desk' }),
      shown: 'Full name: New desk',
    },
  ])('$route: says it is gone, and shows its history with the record as it was', async ({ page, path, route, history, answer, shown }) => {
    fakeFetch((request) => (new URL(request.url).pathname === history ? json(200, answer) : json(404, { code: 'NOT_FOUND', message: 'No such record.' })));
    renderWithApp(
      <Routes>
        <Route path={path} element={page} />
      </Routes>,
      { route, session: sessionOf('supervisor') },
    );
    expect(await screen.findByText('No such record.')).toBeInTheDocument();
    expect(await screen.findByRole('list', { name: 'The record as it was' })).toHaveTextContent(shown);
    // Gone is gone: no Try again that could only fail again.
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('a record that never existed: only the page says so, no second error from its history', async () => {
    fakeFetch(() => json(404, { code: 'NOT_FOUND', message: 'No DID 999999, and no history of one.' }));
    renderWithApp(
      <Routes>
        <Route path="/dids/:didId" element={<DidDetailPage />} />
      </Routes>,
      { route: '/dids/999999', session: sessionOf('viewer') },
    );
    expect(await screen.findByText('No DID 999999, and no history of one.')).toBeInTheDocument();
    // Once the history's answer is in too: still one alert, and no History section.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const said = screen.getAllByRole('alert').flatMap((alert) => (alert.textContent ? [alert.textContent] : []));
    expect(said).toEqual([expect.stringContaining('No DID 999999, and no history of one.')]);
    expect(screen.queryByRole('heading', { name: 'History' })).not.toBeInTheDocument();
  });
});
