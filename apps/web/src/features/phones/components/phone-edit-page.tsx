import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { type UseFormReturn, useForm } from 'react-hook-form';
import { Link, useParams } from 'react-router';
import { type PhoneDetail, type PhoneKey, phoneDetailSchema, type UpdatePhoneRequest } from '@vicidash/contracts/phone';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { CheckboxField, FormError, TextField } from '../../../components/form-field';
import { PageHeader } from '../../../components/page-header';
import { RequirePermission } from '../../../components/require-permission';
import { ErrorState, LoadingState } from '../../../components/states';
import { ConflictNotice, conflictingRecord, DraftNotice, useFormSaved } from '../../../components/unsaved-changes';
import { useFormDraft } from '../../../lib/form-draft';
import { setServerErrors } from '../../../lib/form-errors';
import { phoneForEditQueryOptions, useUpdatePhone } from '../api/phones';
import { phonePaths } from '../paths';
import {
  changeList,
  clearRule,
  type EditableField,
  type FlagFieldName,
  PHONE_FIELD_LABELS,
  type PhoneFormValues,
  phoneFormValues,
  reapplyChanges,
  type TextFieldName,
} from '../phone-changes';
import { phoneChangesResolver, phoneUpdateRequest } from '../phone-changes-resolver';
import { ChangeList, changeCount } from './change-list';
import { DeletePhoneButton } from './delete-phone';
import { ChoiceField, type Choice, type PhoneChoices, protocolChoices, usePhoneChoices, webphoneChoices } from './phone-choices';
import { PhoneSecrets } from './phone-secrets';
import { saveOutcomeState } from './save-outcome';
import './phone-form.css';

export function PhoneEditPage() {
  const { serverIp = '', extension = '' } = useParams();
  const key: PhoneKey = { serverIp, extension };
  const phone = useQuery(phoneForEditQueryOptions(key));
  const { choices, error, retry } = usePhoneChoices();

  return (
    <>
      <PageHeader
        title={`Edit phone ${extension}`}
        description={`On server ${serverIp}`}
        actions={
          <Link className="button" to={phonePaths.detail(key)}>
            Back to the phone
          </Link>
        }
      />
      <RequirePermission permission="update:phones">
        {phone.isError ? (
          <ErrorState error={phone.error} onRetry={() => void phone.refetch()} />
        ) : error ? (
          <ErrorState error={error} onRetry={retry} />
        ) : phone.data && choices ? (
          <PhoneEditForm loadedPhone={phone.data} choices={choices} />
        ) : (
          <LoadingState />
        )}
      </RequirePermission>
    </>
  );
}

/** The phone the form started from: its version goes with the save, its values are what changes are measured against. */
interface Base {
  phone: PhoneDetail;
  values: PhoneFormValues;
}
const baseOf = (phone: PhoneDetail): Base => ({ phone, values: phoneFormValues(phone) });

