import type { ReactNode } from 'react';

/** A record's fields as label/value pairs (read-only views). */
export function Details({ items }: { items: readonly (readonly [label: string, value: ReactNode])[] }) {
  return (
    <dl className="details">
      {items.map(([label, value]) => (
        <div key={label} className="details-row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A stored value, or a visible "none" when VICIdial holds nothing. */
export function Value({ value }: { value: string | number | null | undefined }) {
  return value === null || value === undefined || value === '' ? <span className="none">none</span> : <>{value}</>;
}

/** A yes/no setting as a badge with words (not colour alone). */
export function YesNo({ value, yes = 'Yes', no = 'No' }: { value: boolean; yes?: string; no?: string }) {
  return <span className={value ? 'badge badge--on' : 'badge badge--off'}>{value ? yes : no}</span>;
}
