import type { FieldChange } from '../form/change-list';
import { counted } from '../../../lib/words';

/** What a save will send, field by field: old → new. Only the count is announced, not every keystroke's list. */
export function ChangeSummary({ changes }: { changes: FieldChange[] }) {
  return (
    <div className="change-summary">
      <p role="status">{changes.length === 0 ? 'No changes to save yet.' : `${counted(changes.length, 'change')} to save:`}</p>
      {changes.length > 0 && <ChangeItems changes={changes} />}
    </div>
  );
}

export function ChangeItems({ changes }: { changes: FieldChange[] }) {
  return (
    <ul>
      {changes.map((change) => (
        <li key={change.label}>
          {change.label}: {change.from} → {change.to}
        </li>
      ))}
    </ul>
  );
}
