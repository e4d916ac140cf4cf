import { useMemo, useState } from 'react';
import { FormProvider, type Path, useForm, useWatch } from 'react-hook-form';
import { Link } from 'react-router';
import { type DidDetail, type UpdateDidRequest, didDetailSchema, updateDidRequestSchema } from '@vicidash/contracts/did';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { FormError } from '../../../components/form-field';
import { PageHeader } from '../../../components/page-header';
import { QueryState } from '../../../components/query-state';
import { RequirePermission } from '../../../components/require-permission';
import { conflictingRecord, DraftNotice, useFormSaved } from '../../../components/unsaved-changes';
import { useFormDraft } from '../../../lib/form-draft';
import { counted } from '../../../lib/words';
import { setServerErrors } from '../../../lib/form-errors';
import { useUpdateDid } from '../api/did-changes';
import { useDidOfPath } from '../api/dids';
import { changeList } from '../form/change-list';
import { type DidFormValues, didChanges, storedDidValues } from '../form/did-values';
import { requestResolver } from '../form/payload-resolver';
import { ROUTE_FIELDS } from '../form/routing-values';
import { didPaths } from '../paths';
import { ChangeItems, ChangeSummary } from './change-summary';
import { DidConflictNotice } from './conflict-notice';
import { CopyAndDelete } from './copy-and-delete';
import { DidSettingsFields } from './did-settings-fields';
import { CurrentAgent, RouteFields } from './route-fields';

export function DidEditPage() {
  const { didId, did, missing } = useDidOfPath();

  return (
    <>
      <PageHeader
        title={did.data ? `Edit DID ${did.data.pattern}` : 'Edit DID'}
        description={did.data?.description ?? undefined}
        actions={
          <>
            {!missing && (
              <Link className="button" to={didPaths.detail(didId)}>
                Back to the DID
              </Link>
            )}
            {did.data && <CopyAndDelete did={did.data} />}
          </>
        }
      />
      <QueryState query={did} missing={missing}>
        {(data) => (
          <RequirePermission permission="update:dids">
            {/* Loaded once: a newer version of the record arrives through the conflict notice, not under the person's typing. */}
            <EditDidForm did={data} />
          </RequirePermission>
        )}
      </QueryState>
    </>
  );
}

const SETTINGS = ['description', 'active', 'recordCall', 'filterCleanCidNumber'] as const;

/** The API's field names are the form's, but the pattern is not a field here (it cannot change). */
const toFormField = (apiField: string) => (apiField === 'pattern' ? undefined : (apiField as Path<DidFormValues>));

function EditDidForm({ did }: { did: DidDetail }) {
  // The version the changes are measured against; a conflict moves it to the newer record.
  const [base, setBase] = useState(did);
  const [conflict, setConflict] = useState<DidDetail | null>(null);
  const before = useMemo(() => storedDidValues(base), [base]);
  // Only the changes are checked and sent (react-hook-form reads the newest resolver on each render).
  const resolver = useMemo(() => requestResolver(updateDidRequestSchema, (values: DidFormValues) => didChanges(before, values)), [before]);
  const form = useForm<DidFormValues, unknown, UpdateDidRequest>({ resolver, defaultValues: before });
  const draft = useFormDraft(form);
  const values = useWatch({ control: form.control }) as DidFormValues;
  const changes = changeList(before, values);
  const update = useUpdateDid(did.didId);
  const saved = useFormSaved(draft);

  // Checked, then confirmed (the changes listed), then sent: as phones and aliases are saved.
  const [review, setReview] = useState<UpdateDidRequest | null>(null);
  const onSubmit = form.handleSubmit((request) => setReview(request));
  const save = async (request: UpdateDidRequest) => {
    try {
      const answer = await update.mutateAsync({ request, version: base.version });
      saved(`DID ${answer.pattern} saved.`, didPaths.detail(answer.didId));
    } catch (error) {
      const current = conflictingRecord(error, didDetailSchema);
      if (current) setConflict(current);
      else setServerErrors(form.setError, error, toFormField);
    }
  };

  /** Starts again from the newer record, with each field the person changed put back on top. */
  const reapply = (current: DidDetail) => {
    const typed = form.getValues();
    form.reset(storedDidValues(current));
    for (const field of SETTINGS) {
      if (typed[field] !== before[field]) form.setValue(field, typed[field], { shouldDirty: true });
    }
    for (const field of ['route', ...ROUTE_FIELDS] as const) {
      if (typed.routing[field] !== before.routing[field]) form.setValue(`routing.${field}`, typed.routing[field], { shouldDirty: true });
    }
    setBase(current);
    setConflict(null);
  };

  const discardMine = (current: DidDetail) => {
    form.reset(storedDidValues(current));
    draft.clear();
    setBase(current);
    setConflict(null);
  };

  const errors = form.formState.errors;
  return (
    <FormProvider {...form}>
      <form className="did-form" noValidate onSubmit={(event) => void onSubmit(event)} aria-label={`Edit DID ${did.pattern}`}>
        <DraftNotice draft={draft} />
        {conflict && <DidConflictNotice before={before} current={conflict} onReapply={() => reapply(conflict)} onDiscard={() => discardMine(conflict)} />}
        <FormError message={errors.root?.server?.message ?? errors.root?.message} />
        <DidSettingsFields isNew={false} storedRecordCall={before.recordCall} />
        <RouteFields before={before.routing} targetMissing={base.targetMissing} agentNote={<CurrentAgent agent={base.agentUser} />} />
        <ChangeSummary changes={changes} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={changes.length === 0 || form.formState.isSubmitting || conflict !== null}>
            {form.formState.isSubmitting ? 'Saving…' : 'Save changes'}
          </button>
          <Link className="button" to={didPaths.detail(did.didId)} onClick={draft.clear}>
            Cancel
          </Link>
        </div>
      </form>
      {review && (
        <ConfirmDialog
          title={`Save ${counted(changes.length, 'change')} to DID ${did.pattern}?`}
          confirmLabel={`Save ${counted(changes.length, 'change')}`}
          destructive={false}
          onConfirm={() => save(review)}
          onClose={() => setReview(null)}
        >
          <p>Only these settings are sent to VICIdial; every other setting of the DID stays as it is.</p>
          <ChangeItems changes={changes} />
        </ConfirmDialog>
      )}
    </FormProvider>
  );
}
