import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ALIAS_SORT_FIELDS, type AliasRow, aliasListQuerySchema } from '@vicidash/contracts/alias';
import { DataTable, listColumns } from '../../../components/data-table/data-table';
import { listTableProps } from '../../../components/data-table/list-table-props';
import { Value } from '../../../components/details';
import { ListToolbar } from '../../../components/list-toolbar';
import { PageHeader } from '../../../components/page-header';
import { SearchInput } from '../../../components/search-input';
import { EmptyList, ErrorState } from '../../../components/states';
import { Can, useCan } from '../../../lib/auth';
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
const editColumns = [
  ...readColumns,
  column.display({
    id: 'actions',
    header: 'Actions',
    cell: ({ row }) => (
      <Link to={aliasPaths.edit(row.original.aliasId)}>
        Edit <span className="visually-hidden">alias {row.original.aliasId}</span>
      </Link>
    ),
  }),
];

const aliasId = (alias: AliasRow) => alias.aliasId;

export function AliasListPage() {
  const list = useListState(aliasListQuerySchema);
  const { query, update } = list;
  const aliases = useQuery(aliasListQueryOptions(query));
  const canEdit = useCan('update:aliases');

  return (
    <>
      <PageHeader
        title="Phone aliases"
        description="Names for lists of phone logins."
        actions={
          <Can permission="create:aliases">
            <Link className="button button--primary" to={aliasPaths.create}>
              Add alias
            </Link>
          </Can>
        }
      />
      <ListToolbar label="Search and filter phone aliases">
        <SearchInput
          label="Search aliases"
          hint="Alias ID, name or a login"
          value={query.search ?? ''}
          onSearch={(search) => update({ search }, { replace: true })}
        />
        <SearchInput
          label="Lists the login"
          hint="Exactly this phone login"
          value={query.login ?? ''}
          onSearch={(login) => update({ login }, { replace: true })}
        />
      </ListToolbar>
      {aliases.isError && !aliases.data ? (
        <ErrorState error={aliases.error} onRetry={() => void aliases.refetch()} />
      ) : (
        <DataTable
          caption="Phone aliases"
          columns={canEdit ? editColumns : readColumns}
          getRowId={aliasId}
          sortFields={ALIAS_SORT_FIELDS}
          {...listTableProps(list, aliases)}
          empty={<EmptyList filtered={list.filtered} onClear={list.clearFilters} noMatch="No alias matches this search." none="There are no phone aliases yet." />}
        />
      )}
    </>
  );
}
