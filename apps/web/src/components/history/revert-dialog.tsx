import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { mayRevert, type RevertCandidate, type RevertItem, type RevertResponse } from '@vicidash/contracts/revert';
import { useSession } from '../../lib/auth';
import { Value } from '../details';
import { Dialog } from '../dialog';
import { TextField } from '../form-field';
import { ErrorState, LoadingState, errorMessage } from '../states';
import { useToast } from '../toast';
import { valueText } from './format';
import { revertPreviewOptions, useRevert } from './revert-query';
import './revert-dialog.css';

const TYPE_LABELS: Record<string, string> = { phone: 'Phone', alias: 'Alias', did: 'DID' };

/** What the revert does to the record, from the write it makes. */
const REVERT_WORDS: Record<string, string> = {
  update: 'changed back',
  delete: 'deleted (this change added it)',
  create: 'added back (this change deleted it)',
};

type Result = RevertResponse['results'][number];

/** A deleted phone's new SIP passwords, asked for when it is added back. */
const SECRET_FIELDS = [
  ['password', 'New password'],
  ['registrationPassword', 'New registration password'],
] as const;

/**
 * "Revert" on an audit entry (a record's history, the audit page), for the people who may revert
 * it (the BFF's own rule, from the contracts): opens the preview, then applies it.
 */
export function RevertAction({ entry }: { entry: RevertCandidate & { id: number } }) {
  const user = useSession().data?.user;
  const [open, setOpen] = useState(false);
  if (!user || !mayRevert(user, entry)) return null;
  return (
    <div className="revert-action">
      <button type="button" className="button" aria-label="Revert this change" onClick={() => setOpen(true)}>
        Revert
      </button>
      {open && <RevertDialog entryId={entry.id} onClose={() => setOpen(false)} />}
    </div>
  );
}

/** A revert's own audit entry says what it reverts. */
export function RevertOf({ entryId }: { entryId: number | undefined }) {
  return entryId === undefined ? null : <p className="history-summary">A revert of an earlier change (audit entry {entryId}).</p>;
}

function RevertDialog({ entryId, onClose }: { entryId: number; onClose: () => void }) {
  const preview = useQuery(revertPreviewOptions(entryId));
  const revert = useRevert(entryId);
  const toast = useToast();
  const formId = useId();
  const [secrets, setSecrets] = useState({ password: '', registrationPassword: '' });
  const [failure, setFailure] = useState<unknown>(undefined);
  const [results, setResults] = useState<Result[] | undefined>(undefined);
  const items = preview.data?.items ?? [];
  const revertable = items.filter((item) => !item.blocked);
  const needsSecrets = revertable.some((item) => item.needsSecrets);
  const canConfirm = revertable.length > 0 && results === undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (revert.isPending || !canConfirm) return;
    setFailure(undefined);
    try {
      // Left empty, the BFF says the new passwords are required (it never sends a phone without them).
      const given = needsSecrets && (secrets.password !== '' || secrets.registrationPassword !== '');
      const response = await revert.mutateAsync(given ? { secrets } : {});
      if (response.results.length === 1) {
        toast.success('The change was reverted.');
        onClose();
      } else {
        setResults(response.results);
      }
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Dialog
      title={results ? 'Revert: a result per record' : 'Revert this change'}
      onClose={() => !revert.isPending && onClose()}
      actions={
        <>
          <button type="button" className="button" onClick={() => !revert.isPending && onClose()} aria-disabled={revert.isPending || undefined}>
            {canConfirm ? 'Cancel' : 'Close'}
          </button>
          {canConfirm && (
            <button type="submit" form={formId} className="button button--primary" aria-disabled={revert.isPending || undefined}>
              {revert.isPending ? 'Reverting…' : revertable.length > 1 ? `Revert ${revertable.length} records` : 'Revert'}
            </button>
          )}
        </>
      }
    >
      {preview.isPending ? (
        <LoadingState label="Checking what the revert would do…" />
      ) : preview.isError ? (
        <ErrorState error={preview.error} />
      ) : (
        <form id={formId} onSubmit={(event) => void submit(event)} noValidate>
          <p>
            {items.length > 1
              ? `This change was made to ${items.length} records at once: each is put back over what it holds now, with a result per record.`
              : 'The record is put back as it was before this change, if it still holds what the change left.'}
          </p>
          <ul className="revert-items" aria-label="Records to put back">
            {items.map((item, index) => (
              <RevertItemView key={`${item.entryId}-${item.target.id}`} item={item} result={results?.[index]} />
            ))}
          </ul>
          {needsSecrets &&
            !results &&
            SECRET_FIELDS.map(([field, label]) => (
              <TextField
                key={field}
                label={label}
                type="password"
                autoComplete="new-password"
                required
                value={secrets[field]}
                onChange={(event) => setSecrets({ ...secrets, [field]: event.target.value })}
              />
            ))}
          <p className="form-error" role="alert">
            {failure === undefined ? '' : errorMessage(failure)}
          </p>
        </form>
      )}
    </Dialog>
  );
}

function RevertItemView({ item, result }: { item: RevertItem; result: Result | undefined }) {
  const verb = REVERT_WORDS[item.action.split(':')[0] ?? ''] ?? item.action;
  return (
    <li className="revert-item">
      <p className="revert-item-head">
        {TYPE_LABELS[item.target.type] ?? item.target.type} {item.target.id}: {verb}
      </p>
      {item.changes.length > 0 && (
        <ul className="field-changes" aria-label="Field: now → back to">
          {item.changes.map((change) => (
            <li key={change.field}>
              <span className="field-changes-label">{change.label}:</span> <Value value={valueText(change.now)} /> <span aria-hidden="true">→</span>
              <span className="visually-hidden"> back to</span> <Value value={valueText(change.backTo)} />
            </li>
          ))}
        </ul>
      )}
      {item.notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
      {item.blocked && <p className="revert-blocked">Cannot be reverted: {item.blocked.message}</p>}
      {result && (result.ok ? <p className="revert-done">Reverted.</p> : <p className="revert-failed">Not reverted: {result.error.message}</p>)}
    </li>
  );
}
