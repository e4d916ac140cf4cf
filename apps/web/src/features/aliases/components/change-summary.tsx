import type { AliasEditChanges } from '../alias-changes';
import './alias-form.css';

/** One side of a change: the logins added, or removed, with their count and a sign besides the colour. */
function LoginGroup({ title, sign, logins, kind }: { title: string; sign: string; logins: readonly string[]; kind: 'added' | 'removed' }) {
  return (
    <div className={`change-group change-group--${kind}`}>
      <p className="change-title">
        {title} ({logins.length})
      </p>
      {logins.length === 0 ? (
        <p className="none">none</p>
      ) : (
        <ul className="inline-list change-list">
          {logins.map((login) => (
            <li key={login}>
              <span aria-hidden="true">{sign}</span>
              {login}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export interface ChangeSummaryProps {
  changes: AliasEditChanges;
  /** Headings of the two lists, e.g. "Logins to add" / "Logins to remove". */
  addedTitle: string;
  removedTitle: string;
}

/** The logins an edit adds and removes, and its name change: what people confirm before saving. */
export function ChangeSummary({ changes, addedTitle, removedTitle }: ChangeSummaryProps) {
  return (
    <div className="change-summary">
      {changes.name && (
        <p>
          Name: “{changes.name.from}” becomes “{changes.name.to}”.
        </p>
      )}
      <LoginGroup title={addedTitle} sign="+ " logins={changes.logins.added} kind="added" />
      <LoginGroup title={removedTitle} sign="− " logins={changes.logins.removed} kind="removed" />
    </div>
  );
}
