import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PHONE_SORT_FIELDS, PROTOCOLS, type PhoneRow, phoneListQuerySchema } from '@vicidash/contracts/phone';
import { DataTable, listColumns } from '../../../components/data-table/data-table';
import { listTableProps } from '../../../components/data-table/list-table-props';
import { YesNo } from '../../../components/details';
import { ActiveFilter, ChoiceFilter, ListToolbar } from '../../../components/list-toolbar';
import { PageHeader } from '../../../components/page-header';
import { SearchInput } from '../../../components/search-input';
import { EmptyList, ErrorState } from '../../../components/states';
import { Can, useCan } from '../../../lib/auth';
import { useListState } from '../../../lib/list-state';
import { lookupQueries } from '../../../lib/lookups';
import { phoneListQueryOptions } from '../api/phones';
import { phonePaths } from '../paths';
import { SaveOutcomeNotice } from './save-outcome';

const column = listColumns<PhoneRow>();
const phoneName = (phone: PhoneRow) => `phone ${phone.extension} on ${phone.serverIp}`;

const readColumns = [
  column.accessor('extension', {
    header: 'Extension',
    cell: ({ row }) => <Link to={phonePaths.detail(row.original)}>{row.original.extension}</Link>,
  }),
  column.accessor('serverIp', { header: 'Server' }),
  column.accessor('login', { header: 'Login' }),
  column.accessor('fullName', { header: 'Name' }),
  column.accessor('dialplanNumber', { header: 'Dialplan number' }),
  column.accessor('protocol', { header: 'Protocol' }),
  column.accessor('userGroup', { header: 'User group' }),
  column.accessor('active', { header: 'Active', cell: ({ getValue }) => <YesNo value={getValue()} /> }),
];
const editColumns = [
  ...readColumns,
  column.display({
    id: 'actions',
    header: 'Actions',
    cell: ({ row }) => (
      <Link to={phonePaths.edit(row.original)}>
        Edit <span className="visually-hidden">{phoneName(row.original)}</span>
      </Link>
    ),
  }),
];

const phoneId = (phone: PhoneRow) => `${phone.serverIp}/${phone.extension}`;
const PROTOCOL_OPTIONS = [...PROTOCOLS, 'PJSIP'].map((protocol) => ({ value: protocol, label: protocol }));

export function PhoneListPage() {
  const list = useListState(phoneListQuerySchema);
  const { query, update } = list;
  const phones = useQuery(phoneListQueryOptions(query));
  const servers = useQuery(lookupQueries.servers());
  const canEdit = useCan('update:phones');

  return (
    <>
      <PageHeader
        title="Phones"
        actions={
          <Can permission="create:phones">
            <Link className="button button--primary" to={phonePaths.create}>
              Add phone
            </Link>
          </Can>
        }
      />
      <SaveOutcomeNotice />
      <ListToolbar label="Search and filter phones">
        <SearchInput
          label="Search phones"
          hint="Extension, login, name or dialplan number"
          value={query.search ?? ''}
          onSearch={(search) => update({ search }, { replace: true })}
        />
        <ChoiceFilter
          label="Server"
          anyLabel="All servers"
          value={query.serverIp ?? ''}
          options={(servers.data ?? []).map((server) => ({ value: server.serverIp, label: `${server.serverId} (${server.serverIp})` }))}
          onChange={(serverIp) => update({ serverIp })}
        />
        <ChoiceFilter label="Protocol" anyLabel="All protocols" value={query.protocol ?? ''} options={PROTOCOL_OPTIONS} onChange={(protocol) => update({ protocol })} />
        <ActiveFilter value={query.active} onChange={(active) => update({ active })} />
      </ListToolbar>
      {phones.isError && !phones.data ? (
        <ErrorState error={phones.error} onRetry={() => void phones.refetch()} />
      ) : (
        <DataTable
          caption="Phones"
          columns={canEdit ? editColumns : readColumns}
          getRowId={phoneId}
          sortFields={PHONE_SORT_FIELDS}
          {...listTableProps(list, phones)}
          empty={<EmptyList filtered={list.filtered} onClear={list.clearFilters} noMatch="No phone matches this search." none="There are no phones yet." />}
        />
      )}
    </>
  );
}