function PhoneEditForm({ loadedPhone, choices }: { loadedPhone: PhoneDetail; choices: PhoneChoices }) {
  const [base, setBase] = useState(() => baseOf(loadedPhone));
  // The resolver runs outside rendering: it reads the base through a ref.
  const baseValues = useRef(base.values);
  const resolver = useMemo(() => phoneChangesResolver(() => baseValues.current), []);
  const form = useForm<PhoneFormValues>({ defaultValues: base.values, resolver });
  const draft = useFormDraft(form);
  const update = useUpdatePhone(base.phone);
  const saved = useFormSaved(draft);
  const [review, setReview] = useState<UpdatePhoneRequest | null>(null);
  const [conflict, setConflict] = useState<PhoneDetail | null>(null);
  const summaryHeading = useRef<HTMLHeadingElement>(null);

  const values = form.watch();
  const changes = changeList(base.values, values);
  const name = `phone ${base.phone.extension} on ${base.phone.serverIp}`;

  /** Measure changes against `phone` from now on, the form showing `values` (default: the phone as it is). */
  const startFrom = (phone: PhoneDetail, keep?: (now: PhoneFormValues) => PhoneFormValues) => {
    const next = baseOf(phone);
    baseValues.current = next.values;
    setBase(next);
    form.reset(next.values);
    if (keep) form.reset(keep(next.values), { keepDefaultValues: true });
    setConflict(null);
    // The notice and its buttons are gone: continue from the list of changes.
    summaryHeading.current?.focus();
  };

  const save = async (request: UpdatePhoneRequest) => {
    try {
      const answer = await update.mutateAsync({ changes: request, version: base.phone.version });
      const summary = `Saved ${changeCount(Object.keys(request).length)} to ${name}.`;
      saved(summary, phonePaths.detail(answer), saveOutcomeState({ summary, serversAwaitingRebuild: answer.serversAwaitingRebuild }));
    } catch (error) {
      const current = conflictingRecord(error, phoneDetailSchema);
      if (current) setConflict(current);
      else setServerErrors(form.setError, error);
    }
  };

  const submit = form.handleSubmit((accepted) => {
    // Save is not offered without a change; Enter in a field must not get further either.
    if (changeList(base.values, accepted).length > 0) setReview(phoneUpdateRequest(base.values, accepted));
  });

  return (
    <>
      {conflict && (
        <PhoneConflictNotice
          loaded={base.values}
          current={conflict}
          onReapply={() => {
            const mine = form.getValues();
            startFrom(conflict, (now) => reapplyChanges(base.values, mine, now));
          }}
          onDiscard={() => startFrom(conflict)}
        />
      )}
      <div className="phone-edit">
        <form className="phone-form" onSubmit={(event) => void submit(event)} noValidate aria-label={`Edit ${name}`}>
          <DraftNotice draft={draft} />
          <FormError message={form.formState.errors.root?.server?.message} />
          <EditFields form={form} loaded={base.values} choices={choices} />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={changes.length === 0 || conflict !== null || update.isPending}>
              Save changes
            </button>
            <Link className="button" to={phonePaths.detail(base.phone)}>
              Cancel
            </Link>
            <span className="form-actions-end">
              <DeletePhoneButton phone={base.phone} />
            </span>
          </div>
        </form>
        <aside className="panel change-summary" aria-labelledby="change-summary-heading">
          <h2 id="change-summary-heading" ref={summaryHeading} tabIndex={-1}>
            Your changes
          </h2>
          <p className="change-count" aria-live="polite">
            {changes.length === 0 ? 'No changes yet' : changeCount(changes.length)}
          </p>
          {changes.length > 0 && <ChangeList changes={changes} label="Changed fields" />}
          <p className="field-hint">Only these fields are sent to VICIdial.</p>
        </aside>
      </div>
      <PhoneSecrets phoneKey={base.phone} />
      {review && (
        <ConfirmDialog
          title={`Save ${changeCount(Object.keys(review).length)} to ${name}?`}
          confirmLabel={`Save ${changeCount(Object.keys(review).length)}`}
          destructive={false}
          onConfirm={() => save(review)}
          onClose={() => setReview(null)}
        >
          <p>Only these fields are sent to VICIdial; every other field stays as it is.</p>
          <ChangeList changes={changes} label="Changes to save" />
        </ConfirmDialog>
      )}
    </>
  );
}

/** The phone changed under the user's hands (409): what changed, and the way forward. */
function PhoneConflictNotice({ loaded, current, onReapply, onDiscard }: { loaded: PhoneFormValues; current: PhoneDetail; onReapply: () => void; onDiscard: () => void }) {
  const theirs = changeList(loaded, phoneFormValues(current));
  return (
    <ConflictNotice record="phone" reapplyLabel="Re-apply my changes" onReapply={onReapply} onDiscard={onDiscard}>
      <p>Nothing was saved. Since you opened the form, the phone changed:</p>
      {theirs.length > 0 ? (
        <ChangeList changes={theirs} label="Changed by someone else" />
      ) : (
        <p>in settings this form does not show (its secrets or status).</p>
      )}
      <p>Re-apply your changes on top of the current values, review them, and save again.</p>
    </ConflictNotice>
  );
}

type Form = UseFormReturn<PhoneFormValues>;

/** What the hint says about emptying a field: VICIdial clears it, or cannot (and why). */
function clearHint(field: EditableField): string {
  const rule = clearRule(field);
  return rule.clearable ? 'Empty clears it.' : `Cannot be cleared: ${rule.reason}.`;
}

const hintOf = (field: EditableField, rule?: string) => [rule, clearHint(field)].filter(Boolean).join(' ');

