import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Link, useParams } from 'react-router';
import {
  ALIAS_LOGINS_BUDGET,
  type AliasDetail,
  aliasDetailSchema,
  aliasLoginsLength,
  createAliasRequestSchema,
  type UpdateAliasRequest,
} from '@vicidash/contracts/alias';
import { useLoginCheck } from '../../../components/chip-input/login-check';
import { LoginPicker } from '../../../components/chip-input/login-picker';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { FormError, TextField } from '../../../components/form-field';
import { PageHeader } from '../../../components/page-header';
import { RequirePermission } from '../../../components/require-permission';
import { ErrorState, LoadingState } from '../../../components/states';
import { conflictingRecord, DraftNotice, useFormSaved } from '../../../components/unsaved-changes';
import { isApiError } from '../../../lib/api-client';
import { Can } from '../../../lib/auth';
import { useFormDraft } from '../../../lib/form-draft';
import { setServerErrors } from '../../../lib/form-errors';
import { type AliasEdit, editChanges, editOf, hasEditChanges, hasLoginChanges, reapplyEdit } from '../alias-changes';
import { aliasQueryOptions, useUpdateAlias } from '../api/aliases';
import { aliasPaths } from '../paths';
import { formFieldOf, listErrorMessage } from './alias-form-support';
import { ChangeSummary } from './change-summary';
import { ConflictPanel } from './conflict-panel';
import { DeleteAliasButton } from './delete-alias-button';
import { useEditBase } from './use-edit-base';
import './alias-form.css';
import { counted } from '../../../lib/words';

/** The editable fields, with the contract's rules (the alias ID is the record's key, not edited). */
const aliasEditSchema = createAliasRequestSchema.pick({ name: true, logins: true });
const toFormField = formFieldOf(['name', 'logins'] as const);

export function AliasEditPage() {
  const { aliasId = '' } = useParams();
  return (
    <>
      <PageHeader
        title={`Edit alias ${aliasId}`}
        description="VICIdial replaces the whole list when an alias is saved: you see what is added and removed before saving."
        actions={
          <Link className="button" to={aliasPaths.detail(aliasId)}>
            Back to the alias
          </Link>
        }
      />
      <RequirePermission permission="update:aliases">
        <CurrentAlias aliasId={aliasId} />
      </RequirePermission>
    </>
  );
}

/** The form starts from the alias as it is now, never from an older copy in the cache. */
function CurrentAlias({ aliasId }: { aliasId: string }) {
  const alias = useQuery({ ...aliasQueryOptions(aliasId), refetchOnMount: 'always' });
  if (alias.isError) return <ErrorState error={alias.error} onRetry={() => void alias.refetch()} />;
  if (!alias.isFetchedAfterMount || !alias.data) return <LoadingState label="Loading the current list…" />;
  return <AliasEditForm loaded={alias.data} />;
}

