import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState } from '../../../components/states';
import { failedRows, importErrorsUrl, importStatusQueryOptions } from '../api/imports';
import { resourceLabels } from './labels';
import './imports.css';

const STATE_TEXT = { running: 'Applying…', done: 'Done.', interrupted: 'Stopped: the server applying it stopped. Preview the file again to apply the rest.' };

/** An apply's progress, live, and a result per row; the failed rows as a file to fix and import again. */
export function ImportProgressPage() {
  const { importId = '' } = useParams();
  const status = useQuery(importStatusQueryOptions(importId));
  const progressId = useId();
  const data = status.data;
  const failed = data ? failedRows(data) : 0;
  return (
    <>
      <PageHeader
        title={data ? `Import of ${resourceLabels[data.resource].plural}` : 'Import'}
        actions={
          data && (
            <Link className="button" to={resourceLabels[data.resource].list}>
              Back to the list
            </Link>
          )
        }
      />
      {status.isPending && <LoadingState />}
      {status.isError && <ErrorState error={status.error} onRetry={() => void status.refetch()} />}
      {data && (
        <>
          <section className="panel" aria-label="Progress">
            <label htmlFor={progressId}>
              {data.done.toLocaleString('en-US')} of {data.total.toLocaleString('en-US')} rows done
            </label>
            <progress id={progressId} className="import-progress" max={Math.max(data.total, 1)} value={data.done} />
            <p role="status">
              {STATE_TEXT[data.state]} {data.state !== 'running' && `${data.done - failed} applied, ${failed} failed.`}
            </p>
            {failed > 0 && data.state !== 'running' && (
              <a className="button" href={importErrorsUrl(data.importId)} download>
                Download the failed rows (CSV)
              </a>
            )}
          </section>
          {data.results.length > 0 && (
            <section className="panel" aria-label="Result for each row">
              <table className="import-table">
                <caption className="visually-hidden">Result for each row</caption>
                <thead>
                  <tr>
                    <th scope="col">Line</th>
                    <th scope="col">Record</th>
                    <th scope="col">Result</th>
                  </tr>
                </thead>
                <tbody>
                  {data.results.map((result) => (
                    <tr key={result.line}>
                      <td>{result.line}</td>
                      <td>{result.key}</td>
                      <td>
                        {result.ok ? (
                          <span className="result-ok">{result.action === 'add' ? 'Added' : 'Changed'}</span>
                        ) : (
                          <span className="result-error">Not applied: {result.error?.message}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        </>
      )}
    </>
  );
}