function EditFields({ form, loaded, choices }: { form: Form; loaded: PhoneFormValues; choices: PhoneChoices }) {
  const text = (field: TextFieldName, rule?: string, input?: { inputMode?: 'numeric' | 'email'; type?: string }) => (
    <EditText form={form} field={field} hint={hintOf(field, rule)} {...input} />
  );
  const choice = (field: TextFieldName, options: readonly Choice[]) => (
    <ChoiceField
      label={PHONE_FIELD_LABELS[field]}
      hint={clearRule(field).clearable ? undefined : clearHint(field)}
      choices={options}
      keep={loaded[field]}
      error={form.formState.errors[field]?.message}
      {...form.register(field)}
    />
  );
  const flag = (field: FlagFieldName) => <CheckboxField label={PHONE_FIELD_LABELS[field]} {...form.register(field)} />;
  const clearing = form.watch('clearRegistrationPassword');

  return (
    <>
      <fieldset className="panel">
        <legend>Phone</legend>
        <div className="phone-form-grid">
          {text('login', 'Up to 15 letters, digits, - or _.')}
          {text('fullName', "2 to 30 letters without accents, digits, spaces or + . _ - (VICIdial drops ' and é).")}
          {text('dialplanNumber', '3 to 20 letters, digits, * or #.')}
          {text('voicemailId', '2 to 10 letters or digits.')}
          {text('outboundCallerId', '6 to 18 digits.', { inputMode: 'numeric' })}
          {text('outboundAltCallerId', '6 to 18 digits.', { inputMode: 'numeric' })}
          {choice('protocol', protocolChoices)}
          {choice('gmtOffset', choices.timeZones)}
          {choice('userGroup', choices.userGroups)}
          <TextField
            label={PHONE_FIELD_LABELS.ringTimeout}
            hint={hintOf('ringTimeout', '2 to 180 seconds.')}
            inputMode="numeric"
            error={form.formState.errors.ringTimeout?.message}
            {...form.register('ringTimeout')}
          />
        </div>
        <div className="phone-form-flags">
          {flag('active')}
        </div>
      </fieldset>

      <fieldset className="panel">
        <legend>Email, context and template</legend>
        <div className="phone-form-grid">
          {text('email', 'Like name@example.com.', { type: 'email' })}
          {text('context', '2 to 20 letters, digits, - or _.')}
          {choice('templateId', choices.templates)}
        </div>
        <div className="phone-form-flags">{flag('deleteVoicemailAfterEmail')}</div>
      </fieldset>

      <fieldset className="panel">
        <legend>Webphone</legend>
        <div className="phone-form-grid">{choice('webphone', webphoneChoices)}</div>
        <div className="phone-form-flags">
          {flag('webphoneAutoAnswer')}
          {flag('useExternalServerIp')}
          {flag('onHookAgent')}
        </div>
      </fieldset>

      <fieldset className="panel">
        <legend>SIP secrets</legend>
        <p className="field-hint">The current secrets are never loaded into the form: type a new one to replace it, or leave the field empty.</p>
        <div className="phone-form-grid">
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            hint={`Empty keeps the current one. ${clearHint('password')}`}
            error={form.formState.errors.password?.message}
            {...form.register('password')}
          />
          <TextField
            label="New registration password"
            type="password"
            autoComplete="new-password"
            readOnly={clearing}
            hint="Empty keeps the current one."
            error={form.formState.errors.registrationPassword?.message}
            {...form.register('registrationPassword')}
          />
        </div>
        <CheckboxField label="Clear the registration password" {...form.register('clearRegistrationPassword')} />
      </fieldset>
    </>
  );
}

/** A text field of the edit form, with its clear control where VICIdial can clear it. */
function EditText({ form, field, hint, inputMode, type }: { form: Form; field: TextFieldName; hint: string; inputMode?: 'numeric' | 'email'; type?: string }) {
  const label = PHONE_FIELD_LABELS[field];
  const empty = form.watch(field) === '';
  const input = (
    <TextField
      label={label}
      hint={hint}
      type={type}
      inputMode={inputMode}
      autoComplete="off"
      error={form.formState.errors[field]?.message}
      {...form.register(field)}
    />
  );
  if (!clearRule(field).clearable) return input;
  return (
    <div className="clearable-field">
      {input}
      <button
        type="button"
        className="button button--quiet"
        disabled={empty}
        onClick={() => form.setValue(field, '', { shouldDirty: true, shouldValidate: form.formState.isSubmitted })}
      >
        Clear <span className="visually-hidden">{label}</span>
      </button>
    </div>
  );
}