function AliasEditForm({ loaded }: { loaded: AliasDetail }) {
  const [base, setBase] = useEditBase(loaded);
  // A draft made on an older version (before a new login, or an earlier visit) meets the newer one at once.
  const [conflict, setConflict] = useState<AliasDetail | undefined>(() => (base.version === loaded.version ? undefined : loaded));
  const [review, setReview] = useState<AliasEdit | undefined>(undefined);
  const [notice, setNotice] = useState('');
  const form = useForm<AliasEdit>({ resolver: zodResolver(aliasEditSchema), defaultValues: editOf(base) });
  const draft = useFormDraft(form);
  const edited = form.watch();
  const baseEdit = editOf(base);
  const changes = editChanges(baseEdit, edited);
  const changed = hasEditChanges(changes);
  const check = useLoginCheck(edited.logins, base);
  const update = useUpdateAlias(base.aliasId);
  const saved = useFormSaved(draft);
  const { errors } = form.formState;

  // Focus follows what needs attention once the review dialog has closed (it gives focus back first).
  const conflictHeading = useRef<HTMLHeadingElement>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (conflict && !review) conflictHeading.current?.focus();
  }, [conflict, review]);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const submit = form.handleSubmit((values) => {
    if (check.blocker) {
      form.setError('logins', { type: 'lookup', message: check.blocker }, { shouldFocus: true });
      return;
    }
    setReview(values);
  });

  const save = async (values: AliasEdit) => {
    const saving = editChanges(baseEdit, values);
    const body: UpdateAliasRequest = {
      ...(saving.name ? { name: values.name } : {}),
      ...(hasLoginChanges(saving.logins) ? { logins: values.logins } : {}),
    };
    try {
      const alias = await update.mutateAsync({ body, version: base.version });
      saved(`Alias ${alias.aliasId} saved.`, aliasPaths.detail(alias.aliasId));
    } catch (error) {
      const current = conflictingRecord(error, aliasDetailSchema);
      if (current) {
        setNotice('');
        setConflict(current);
        return;
      }
      if (isApiError(error) && error.fieldIssues.length > 0) {
        setServerErrors(form.setError, error, toFormField);
        return;
      }
      // Anything else stays in the dialog, which offers to try again.
      throw error;
    }
  };

  /** Continues from `newer`: changes are now measured against it and saved over its version. */
  const continueFrom = (newer: AliasDetail, values: AliasEdit, message: string) => {
    setBase(newer);
    setConflict(undefined);
    form.reset(editOf(newer));
    form.setValue('name', values.name, { shouldDirty: true });
    form.setValue('logins', values.logins, { shouldDirty: true });
    setNotice(message);
  };
  const reapply = (newer: AliasDetail) =>
    continueFrom(newer, reapplyEdit(baseEdit, form.getValues(), editOf(newer)), 'Your changes were applied to the newer list. Review them and save.');
  const takeNewer = (newer: AliasDetail) => continueFrom(newer, editOf(newer), 'The form now shows the newer list, without your changes.');
  const discardDraft = () => {
    draft.clear();
    takeNewer(conflict ?? base);
    setNotice('');
  };

  return (
    <>
      {conflict && (
        <ConflictPanel
          loaded={baseEdit}
          edited={edited}
          newer={conflict}
          onReapply={() => reapply(conflict)}
          onDiscardMine={() => takeNewer(conflict)}
          headingRef={conflictHeading}
        />
      )}
      <form className="panel alias-form" aria-label={`Alias ${base.aliasId}`} onSubmit={(event) => void submit(event)} noValidate>
        <DraftNotice draft={draft} onDiscard={discardDraft} />
        {notice && (
          <p ref={noticeRef} className="form-notice" role="status" tabIndex={-1}>
            {notice}
          </p>
        )}
        <FormError message={errors.root?.server?.message} />
        <TextField label="Name" hint="2 to 50 characters." required autoComplete="off" error={errors.name?.message} {...form.register('name')} />
        <Controller
          control={form.control}
          name="logins"
          render={({ field, fieldState }) => (
            <LoginPicker value={field.value} onChange={field.onChange} onBlur={field.onBlur} ref={field.ref} check={check} required error={listErrorMessage(fieldState.error)} />
          )}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={!changed || conflict !== undefined}>
            Review and save
          </button>
          <p className="form-actions-note">
            {conflict ? 'Resolve the change above first.'
            : changed ? `${changes.logins.added.length} to add, ${changes.logins.removed.length} to remove${changes.name ? ', new name' : ''}.`
            : 'Nothing changed yet.'}
          </p>
          <Can permission="delete:aliases">
            <DeleteAliasButton alias={base} onDeleted={draft.clear} />
          </Can>
        </div>
      </form>
      {review && (
        <ConfirmDialog
          title={`Save alias ${base.aliasId}?`}
          confirmLabel="Save alias"
          destructive={false}
          onConfirm={() => save(review)}
          onClose={() => setReview(undefined)}
        >
          <p>VICIdial replaces the whole list. Saving changes this:</p>
          <ChangeSummary changes={editChanges(baseEdit, review)} addedTitle="Logins to add" removedTitle="Logins to remove" />
          <p>
            The list will hold {counted(review.logins.length, 'login')} ({aliasLoginsLength(review.logins)} of {ALIAS_LOGINS_BUDGET} characters).
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
