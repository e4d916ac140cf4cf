import { type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, useId } from 'react';

/**
 * A labelled form control with its hint and its error. The error is tied to the control
 * (aria-describedby, aria-invalid) and sits in a polite live region, so it is announced when it
 * appears and read again when the control gets focus.
 */

export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'aria-required': true | undefined;
}

export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  className?: string;
}

/** The ids that tie a control to its hint and error. */
function useFieldIds(hint: ReactNode, error: string | undefined) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

function Hint({ id, hint }: { id: string; hint: ReactNode }) {
  return hint ? (
    <p id={id} className="field-hint">
      {hint}
    </p>
  ) : null;
}

function ErrorText({ id, error }: { id: string; error: string | undefined }) {
  return (
    <p id={id} className="field-error" aria-live="polite">
      {error}
    </p>
  );
}

const fieldClass = (base: string, extra: string | undefined) => [base, extra].filter(Boolean).join(' ');

export function Field({ label, hint, error, required, className, children }: FieldProps & { children: (control: ControlProps) => ReactNode }) {
  const { id, hintId, errorId, describedBy } = useFieldIds(hint, error);
  return (
    <div className={fieldClass('field', className)}>
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      <Hint id={hintId} hint={hint} />
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        'aria-required': required ? true : undefined,
      })}
      <ErrorText id={errorId} error={error} />
    </div>
  );
}

type TextFieldProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'required'> & { ref?: Ref<HTMLInputElement> };

/** A text input in a Field; spread react-hook-form's `register(name)` into it. */
export function TextField({ label, hint, error, required, className, ...input }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required} className={className}>
      {(control) => <input type="text" {...input} {...control} />}
    </Field>
  );
}

type SelectFieldProps = FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'required'> & { ref?: Ref<HTMLSelectElement> };

/** A select in a Field; the options are its children. */
export function SelectField({ label, hint, error, required, className, children, ...select }: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required} className={className}>
      {(control) => (
        <select {...select} {...control}>
          {children}
        </select>
      )}
    </Field>
  );
}

type CheckboxFieldProps = Omit<FieldProps, 'required'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & { ref?: Ref<HTMLInputElement> };

/** A checkbox with its label after it. */
export function CheckboxField({ label, hint, error, className, ...input }: CheckboxFieldProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(hint, error);
  return (
    <div className={fieldClass('field field--checkbox', className)}>
      <input type="checkbox" {...input} id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
      <label htmlFor={id}>{label}</label>
      <Hint id={hintId} hint={hint} />
      <ErrorText id={errorId} error={error} />
    </div>
  );
}

/** The form's own error (not tied to a field), e.g. react-hook-form's `errors.root?.server?.message`. */
export function FormError({ message }: { message?: string | undefined }) {
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}
