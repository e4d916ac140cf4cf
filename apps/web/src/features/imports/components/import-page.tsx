import { type DragEvent, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ImportAction, ImportPreview, ImportPreviewRow, ImportResource } from '@vicidash/contracts/imports';
import { PageHeader } from '../../../components/page-header';
import { RequirePermission } from '../../../components/require-permission';
import { ErrorState, LoadingState } from '../../../components/states';
import { useApplyImport, usePreviewImport } from '../api/imports';
import { importPaths } from '../paths';
import { resourceLabels } from './labels';
import './imports.css';

/** Rows shown per section: a whole carrier block fits, a 50,000-row file stays responsive. */
const ROWS_SHOWN = 500;

const SECTIONS: { action: ImportAction; title: string }[] = [
  { action: 'add', title: 'To add' },
  { action: 'change', title: 'To change' },
  { action: 'invalid', title: 'Invalid' },
  { action: 'unchanged', title: 'Unchanged' },
];

const canApply = (row: ImportPreviewRow) => row.action === 'add' || row.action === 'change';

/** What a row does, in words: each field old → new, the logins added and removed, or every reason it is invalid. */
function RowDetails({ row }: { row: ImportPreviewRow }) {
  if (row.errors.length > 0) {
    return (
      <ul className="import-reasons">
        {row.errors.map((error) => (
          <li key={error}>{error}</li>
        ))}
      </ul>
    );
  }
  if (row.changes.length === 0) return <span className="none">no change</span>;
  return (
    <ul className="import-changes">
      {row.changes.map((change) => (
        <li key={change.field}>
          <strong>{change.field}</strong>:{' '}
          {change.added || change.removed
            ? [change.added?.length ? `adds ${change.added.join(', ')}` : '', change.removed?.length ? `removes ${change.removed.join(', ')}` : ''].filter(Boolean).join('; ')
            : `${change.from || '(empty)'} → ${change.to || '(empty)'}`}
        </li>
      ))}
    </ul>
  );
}

function Section({ title, rows, ticked, onTick }: { title: string; rows: ImportPreviewRow[]; ticked: ReadonlySet<number>; onTick: (line: number, on: boolean) => void }) {
  const id = useId();
  if (rows.length === 0) return null;
  const tickable = canApply(rows[0] as ImportPreviewRow);
  return (
    <section className="panel import-section" aria-labelledby={id}>
      <h2 id={id}>
        {title} ({rows.length.toLocaleString('en-US')})
      </h2>
      <table className="import-table">
        <caption className="visually-hidden">{title}: one row per line of the file</caption>
        <thead>
          <tr>
            {tickable && <th scope="col">Apply</th>}
            <th scope="col">Line</th>
            <th scope="col">Record</th>
            <th scope="col">{tickable ? 'What it does' : 'Why'}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, ROWS_SHOWN).map((row) => (
            <tr key={row.line}>
              {tickable && (
                <td>
                  <input type="checkbox" aria-label={`Apply line ${row.line} (${row.key})`} checked={ticked.has(row.line)} onChange={(event) => onTick(row.line, event.target.checked)} />
                </td>
              )}
              <td>{row.line}</td>
              <td>{row.key}</td>
              <td>
                <RowDetails row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > ROWS_SHOWN && <p className="field-hint">And {(rows.length - ROWS_SHOWN).toLocaleString('en-US')} more rows like these.</p>}
    </section>
  );
}

function PreviewResult({ preview, ticked, onTick }: { preview: ImportPreview; ticked: ReadonlySet<number>; onTick: (line: number, on: boolean) => void }) {
  const { summary, file } = preview;
  return (
    <>
      <section className="panel" aria-label="The file">
        <p role="status">
          {summary.add} to add, {summary.change} to change, {summary.unchanged} unchanged, {summary.invalid} invalid.
        </p>
        {file.notes.length > 0 && (
          <ul className="import-notes">
            {file.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
      </section>
      {SECTIONS.map(({ action, title }) => (
        <Section key={action} title={title} rows={preview.rows.filter((row) => row.action === action)} ticked={ticked} onTick={onTick} />
      ))}
    </>
  );
}

/** Upload or drop a CSV file, see what each row would do, tick the rows to apply, apply them. */
export function ImportPage({ resource }: { resource: ImportResource }) {
  const labels = resourceLabels[resource];
  const navigate = useNavigate();
  const preview = usePreviewImport(resource);
  const apply = useApplyImport(resource);
  const [file, setFile] = useState<{ name: string; csv: string }>();
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const [dragging, setDragging] = useState(false);
  const inputId = useId();

  const read = async (chosen: File | undefined) => {
    if (!chosen) return;
    const csv = await chosen.text();
    setFile({ name: chosen.name, csv });
    apply.reset();
    const result = await preview.mutateAsync(csv).catch(() => undefined);
    setTicked(new Set(result?.rows.filter(canApply).map((row) => row.line)));
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void read(event.dataTransfer.files[0]);
  };
  const onTick = (line: number, on: boolean) =>
    setTicked((current) => {
      const next = new Set(current);
      if (on) next.add(line);
      else next.delete(line);
      return next;
    });
  const onApply = async () => {
    if (!file || !preview.data) return;
    const applicable = preview.data.rows.filter(canApply).map((row) => row.line);
    const { importId } = await apply.mutateAsync({
      csv: file.csv,
      previewId: preview.data.previewId,
      ticked: applicable.filter((line) => ticked.has(line)),
      unticked: applicable.filter((line) => !ticked.has(line)),
    });
    void navigate(importPaths.progress(importId));
  };

  return (
    <>
      <PageHeader
        title={`Import ${labels.plural}`}
        description="Add and change records from a CSV file (export the list to get one). Nothing is written until you apply."
        actions={
          <Link className="button" to={labels.list}>
            Back to the list
          </Link>
        }
      />
      <RequirePermission permission={`import:${resource}`}>
        <div
          className={`panel import-drop${dragging ? ' import-drop--over' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <div className="field">
            <label htmlFor={inputId}>CSV file</label>
            <input id={inputId} type="file" accept=".csv,text/csv" onChange={(event) => void read(event.target.files?.[0])} />
            <span className="field-hint">Choose a file, or drop it here.{file ? ` Read: ${file.name}.` : ''}</span>
          </div>
        </div>
        {preview.isPending && <LoadingState label="Reading the file…" />}
        {preview.isError && <ErrorState error={preview.error} />}
        {preview.data && (
          <>
            <PreviewResult preview={preview.data} ticked={ticked} onTick={onTick} />
            {apply.isError && <ErrorState error={apply.error} />}
            <div className="form-actions">
              <button type="button" className="button button--primary" disabled={ticked.size === 0 || apply.isPending} onClick={() => void onApply()}>
                Apply {ticked.size.toLocaleString('en-US')} {ticked.size === 1 ? 'row' : 'rows'}
              </button>
            </div>
          </>
        )}
      </RequirePermission>
    </>
  );
}
