import { FormProvider, useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { type CreateDidRequest, createDidRequestSchema } from '@vicidash/contracts/did';
import { FormError } from '../../../components/form-field';
import { PageHeader } from '../../../components/page-header';
import { RequirePermission } from '../../../components/require-permission';
import { DraftNotice, useFormSaved } from '../../../components/unsaved-changes';
import { useFormDraft } from '../../../lib/form-draft';
import { setServerErrors } from '../../../lib/form-errors';
import { useCreateDid } from '../api/did-changes';
import { type DidFormValues, NEW_DID_VALUES, newDidRequest } from '../form/did-values';
import { requestResolver } from '../form/payload-resolver';
import { EMPTY_ROUTING } from '../form/routing-values';
import { didPaths } from '../paths';
import { DidSettingsFields } from './did-settings-fields';
import { RouteFields } from './route-fields';

const resolver = requestResolver(createDidRequestSchema, newDidRequest);

export function DidCreatePage() {
  return (
    <>
      <PageHeader
        title="Add DID"
        description="A new inbound number and where its calls go."
        actions={
          <Link className="button" to={didPaths.list}>
            All DIDs
          </Link>
        }
      />
      <RequirePermission permission="create:dids">
        <NewDidForm />
      </RequirePermission>
    </>
  );
}

function NewDidForm() {
  const form = useForm<DidFormValues, unknown, CreateDidRequest>({ resolver, defaultValues: NEW_DID_VALUES });
  const draft = useFormDraft(form);
  const create = useCreateDid();
  const saved = useFormSaved(draft);

  const onSubmit = form.handleSubmit(async (request) => {
    try {
      const did = await create.mutateAsync(request);
      saved(`DID ${did.pattern} added.`, didPaths.detail(did.didId));
    } catch (error) {
      setServerErrors(form.setError, error);
    }
  });

  return (
    <FormProvider {...form}>
      <form className="did-form" noValidate onSubmit={(event) => void onSubmit(event)} aria-label="New DID">
        <DraftNotice draft={draft} />
        <FormError message={form.formState.errors.root?.server?.message ?? form.formState.errors.root?.message} />
        <DidSettingsFields isNew storedRecordCall={NEW_DID_VALUES.recordCall} />
        <RouteFields before={EMPTY_ROUTING} agentNote={<p>The new DID will ring no agent until one is set in VICIdial's admin screen.</p>} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? 'Adding…' : 'Add DID'}
          </button>
          <Link className="button" to={didPaths.list} onClick={draft.clear}>
            Cancel
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}
