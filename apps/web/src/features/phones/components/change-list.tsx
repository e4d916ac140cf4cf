import type { Change } from '../phone-changes';

/** Changes as "Field: old → new", one per line. */
export function ChangeList({ changes, label }: { changes: readonly Change[]; label: string }) {
  return (
    <ul className="change-list" aria-label={label}>
      {changes.map((change) => (
        <li key={change.field}>
          <span className="change-field">{change.label}</span>: <span className="change-from">{change.from}</span>{' '}
          <span aria-hidden="true">→</span>
          <span className="visually-hidden">becomes</span> <span className="change-to">{change.to}</span>
        </li>
      ))}
    </ul>
  );
}

/** "1 change", "3 changes". */
export const changeCount = (count: number): string => (count === 1 ? '1 change' : `${count} changes`);
