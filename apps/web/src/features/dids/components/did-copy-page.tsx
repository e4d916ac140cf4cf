import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import type { CopyDidRequest, CopyDidResponse, DidDetail } from '@vicidash/contracts/did';
import { Field, FormError, TextField } from '../../../components/form-field';
import { PageHeader } from '../../../components/page-header';
import { QueryState } from '../../../components/query-state';
import { RequirePermission } from '../../../components/require-permission';
import { useToast } from '../../../components/toast';
import { DraftNotice } from '../../../components/unsaved-changes';
import { useFormDraft } from '../../../lib/form-draft';
import { setServerErrors } from '../../../lib/form-errors';
import { useCopyDid } from '../api/did-changes';
import { useDidOfPath } from '../api/dids';
import { type CopyFormValues, copyResolver, NEW_COPY, typedPatterns } from '../form/copy-values';
import { didPaths } from '../paths';
import { ResultsSection } from './results-section';
import './did-form.css';

export function DidCopyPage() {
  const { didId, did, missing } = useDidOfPath();
  return (
    <>
      <PageHeader
        title={did.data ? `Copy DID ${did.data.pattern}` : 'Copy DID'}
        description="New numbers with every setting of this DID: its route and target, recording and filters."
        actions={
          !missing && (
            <Link className="button" to={didPaths.detail(didId)}>
              Back to the DID
            </Link>
          )
        }
      />
      <QueryState query={did} missing={missing}>
        {(data) => (
          <RequirePermission permission="copy:dids">
            <CopyDidForm source={data} />
          </RequirePermission>
        )}
      </QueryState>
    </>
  );
}

function CopyDidForm({ source }: { source: DidDetail }) {
  const resolver = useMemo(() => copyResolver(source.pattern), [source.pattern]);
  const form = useForm<CopyFormValues, unknown, CopyDidRequest>({ resolver, defaultValues: NEW_COPY });
  const draft = useFormDraft(form);
  const copy = useCopyDid(source.didId);
  const toast = useToast();
  const [results, setResults] = useState<{ requested: string[]; answer: CopyDidResponse } | null>(null);
  const typed = typedPatterns(form.watch('newPatterns'));

  const onSubmit = form.handleSubmit(async (request) => {
    try {
      const answer = await copy.mutateAsync(request);
      setResults({ requested: request.newPatterns, answer });
      draft.clear();
      // The numbers not added stay in the box, to correct or try again; the results say why.
      const added = new Set(answer.added.map((did) => did.pattern.toLowerCase()));
      form.reset({ ...NEW_COPY, newPatterns: request.newPatterns.filter((pattern) => !added.has(pattern.toLowerCase())).join('\n') });
      toast.success(`${answer.added.length} of ${request.newPatterns.length} new DIDs added.`);
    } catch (error) {
      setServerErrors(form.setError, error, (field) => (field === 'newPatterns' || field === 'description' ? field : undefined));
    }
  });

  const errors = form.formState.errors;
  return (
    <>
      {results && <CopyResults source={source} {...results} />}
      <form className="did-form" noValidate onSubmit={(event) => void onSubmit(event)} aria-label={`Copy DID ${source.pattern}`}>
        <DraftNotice draft={draft} />
        <FormError message={errors.root?.server?.message ?? errors.root?.message} />
        <Field
          label="New numbers"
          hint={`One per line, or separated by commas or spaces. Each gets every setting of ${source.pattern}. ${typed.length} typed.`}
          error={errors.newPatterns?.message}
          required
        >
          {(control) => <textarea rows={5} autoComplete="off" {...control} {...form.register('newPatterns')} />}
        </Field>
        <TextField
          label="Description of the new DIDs"
          hint={`Optional: without it they keep "${source.description ?? ''}". 6 to 50 letters, digits, spaces or . , _ -`}
          autoComplete="off"
          error={errors.description?.message}
          {...form.register('description')}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? 'Copying…' : 'Copy DID'}
          </button>
          <Link className="button" to={didPaths.detail(source.didId)} onClick={draft.clear}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

function CopyResults({ source, requested, answer }: { source: DidDetail; requested: string[]; answer: CopyDidResponse }) {
  const added = new Map(answer.added.map((did) => [did.pattern.toLowerCase(), did.didId]));
  const existing = new Set(answer.alreadyExisting.map((pattern) => pattern.toLowerCase()));
  // One line per number asked for, in the order typed: added (with its new DID), or there already.
  const rows: { pattern: string; didId?: number; status: 'added' | 'existing' | 'unknown' }[] = requested.map((pattern) => {
    const key = pattern.toLowerCase();
    const didId = added.get(key);
    if (didId !== undefined) return { pattern, didId, status: 'added' };
    return { pattern, status: existing.has(key) ? 'existing' : 'unknown' };
  });
  return (
    <ResultsSection
      title={`Copies of ${source.pattern}`}
      summary={`${answer.added.length} of ${requested.length} new numbers added.${
        answer.added.length < requested.length ? ' Those not added are back in the New numbers box, to correct or try again.' : ''
      }`}
    >
      <table className="results-table">
        <caption className="visually-hidden">Result for each new number</caption>
        <thead>
          <tr>
            <th scope="col">New number</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.pattern}>
              <th scope="row">{row.pattern}</th>
              <td>
                {row.status === 'added' ? (
                  <>
                    <span className="result-ok">Added</span> as <Link to={didPaths.detail(row.didId as number)}>DID {row.didId}</Link>
                  </>
                ) : row.status === 'existing' ? (
                  <span className="result-error">Not copied: a DID with this number exists already (left as it was)</span>
                ) : (
                  <span className="result-error">No answer from VICIdial for this number</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ResultsSection>
  );
}
