import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PHONE_SORT_FIELDS, PROTOCOLS, type PhoneRow, phoneListQuerySchema } from '@vicidash/contracts/phone';
import { CreateLink } from '../../../components/create-link';
import { ListCsvActions } from '../../../components/list-csv-actions';
import { listColumns } from '../../../components/data-table/data-table';
import { editColumn } from '../../../components/data-table/edit-column';
import { ListTable } from '../../../components/data-table/list-table';
import { YesNo } from '../../../components/details';
import { ActiveFilter, ChoiceFilter, ListSearch, ListToolbar } from '../../../components/list-toolbar';
import { PageHeader } from '../../../components/page-header';
import { useCan } from '../../../lib/auth';
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
const editColumns = [...readColumns, editColumn<PhoneRow>(phonePaths.edit, phoneName)];

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
          <>
            <ListCsvActions list="phones" query={query} total={phones.data?.total} />
            <CreateLink permission="create:phones" to={phonePaths.create}>
              Add phone
            </CreateLink>
          </>
        }
      />
      <SaveOutcomeNotice />
      <ListToolbar label="Search and filter phones">
        <ListSearch list={list} param="search" label="Search phones" hint="Extension, login, name or dialplan number" />
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
      <ListTable
        list={list}
        result={phones}
        caption="Phones"
        columns={canEdit ? editColumns : readColumns}
        getRowId={phoneId}
        sortFields={PHONE_SORT_FIELDS}
        noMatch="No phone matches this search."
        none="There are no phones yet."
      />
    </>
  );
}
