import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'react-router';
import type { HistoryEntry, HistoryResponse, HistoryType } from '@vicidash/contracts/history';
import { ApiError } from '../../lib/api-client';
import { Can } from '../../lib/auth';
import { EmptyState, ErrorState, LoadingState } from '../states';
import { EntryChanges, OutcomeBadge, Person } from './field-changes';
import { actionLabel, vicidialActor, whenText } from './format';
import { historyQueryOptions } from './history-query';
import { RevertAction, RevertOf } from './revert-dialog';
import './history.css';

const SCOPE_NOTES: Record<HistoryResponse['auditScope'], string | undefined> = {
  all: undefined,
  own: "Of the dashboard's entries you see only your own changes; VICIdial's entries are all shown.",
  none: "Your role does not see the dashboard's audit entries; VICIdial's entries are shown.",
};

/**
 * Whether a record's page shows its history: while the record exists, and once it is gone (404),
 * when its history is what is left of it (the deletion keeps the record as it was).
 */
export const showsHistory = (record: UseQueryResult<unknown>): boolean =>
  record.data !== undefined || (record.error instanceof ApiError && record.error.status === 404);

/**
 * A record's history (phone: id `extension@serverIp`, alias: its ID, DID: its DID ID): VICIdial's
 * admin log and the dashboard's audit merged, newest first. Drop it at the end of a detail page.
 */
export function RecordHistory({ type, id }: { type: HistoryType; id: string }) {
  const history = useQuery(historyQueryOptions(type, id));
  const headingId = useId();
  const scopeNote = history.data && SCOPE_NOTES[history.data.auditScope];
  // Neither the record nor any history of it: the page's own "not found" says all there is.
  if (history.error instanceof ApiError && history.error.status === 404) return null;

  return (
    <section className="panel record-history" aria-labelledby={headingId}>
      <div className="record-history-header">
        <h2 id={headingId}>History</h2>
        <Can permission="read:own-audit">
          <Link to={`/audit?${new URLSearchParams({ targetType: type, targetId: id })}`}>Open in the audit log</Link>
        </Can>
      </div>
      <p className="record-history-intro">
        Changes made through the dashboard, under the name of the person who made them, and VICIdial's own log, newest first.
        {scopeNote && ` ${scopeNote}`}
      </p>
      {history.isPending ? (
        <LoadingState label="Loading the history…" />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.entries.length === 0 ? (
        <EmptyState>No change of this record is recorded.</EmptyState>
      ) : (
        <ol className="history-list" aria-label="Changes, newest first">
          {history.data.entries.map((entry) => (
            <HistoryItem key={entry.id} entry={entry} type={type} />
          ))}
        </ol>
      )}
    </section>
  );
}

function HistoryItem({ entry, type }: { entry: HistoryEntry; type: HistoryType }) {
  const fromDashboard = entry.source === 'dashboard';
  const notDone = entry.outcome !== 'success';
  return (
    <li className="history-entry">
      <p className="history-entry-head">
        <time dateTime={entry.at}>{whenText(entry.at)}</time>
        <span className="history-actor">
          {fromDashboard ? (
            <Person displayName={entry.actorName ?? entry.actor} username={entry.actor} role={entry.role ?? ''} />
          ) : (
            vicidialActor(entry.actor, entry.summary)
          )}
        </span>
        <span className="history-action">{actionLabel(entry.action, entry.outcome)}</span>
        {notDone && <OutcomeBadge outcome={entry.outcome} />}
      </p>
      {/* VICIdial's event code and notes; the dashboard's answer when there is more to say than "Done". */}
      {(!fromDashboard || notDone) && <p className="history-summary">{entry.summary}</p>}
      {fromDashboard && <EntryChanges entry={{ ...entry, type }} />}
      {fromDashboard && (
        <>
          <RevertOf entryId={entry.revertOf} />
          {/* A dashboard entry's id is 'dashboard:<audit id>'. */}
          <RevertAction entry={{ id: Number(entry.id.slice('dashboard:'.length)), action: entry.action, outcome: entry.outcome, actor: entry.actor, targetType: type }} />
        </>
      )}
    </li>
  );
}
