import { Field } from '../../../components/form-field';

/** 'YYYY-MM-DDTHH:mm' in the reader's time zone, as a datetime-local input shows it. */
export function localInputValue(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A datetime-local value (the reader's time zone) as an ISO time in UTC; '' stays ''. */
export const isoFromLocalInput = (value: string): string => (value ? new Date(value).toISOString() : '');

/** A "from" or "to" time filter; the URL holds the ISO time, the input the reader's local time. */
export function TimeFilter({
  label,
  value,
  problem,
  onChange,
}: {
  label: string;
  value: string | undefined;
  /** The time is in the URL but not applied (From after To): its text and why. */
  problem?: { text: string; message: string } | undefined;
  onChange: (iso: string) => void;
}) {
  return (
    <Field label={label} hint="Your local time" error={problem && `${problem.message}. This time is not applied.`}>
      {(control) => (
        <input
          {...control}
          type="datetime-local"
          value={localInputValue(problem?.text ?? value)}
          onChange={(event) => onChange(isoFromLocalInput(event.target.value))}
        />
      )}
    </Field>
  );
}
