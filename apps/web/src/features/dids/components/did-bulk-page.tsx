import { useMemo, useState } from 'react';
import { FormProvider, type Path, useForm } from 'react-hook-form';
import { Link, useLocation, useSearchParams } from 'react-router';
import {
  type BulkUpdateDidsRequest,
  type BulkUpdateDidsResponse,
  bulkUpdateDidsRequestSchema,
  RECORD_CALL_MODES,
  RECORDING_LABELS,
} from '@vicidash/contracts/did';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { FormError, SelectField } from '../../../components/form-field';
import { PageHeader } from '../../../components/page-header';
import { RequirePermission } from '../../../components/require-permission';
import { EmptyState } from '../../../components/states';
import { useToast } from '../../../components/toast';
import { DraftNotice } from '../../../components/unsaved-changes';
import { useFormDraft } from '../../../lib/form-draft';
import { setServerErrors } from '../../../lib/form-errors';
import { counted } from '../../../lib/words';
import { useBulkUpdateDids } from '../api/did-changes';
import { type BulkFormValues, bulkChangeList, bulkRequest, KEEP_ALL } from '../form/bulk-values';
import { requestResolver } from '../form/payload-resolver';
import { EMPTY_ROUTING } from '../form/routing-values';
import { didPaths } from '../paths';
import { ResultsSection } from './results-section';
import { RouteFields } from './route-fields';

const didCount = (count: number) => counted(count, 'DID');

/** The DIDs chosen in the list, by pattern, from the address (so a reload or a new login keeps them). */
function useChosenPatterns(): string[] {
  const [params] = useSearchParams();
  const text = params.get('dids') ?? '';
  return useMemo(() => [...new Set(text.split(',').filter(Boolean))], [text]);
}

export function DidBulkPage() {
  const patterns = useChosenPatterns();
  return (
    <>
      <PageHeader
        title="Change several DIDs"
        description={`One change applied to each of the ${didCount(patterns.length)} chosen in the list.`}
        actions={
          <Link className="button" to={didPaths.list}>
            All DIDs
          </Link>
        }
      />
      <RequirePermission permission="update:dids">
        {patterns.length === 0 ? (
          <EmptyState
            action={
              <Link className="button" to={didPaths.list}>
                Choose DIDs in the list
              </Link>
            }
          >
            No DIDs are chosen.
          </EmptyState>
        ) : (
          <BulkForm patterns={patterns} />
        )}
      </RequirePermission>
    </>
  );
}

function BulkForm({ patterns }: { patterns: string[] }) {
  const { pathname, search } = useLocation();
  const resolver = useMemo(() => requestResolver(bulkUpdateDidsRequestSchema, (values: BulkFormValues) => bulkRequest(patterns, values)), [patterns]);
  const form = useForm<BulkFormValues, unknown, BulkUpdateDidsRequest>({ resolver, defaultValues: KEEP_ALL });
  // One draft per choice of DIDs.
  const draft = useFormDraft(form, pathname + search);
  const bulk = useBulkUpdateDids();
  const toast = useToast();
  const [results, setResults] = useState<BulkUpdateDidsResponse['results'] | null>(null);
  // Checked, then confirmed with the change in words, then sent.
  const [review, setReview] = useState<{ request: BulkUpdateDidsRequest; changes: string[] } | null>(null);
  const onSubmit = form.handleSubmit((request) => setReview({ request, changes: bulkChangeList(form.getValues()) }));

  const apply = async (request: BulkUpdateDidsRequest) => {
    try {
      const answer = await bulk.mutateAsync(request);
      draft.clear();
      // Done: the form starts over, so a second click cannot apply the same change again.
      form.reset(KEEP_ALL);
      setResults(answer.results);
      const failed = answer.results.filter((result) => !result.ok).length;
      if (failed === 0) toast.success(`${didCount(answer.results.length)} changed.`);
      else toast.error(`${failed} of ${didCount(answer.results.length)} could not be changed: see the results.`);
    } catch (error) {
      setServerErrors(form.setError, error, (field) => (field.startsWith('routing.') ? (field as Path<BulkFormValues>) : undefined));
    }
  };

  const errors = form.formState.errors;
  return (
    <>
      {results && <BulkResults results={results} />}
      <FormProvider {...form}>
        <form className="did-form" noValidate onSubmit={(event) => void onSubmit(event)} aria-label="Change the chosen DIDs">
          <DraftNotice draft={draft} />
          <FormError message={errors.root?.server?.message ?? errors.root?.message} />
          <details className="chosen-dids">
            <summary>The {didCount(patterns.length)} chosen</summary>
            <p>{patterns.join(', ')}</p>
          </details>
          <RouteFields
            before={EMPTY_ROUTING}
            keepLabel="Keep each DID's route"
            agentNote={<p>Each DID keeps the agent it has; DIDs without one ring nobody until one is set in VICIdial's admin screen.</p>}
          />
          <fieldset>
            <legend>Other settings</legend>
            <SelectField label="Active" error={errors.active?.message} {...form.register('active')}>
              <option value="">Keep as it is on each DID</option>
              <option value="yes">Active (VICIdial routes their calls)</option>
              <option value="no">Inactive</option>
            </SelectField>
            <SelectField label="Recording" error={errors.recordCall?.message} {...form.register('recordCall')}>
              <option value="">Keep as it is on each DID</option>
              {RECORD_CALL_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {RECORDING_LABELS[mode] ?? mode}
                </option>
              ))}
            </SelectField>
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? `Changing ${didCount(patterns.length)}…` : `Apply to ${didCount(patterns.length)}`}
            </button>
            <Link className="button" to={didPaths.list} onClick={draft.clear}>
              Back to the list
            </Link>
          </div>
        </form>
      </FormProvider>
      {review && (
        <ConfirmDialog
          title={`Apply this change to ${didCount(patterns.length)}?`}
          confirmLabel={`Apply to ${didCount(patterns.length)}`}
          destructive={false}
          onConfirm={() => apply(review.request)}
          onClose={() => setReview(null)}
        >
          <p>Each chosen DID gets:</p>
          <ul>
            {review.changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
          <p>Everything else stays as it is on each DID.</p>
        </ConfirmDialog>
      )}
    </>
  );
}

function BulkResults({ results }: { results: BulkUpdateDidsResponse['results'] }) {
  const failed = results.filter((result) => !result.ok);
  return (
    <ResultsSection
      title="Results"
      summary={`${results.length - failed.length} of ${didCount(results.length)} changed${failed.length ? `, ${failed.length} not changed` : ''}.`}
    >
      <table className="results-table">
        <caption className="visually-hidden">Result for each DID</caption>
        <thead>
          <tr>
            <th scope="col">DID</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {results.map((result) => (
            <tr key={String(result.did)}>
              <th scope="row">{result.did}</th>
              <td>
                {result.ok ? <span className="result-ok">Changed</span> : <span className="result-error">Not changed: {result.error.message}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {failed.length > 0 && (
        <p>
          <Link to={didPaths.bulk(failed.map((result) => String(result.did)))}>Try again with the {didCount(failed.length)} not changed</Link>
        </p>
      )}
    </ResultsSection>
  );
}
