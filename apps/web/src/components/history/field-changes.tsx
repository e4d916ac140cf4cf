import type { AuditOutcome } from '@vicidash/contracts/audit';
import { Value } from '../details';
import { type FieldChange, OUTCOME_LABELS, fieldChanges, personText, recordItems } from './format';
import './history.css';

const BADGES: Record<AuditOutcome, string> = { success: 'badge badge--on', partial: 'badge badge--partial', failure: 'badge badge--failure' };

/** Done, partly done or not done, in words. */
export function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  return <span className={BADGES[outcome]}>{OUTCOME_LABELS[outcome]}</span>;
}

/** A person of the dashboard, named once (personText). */
export function Person(person: { displayName: string; username: string; role: string }) {
  const { name, detail } = personText(person);
  return (
    <>
      {name} <span className="history-role">{detail}</span>
    </>
  );
}

interface EntryData {
  /** The record's type (did, phone, alias…): its form's labels name the fields. */
  type: string;
  action: string;
  outcome: AuditOutcome;
  fields: unknown;
  before: unknown;
  after: unknown;
}

/** What an audit entry did: the fields it changed, or for a deletion the record as it was (its page is gone). */
export function EntryChanges({ entry }: { entry: EntryData }) {
  if (entry.action.startsWith('delete:') && entry.outcome === 'success') return <RecordAsItWas record={entry.before} type={entry.type} />;
  return <FieldChanges fields={entry.fields} before={entry.before} after={entry.after} type={entry.type} />;
}

function RecordAsItWas({ record, type }: { record: unknown; type: string }) {
  const items = recordItems(record, type);
  if (items.length === 0) return null;
  return (
    <ul className="field-changes" aria-label="The record as it was">
      {items.map((item) => (
        <li key={item.field}>
          <span className="field-changes-label">{item.label}:</span> {item.value}
        </li>
      ))}
    </ul>
  );
}

/**
 * The fields one audit entry sent, each with what the record held before and after:
 * "Description: old → new". Where VICIdial stored something else than was sent, both are shown.
 */
function FieldChanges({ fields, before, after, type }: { fields: unknown; before: unknown; after: unknown; type: string }) {
  const changes = fieldChanges(fields, before, after, type);
  if (changes.length === 0) return null;
  return (
    <ul className="field-changes" aria-label="Fields sent">
      {changes.map((change) => (
        <li key={change.field}>
          <span className="field-changes-label">{change.label}:</span> <ChangeText change={change} />
        </li>
      ))}
    </ul>
  );
}

function ChangeText({ change }: { change: FieldChange }) {
  const { sent, before, after, hasBefore, hasAfter } = change;
  const stored = hasAfter ? after : sent;
  return (
    <>
      {hasBefore && (
        <>
          <Value value={before} /> <span aria-hidden="true">→</span>
          <span className="visually-hidden"> changed to</span>{' '}
        </>
      )}
      <Value value={stored} />
      {hasAfter && after !== sent && (
        <span className="field-changes-note">
          {' '}
          (sent: <Value value={sent} />)
        </span>
      )}
    </>
  );
}
