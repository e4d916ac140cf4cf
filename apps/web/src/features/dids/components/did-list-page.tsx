import { useQuery } from '@tanstack/react-query';
import type { RowSelectionState } from '@tanstack/react-table';
import { useState } from 'react';
import { Link } from 'react-router';
import { DID_ROUTE_LABELS, DID_ROUTES, DID_SORT_FIELDS, type DidRow, didListQuerySchema, RECORD_CALL_MODES, RECORDING_LABELS } from '@vicidash/contracts/did';
import { CreateLink } from '../../../components/create-link';
import { ListCsvActions } from '../../../components/list-csv-actions';
import { listColumns } from '../../../components/data-table/data-table';
import { editColumn } from '../../../components/data-table/edit-column';
import { ListTable } from '../../../components/data-table/list-table';
import { Value, YesNo } from '../../../components/details';
import { ActiveFilter, ChoiceFilter, ListSearch, ListToolbar } from '../../../components/list-toolbar';
import { PageHeader } from '../../../components/page-header';
import { useCan } from '../../../lib/auth';
import { useListState } from '../../../lib/list-state';
import { lookupQueries } from '../../../lib/lookups';
import { didListQueryOptions } from '../api/dids';
import { didPaths } from '../paths';
import { routeLabel } from '../labels';
import './did-list.css';

const column = listColumns<DidRow>();

const readColumns = [
  column.accessor('pattern', {
    header: 'DID',
    cell: ({ row }) => <Link to={didPaths.detail(row.original.didId)}>{row.original.pattern}</Link>,
  }),
  column.accessor('description', { header: 'Description', cell: ({ getValue }) => <Value value={getValue()} /> }),
  column.accessor('route', { header: 'Route', cell: ({ getValue }) => <Value value={routeLabel(getValue())} /> }),
  column.accessor('target', { header: 'Route target', cell: ({ getValue }) => <Value value={getValue()} /> }),
  column.accessor('active', { header: 'Active', cell: ({ getValue }) => <YesNo value={getValue()} /> }),
  column.accessor('recordCall', {
    header: 'Recording',
    cell: ({ getValue }) => {
      const value = getValue();
      return <Value value={value === null ? null : (RECORDING_LABELS[value] ?? value)} />;
    },
  }),
  column.accessor('didId', { header: 'DID ID' }),
];
const editColumns = [...readColumns, editColumn<DidRow>((did) => didPaths.edit(did.didId), (did) => `DID ${did.pattern}`)];

const ROUTE_OPTIONS = DID_ROUTES.map((route) => ({ value: route, label: DID_ROUTE_LABELS[route] }));
const RECORDING_OPTIONS = RECORD_CALL_MODES.map((mode) => ({ value: mode, label: RECORDING_LABELS[mode] ?? mode }));
// Rows are known by pattern: the bulk change names DIDs by pattern, and so do its results.
const didRowId = (did: DidRow) => did.pattern;
const selectLabel = (did: DidRow) => `Select DID ${did.pattern}`;

export function DidListPage() {
  const list = useListState(didListQuerySchema);
  const { query, update } = list;
  const dids = useQuery(didListQueryOptions(query));
  const inGroups = useQuery(lookupQueries.inGroups());
  const canEdit = useCan('update:dids');
  // Kept while paging and filtering (the page stays mounted), so a selection can span pages.
  const [selected, setSelected] = useState<RowSelectionState>({});

  return (
    <>
      <PageHeader
        title="DIDs"
        description="Inbound numbers and where their calls go."
        actions={
          <>
            <ListCsvActions list="dids" query={query} total={dids.data?.total} />
            <CreateLink permission="create:dids" to={didPaths.create}>
              Add DID
            </CreateLink>
          </>
        }
      />
      <ListToolbar label="Search and filter DIDs">
        <ListSearch list={list} param="search" label="Search DIDs" hint="Digits anywhere in the number (the last four will do), or description" />
        <ChoiceFilter label="Route" anyLabel="All routes" value={query.route ?? ''} options={ROUTE_OPTIONS} onChange={(route) => update({ route })} />
        <ListSearch list={list} param="target" label="Route target" hint="Extension, box, phone, in-group, menu or agent" />
        <ChoiceFilter
          label="In-group"
          anyLabel="Any in-group"
          value={query.inGroup ?? ''}
          options={(inGroups.data ?? []).map((group) => ({
            value: group.groupId,
            label: `${group.groupId}${group.name ? ` – ${group.name}` : ''}${group.active ? '' : ' (inactive)'}`,
          }))}
          onChange={(inGroup) => update({ inGroup })}
        />
        <ChoiceFilter
          label="Recording"
          anyLabel="Any recording"
          value={query.recordCall ?? ''}
          options={RECORDING_OPTIONS}
          onChange={(recordCall) => update({ recordCall })}
        />
        <ActiveFilter value={query.active} onChange={(active) => update({ active })} />
      </ListToolbar>
      <ListTable
        list={list}
        result={dids}
        caption="DIDs"
        columns={canEdit ? editColumns : readColumns}
        getRowId={didRowId}
        sortFields={DID_SORT_FIELDS}
        noMatch="No DID matches this search."
        none="There are no DIDs yet."
        selection={canEdit ? { selected, onChange: setSelected, rowLabel: selectLabel } : undefined}
        above={canEdit && <SelectionBar selected={selected} rows={dids.data?.rows} onClear={() => setSelected({})} />}
      />
    </>
  );
}

/** How many DIDs are chosen (on this page and others), and the way to change them together. */
function SelectionBar({ selected, rows, onClear }: { selected: RowSelectionState; rows: DidRow[] | undefined; onClear: () => void }) {
  const patterns = Object.keys(selected).filter((pattern) => selected[pattern]);
  const onThisPage = new Set((rows ?? []).map(didRowId));
  const elsewhere = patterns.filter((pattern) => !onThisPage.has(pattern)).length;
  const count = `${patterns.length} DID${patterns.length === 1 ? '' : 's'} selected`;
  return (
    <div className="selection-bar">
      <p role="status">
        {patterns.length === 0
          ? 'No DIDs selected. Tick DIDs to change their route, activity or recording together.'
          : elsewhere > 0
            ? `${count} (${elsewhere} on other pages or outside this search)`
            : count}
      </p>
      {patterns.length > 0 && (
        <>
          <Link className="button button--primary" to={didPaths.bulk(patterns)}>
            Change the selected DIDs
          </Link>
          <button type="button" className="button" onClick={onClear}>
            Clear selection
          </button>
        </>
      )}
    </div>
  );
}
