import { Value } from '../details';
import { type FieldChange, fieldChanges } from './format';
import './history.css';

/**
 * The fields one audit entry sent, each with what the record held before and after:
 * "Description: old → new". Where VICIdial stored something else than was sent, both are shown.
 */
export function FieldChanges({ fields, before, after }: { fields: unknown; before: unknown; after: unknown }) {
  const changes = fieldChanges(fields, before, after);
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
