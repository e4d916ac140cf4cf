import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ALIAS_SORT_FIELDS, type AliasRow, aliasListQuerySchema } from '@vicidash/contracts/alias';
import { CreateLink } from '../../../components/create-link';
import { ListCsvActions } from '../../../components/list-csv-actions';
import { listColumns } from '../../../components/data-table/data-table';
import { editColumn } from '../../../components/data-table/edit-column';
import { ListTable } from '../../../components/data-table/list-table';
import { Value } from '../../../components/details';
import { ListSearch, ListToolbar } from '../../../components/list-toolbar';
import { PageHeader } from '../../../components/page-header';
import { useCan } from '../../../lib/auth';
import { useListState } from '../../../lib/list-state';
import { aliasListQueryOptions } from '../api/aliases';
import { aliasPaths } from '../paths';

const column = listColumns<AliasRow>();

/** The first logins of a long list, and how many more. */
const LOGINS_SHOWN = 8;
function Logins({ logins }: { logins: string[] }) {
  if (logins.length === 0) return <span className="none">none</span>;
  const more = logins.length - LOGINS_SHOWN;
  return (
    <>
      {logins.slice(0, LOGINS_SHOWN).join(', ')}
      {more > 0 && ` and ${more} more`}
    </>
  );
}

const readColumns = [
  column.accessor('aliasId', {
    header: 'Alias ID',
    cell: ({ row }) => <Link to={aliasPaths.detail(row.original.aliasId)}>{row.original.aliasId}</Link>,
  }),
  column.accessor('name', { header: 'Name', cell: ({ getValue }) => <Value value={getValue()} /> }),
  column.accessor('logins', { header: 'Phone logins', cell: ({ getValue }) => <Logins logins={getValue()} /> }),
  column.accessor((alias) => alias.logins.length, { id: 'count', header: 'Logins' }),
  column.accessor('userGroup', { header: 'User group', cell: ({ getValue }) => <Value value={getValue()} /> }),
];
const editColumns = [...readColumns, editColumn<AliasRow>((alias) => aliasPaths.edit(alias.aliasId), (alias) => `alias ${alias.aliasId}`)];

const aliasId = (alias: AliasRow) => alias.aliasId;

export function AliasListPage() {
  const list = useListState(aliasListQuerySchema);
  const aliases = useQuery(aliasListQueryOptions(list.query));
  const canEdit = useCan('update:aliases');

  return (
    <>
      <PageHeader
        title="Phone aliases"
        description="Names for lists of phone logins."
        actions={
          <>
            <ListCsvActions list="aliases" query={list.query} total={aliases.data?.total} />
            <CreateLink permission="create:aliases" to={aliasPaths.create}>
              Add alias
            </CreateLink>
          </>
        }
      />
      <ListToolbar label="Search and filter phone aliases">
        <ListSearch list={list} param="search" label="Search aliases" hint="Alias ID, name or a login" />
        <ListSearch list={list} param="login" label="Lists the login" hint="Exactly this phone login" />
      </ListToolbar>
      <ListTable
        list={list}
        result={aliases}
        caption="Phone aliases"
        columns={canEdit ? editColumns : readColumns}
        getRowId={aliasId}
        sortFields={ALIAS_SORT_FIELDS}
        noMatch="No alias matches this search."
        none="There are no phone aliases yet."
      />
    </>
  );
}
