import { useQuery } from '@tanstack/react-query';
import { type AuditEntry, auditQuerySchema } from '@vicidash/contracts/audit';
import { DataTable, listColumns } from '../../../components/data-table/data-table';
import { EmptyList } from '../../../components/data-table/list-table';
import { EntryChanges, OutcomeBadge, Person } from '../../../components/history/field-changes';
import { OUTCOME_LABELS, actionFilterLabel, actionLabel, actionsOf, answerText, whenText } from '../../../components/history/format';
import { RevertAction, RevertOf } from '../../../components/history/revert-dialog';
import { ChoiceFilter, ListSearch, ListToolbar } from '../../../components/list-toolbar';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState } from '../../../components/states';
import { useCan, useUser } from '../../../lib/auth';
import { useListState } from '../../../lib/list-state';
import { auditListQueryOptions, auditPeopleQueryOptions } from '../api/audit';
import { RecordLink } from './record-link';
import { TimeFilter } from './time-filter';
import '../../../components/history/history.css';

const column = listColumns<AuditEntry>();

const columns = [
  column.accessor('at', { header: 'When', cell: ({ getValue }) => <time dateTime={getValue()}>{whenText(getValue())}</time> }),
  column.accessor('actor', {
    header: 'Person',
    cell: ({ getValue }) => <Person {...getValue()} />,
  }),
  column.accessor('action', { header: 'Action', cell: ({ row }) => actionLabel(row.original.action, row.original.outcome) }),
  column.accessor('target', { header: 'Record', cell: ({ getValue }) => <RecordLink target={getValue()} /> }),
  column.accessor('outcome', { header: 'Outcome', cell: ({ getValue }) => <OutcomeBadge outcome={getValue()} /> }),
  column.display({
    id: 'details',
    header: 'What was sent, and the answer',
    cell: ({ row: { original: entry } }) => (
      <>
        {entry.outcome !== 'success' && <p className="history-summary">{answerText(entry.result, entry.outcome)}</p>}
        <EntryChanges entry={{ ...entry, type: entry.target.type }} />
        <RevertOf entryId={entry.revertOf} />
        <RevertAction entry={{ id: entry.id, action: entry.action, outcome: entry.outcome, actor: entry.actor.username, targetType: entry.target.type }} />
      </>
    ),
  }),
];

/** The audit is in time order only (newest first): no column sorts. */
const NO_SORT: readonly 'at'[] = [];
const TARGET_TYPES = [
  { value: 'did', label: 'DIDs' },
  { value: 'phone', label: 'Phones' },
  { value: 'alias', label: 'Phone aliases' },
  { value: 'server', label: 'Servers' },
];
const OUTCOMES = Object.entries(OUTCOME_LABELS).map(([value, label]) => ({ value, label }));
const entryId = (entry: AuditEntry) => String(entry.id);

export function AuditPage() {
  const seesAll = useCan('read:audit');
  const seesOwn = useCan('read:own-audit');
  const user = useUser();
  if (!seesOwn) {
    return (
      <>
        <PageHeader title="Audit log" />
        <EmptyState>The audit log shows the changes people make through the dashboard; your role ({user.role}) makes none, so it has no audit log to show.</EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Audit log"
        description={
          seesAll
            ? 'Every change made through the dashboard, and every refused attempt: who, when, what was sent and the answer.'
            : 'Your own changes made through the dashboard, and your refused attempts. Your role sees only its own entries.'
        }
      />
      <AuditLog seesAll={seesAll} />
    </>
  );
}

function AuditLog({ seesAll }: { seesAll: boolean }) {
  const user = useUser();
  const list = useListState(auditQuerySchema);
  const { query, update } = list;
  // The BFF narrows a helpdesk's audit to their own entries (and refuses anyone else's name).
  const audit = useQuery(auditListQueryOptions(seesAll ? query : { ...query, actor: user.username }));
  const people = useQuery({ ...auditPeopleQueryOptions(), enabled: seesAll });
  const actions = actionsOf(user.role).map((action) => ({ value: action, label: actionFilterLabel(action) }));

  return (
    <>
      <ListToolbar label="Filter the audit log">
        {seesAll && (
          <ChoiceFilter
            label="Person"
            anyLabel="Everyone"
            value={query.actor ?? ''}
            options={(people.data ?? []).map((person) => ({ value: person.username, label: `${person.displayName} (${person.username})` }))}
            onChange={(actor) => update({ actor })}
          />
        )}
        <ChoiceFilter label="Record type" anyLabel="All types" value={query.targetType ?? ''} options={TARGET_TYPES} onChange={(targetType) => update({ targetType })} />
        <ListSearch list={list} param="targetId" label="Record ID" hint="DID ID, alias ID, or extension@server IP" />
        <ChoiceFilter label="Action" anyLabel="All actions" value={query.action ?? ''} options={actions} onChange={(action) => update({ action })} />
        <ChoiceFilter label="Outcome" anyLabel="Any outcome" value={query.outcome ?? ''} options={OUTCOMES} onChange={(outcome) => update({ outcome })} />
        <TimeFilter label="From" value={query.from} problem={list.problems.from} onChange={(from) => update({ from }, { replace: true })} />
        <TimeFilter label="To" value={query.to} problem={list.problems.to} onChange={(to) => update({ to }, { replace: true })} />
      </ListToolbar>
      {audit.isError && !audit.data ? (
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
      ) : (
        <DataTable
          caption="Audit log, newest first"
          columns={columns}
          getRowId={entryId}
          rows={audit.data?.rows}
          total={audit.data?.total ?? 0}
          page={query.page}
          pageSize={query.pageSize}
          sortFields={NO_SORT}
          sort="at"
          order="desc"
          onSortChange={() => {}}
          onPageChange={(page) => update({ page: String(page) })}
          onPageSizeChange={(pageSize) => update({ pageSize: String(pageSize) })}
          busy={audit.isFetching && audit.isPlaceholderData}
          empty={
            <EmptyList
              filtered={list.filtered}
              onClear={list.clearFilters}
              noMatch="No entry matches these filters."
              none={seesAll ? 'Nothing has been changed through the dashboard yet.' : 'You have not changed anything through the dashboard yet.'}
            />
          }
        />
      )}
    </>
  );
}
