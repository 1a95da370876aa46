import { useModel } from '@preact/signals';
import { LEAD_IMPORT_FIELD_LABELS, LEAD_IMPORT_FIELDS } from '../../../shared/import/lead-columns';
import type { LeadImported, LeadImportPreview } from '../../../shared/schemas/lead-import';
import { ImportColumns } from '../../ui/import-columns';
import { ImportFilePicker } from '../../ui/import-file-picker';
import { LeadImportModel } from './lead-import-model';

/** The cells shown for each listed row; a problem on another field is named in the list below. */
const SHOWN = ['firstName', 'lastName', 'email', 'phone', 'source', 'stage'] as const;

const number = (n: number) => n.toLocaleString();

type Row = LeadImportPreview['rows'][number];

function ImportRows({ rows }: { rows: Row[] }) {
  return (
    <>
      <div class="table-wrap">
        <table class="review stack" data-testid="lead-import-rows">
          <thead>
            <tr>
              <th scope="col">Line</th>
              {SHOWN.map((f) => (
                <th scope="col" key={f}>
                  {LEAD_IMPORT_FIELD_LABELS[f]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.index} data-testid="lead-import-row">
                <td data-label="Line">{r.line}</td>
                {SHOWN.map((f) => {
                  const problem = r.errors.find((e) => e.field === f);
                  return (
                    <td
                      key={f}
                      data-label={LEAD_IMPORT_FIELD_LABELS[f]}
                      class={problem ? 'cell-error' : undefined}
                      title={problem?.issue}
                    >
                      {r.values[f] ?? ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul class="plain small" aria-label="Problems" data-testid="lead-import-problems">
        {rows.flatMap((r) => [
          ...r.errors.map((e) => (
            <li key={`e${r.index}${e.field}`} class="field-error">
              Line {r.line},{' '}
              {LEAD_IMPORT_FIELD_LABELS[e.field as keyof typeof LEAD_IMPORT_FIELD_LABELS] ?? e.field}:{' '}
              {e.issue}
            </li>
          )),
          ...r.warnings.map((w) => (
            <li key={`w${r.index}${w.field}`}>
              Line {r.line}: {w.issue}
            </li>
          )),
        ])}
      </ul>
    </>
  );
}

/**
 * Import leads (issue 18): a CSV or Excel list from another system, checked
 * on the server with the roster import's pieces (file chooser, column
 * mapping), its problems shown per cell, then imported all at once.
 */
export function LeadImport(props: { onDone: (result: LeadImported) => void; onCancel: () => void }) {
  const model = useModel(() => new LeadImportModel(props.onDone));
  const preview = model.preview.value;
  const plan = model.plan.value;
  const busy = model.busy.value;
  const summary = preview?.summary;
  const problems = summary ? summary.withErrors + summary.duplicates : 0;
  const listedProblems = preview?.rows.filter((r) => r.errors.length || r.warnings.length).length ?? 0;
  return (
    <section class="area" aria-labelledby="lead-import-title" data-testid="lead-import">
      <h2 id="lead-import-title">Import leads</h2>
      {model.error.value ? (
        <p class="alert error" role="alert" data-testid="lead-import-error">
          {model.error.value}
        </p>
      ) : null}
      <p class="muted small" role="status">
        {model.status.value ?? ''}
        {busy ? <progress aria-label="Working" /> : null}
      </p>
      <ImportFilePicker
        label="Choose a lead list: CSV or Excel (.xlsx) with a header row (name, email, phone, source, stage…); up to 20 MB and 100,000 rows"
        accept=".csv,.txt,.xlsx,text/csv"
        ariaLabel="Choose lead list file"
        disabled={busy}
        onPick={(picked) => model.choose(picked)}
      />
      {preview ? (
        <>
          <ImportColumns
            headers={preview.headers}
            mapping={preview.mapping}
            fields={LEAD_IMPORT_FIELDS}
            labels={LEAD_IMPORT_FIELD_LABELS}
            disabled={busy}
            onChange={(next) => model.remap(next)}
          />
          {summary ? (
            <p class="small" data-testid="lead-import-summary">
              {number(summary.rows)} rows · {number(summary.valid)} ready · {number(summary.withErrors)} with
              errors · {number(summary.duplicates)} likely duplicates
            </p>
          ) : null}
          <ImportRows rows={preview.rows} />
          {problems > listedProblems ? (
            <p class="muted small">
              Only the first rows with problems are listed; fix them in the file and choose it again to see
              the rest.
            </p>
          ) : null}
          {summary?.withErrors ? (
            <label class="inline">
              <input
                type="checkbox"
                checked={model.skipErrors.value}
                onChange={(e) => model.setSkipErrors(e.currentTarget.checked)}
              />{' '}
              Leave out the {number(summary.withErrors)} {summary.withErrors === 1 ? 'row' : 'rows'} with
              errors
            </label>
          ) : null}
          {summary?.duplicates ? (
            <label class="inline">
              <input
                type="checkbox"
                checked={model.skipDuplicates.value}
                onChange={(e) => model.setSkipDuplicates(e.currentTarget.checked)}
              />{' '}
              Leave out the {number(summary.duplicates)} likely{' '}
              {summary.duplicates === 1 ? 'duplicate' : 'duplicates'} (otherwise they are imported to merge)
            </label>
          ) : null}
          {plan?.blockedByErrors ? (
            <p class="small field-error">Fix the rows with errors in the file, or leave them out.</p>
          ) : null}
          <div class="row">
            <button
              type="button"
              class="primary"
              disabled={busy || !plan?.ready}
              onClick={() => model.commit()}
            >
              {busy
                ? 'Working…'
                : `Import ${number(plan?.toImport ?? 0)} ${plan?.toImport === 1 ? 'lead' : 'leads'}`}
            </button>
          </div>
        </>
      ) : null}
      <button
        type="button"
        class="link"
        onClick={() => {
          model.cancel();
          props.onCancel();
        }}
      >
        Cancel import
      </button>
    </section>
  );
}
