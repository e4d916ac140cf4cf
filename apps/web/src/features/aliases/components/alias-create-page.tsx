import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { Link } from 'react-router';
import { type CreateAliasRequest, createAliasRequestSchema } from '@vicidash/contracts/alias';
import { useLoginCheck } from '../../../components/chip-input/login-check';
import { LoginPicker } from '../../../components/chip-input/login-picker';
import { FormError, TextField } from '../../../components/form-field';
import { PageHeader } from '../../../components/page-header';
import { RequirePermission } from '../../../components/require-permission';
import { DraftNotice, useFormSaved } from '../../../components/unsaved-changes';
import { useFormDraft } from '../../../lib/form-draft';
import { setServerErrors } from '../../../lib/form-errors';
import { useCreateAlias } from '../api/aliases';
import { aliasPaths } from '../paths';
import { formFieldOf, listErrorMessage } from './alias-form-support';
import './alias-form.css';

const toFormField = formFieldOf(['aliasId', 'name', 'logins'] as const);

export function AliasCreatePage() {
  return (
    <>
      <PageHeader title="Add alias" description="A name for a list of phone logins." />
      <RequirePermission permission="create:aliases">
        <AliasCreateForm />
      </RequirePermission>
    </>
  );
}

function AliasCreateForm() {
  const form = useForm<CreateAliasRequest>({
    resolver: zodResolver(createAliasRequestSchema),
    defaultValues: { aliasId: '', name: '', logins: [] },
  });
  const draft = useFormDraft(form);
  const logins = useWatch({ control: form.control, name: 'logins' });
  const check = useLoginCheck(logins);
  const create = useCreateAlias();
  const saved = useFormSaved(draft);
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    if (check.blocker) {
      form.setError('logins', { type: 'lookup', message: check.blocker }, { shouldFocus: true });
      return;
    }
    try {
      const alias = await create.mutateAsync(values);
      saved(`Alias ${alias.aliasId} added.`, aliasPaths.detail(alias.aliasId));
    } catch (error) {
      setServerErrors(form.setError, error, toFormField);
    }
  });

  return (
    <form className="panel alias-form" aria-label="New alias" onSubmit={(event) => void submit(event)} noValidate>
      <DraftNotice draft={draft} />
      <FormError message={errors.root?.server?.message} />
      <TextField label="Alias ID" hint="2 to 20 letters, digits, - or _. It cannot be changed later." required autoComplete="off" error={errors.aliasId?.message} {...form.register('aliasId')} />
      <TextField label="Name" hint="2 to 50 characters." required autoComplete="off" error={errors.name?.message} {...form.register('name')} />
      <Controller
        control={form.control}
        name="logins"
        render={({ field, fieldState }) => (
          <LoginPicker value={field.value} onChange={field.onChange} onBlur={field.onBlur} ref={field.ref} check={check} required error={listErrorMessage(fieldState.error)} />
        )}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? 'Adding…' : 'Add alias'}
        </button>
        <Link className="button" to={aliasPaths.list}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
