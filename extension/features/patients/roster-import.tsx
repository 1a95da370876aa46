import { useMemo, useState } from 'preact/hooks';
import { ROSTER_FIELDS, type RosterField } from '../../../shared/roster/columns';
import type { RosterCommit } from '../../../shared/schemas/patients';
import { api, call } from '../../api/client';
import { ImportColumns } from '../../ui/import-columns';
import { ImportFilePicker } from '../../ui/import-file-picker';
import { MessageError, sendMessage } from '../../utils/send-message';
import { checkingProgressText, uploadFile } from '../../utils/upload-file';
import {
  CARRIED,
  COLUMNS,
  FIELD_LABELS,
  type Preview,
  type ReviewRow,
  skipDuplicates,
  skippable,
  skipRowsWithErrors,
  toReview,
} from './roster-review-rows';

/**
 * Roster import (spec 000, step 3 option B): the facility is chosen first; a
 * CSV or XLSX is read on the server, the columns can be re-mapped, every row
 * is reviewed and fixable, and nothing is saved until the person confirms.
 */
export function RosterImport(props: {
  facilityId: string;
  facilityName: string;
  onDone: (imported: number) => void;
  onCancel: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [rows, setRows] = useState<ReviewRow[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** A caution about what was read (a hard-to-read photo), shown above the review. */
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Cells read from a photo with low confidence: "row:field". */
  const [unsure, setUnsure] = useState<Set<string>>(new Set());
  // One key for this import: a retried commit never imports twice.
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await work();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
      setStatus(null);
    }
  }

  const readPhoto = (picked: File) =>
    run(async () => {
      const { readRosterImage } = await import('../../utils/ocr');
      const read = await readRosterImage(picked, setStatus);
      // Never a guessed row: when the table was not read, say so and suggest a better photo.
      if (read.rows.length === 0)
        throw new Error(
          read.warning ?? 'No roster rows were found in the photo. Try a sharper, straighter picture.',
        );
      setNotice(read.warning ?? null);
      setStatus('Checking rows…');
      const json = { facilityId: props.facilityId, source: 'ocr' as const, rows: read.rows };
      const result = await call(api.patients.import.preview.$post({ json }));
      setPreview(result);
      setRows(toReview(result));
      setUnsure(new Set(read.unsure.map((u) => `${u.row}:${u.field === 'fullName' ? 'lastName' : u.field}`)));
    });

  /** A census on screen goes through the same preview as a file: its largest table, as CSV. */
  async function readPageTable() {
    setError(null);
    try {
      const { csv } = await sendMessage('readPageTable', undefined);
      const picked = new File([csv], 'table-on-this-page.csv', { type: 'text/csv' });
      setFile(picked);
      setUnsure(new Set());
      readFile(picked);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const readFile = (picked: File, mapping?: (RosterField | null)[]) =>
    run(async () => {
      const result = (await uploadFile(
        '/api/v1/patients/import/preview',
        picked,
        { facilityId: props.facilityId, ...(mapping ? { mapping: JSON.stringify(mapping) } : {}) },
        (p) => setStatus(checkingProgressText(p)),
      )) as Preview;
      setPreview(result);
      setRows(toReview(result));
    });

  /** Sends the edited rows back for checking (the same rules the commit applies). */
  const recheck = () =>
    run(async () => {
      const json = { facilityId: props.facilityId, source: 'json' as const, rows: rows.map((r) => r.values) };
      const result = await call(api.patients.import.preview.$post({ json }));
      setRows(
        result.rows.map((r, i) => ({
          ...r,
          include: rows[i]!.include,
          confirmDuplicate: rows[i]!.confirmDuplicate,
        })),
      );
    });

  const commit = () =>
    run(async () => {
      const chosen = rows.filter((r) => r.include);
      const payload = chosen.map((r) => ({
        firstName: r.values.firstName ?? '',
        lastName: r.values.lastName ?? '',
        dateOfBirth: r.values.dateOfBirth ?? '',
        ...Object.fromEntries(CARRIED.filter((f) => r.values[f]).map((f) => [f, r.values[f]])),
        ...(r.confirmDuplicate ? { confirmDuplicate: true } : {}),
      }));
      try {
        const json: RosterCommit = {
          facilityId: props.facilityId,
          source: preview?.source === 'xlsx' ? 'xlsx' : preview?.source === 'ocr' ? 'ocr' : 'csv',
          fileName: file?.name,
          rows: payload,
        };
        const result = await call(
          api.patients.import.commit.$post({ json }, { headers: { 'Idempotency-Key': idempotencyKey } }),
        );
        props.onDone(result.imported);
      } catch (e) {
        if (e instanceof MessageError && e.failure.details?.length) {
          throw new Error(
            `${e.failure.message}. Rows: ${[...new Set(e.failure.details.map((d) => Number(d.path.split('.')[1]) + 1))].join(', ')}`,
          );
        }
        throw e;
      }
    });

  const included = rows.filter((r) => r.include);
  const blocking = included.filter(
    (r) => r.errors.length > 0 || (r.warnings.length > 0 && !r.confirmDuplicate),
  );

  const canSkip = skippable(rows);

  const edit = (i: number, field: string, value: string) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, values: { ...r.values, [field]: value } } : r)));

  return (
    <section class="area" aria-labelledby="import-title" data-testid="roster-import">
      <h2 id="import-title">Import a roster into {props.facilityName}</h2>
      {error ? (
        <p class="alert error" role="alert" data-testid="import-error">
          {error}
        </p>
      ) : null}
      {status ? (
        <p class="muted small" role="status">
          {status}
        </p>
      ) : null}
      {notice ? (
        <p class="alert" role="status" data-testid="import-notice">
          {notice}
        </p>
      ) : null}
      {preview?.skipped?.length ? (
        <details data-testid="import-skipped">
          <summary>
            {preview.skipped.length} {preview.skipped.length === 1 ? 'line is' : 'lines are'} not residents
            and left out
          </summary>
          <ul class="plain small">
            {preview.skipped.map((l) => (
              <li key={l.line}>
                Row {l.line}: {l.text || '(blank)'}: {l.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <ImportFilePicker
        label="Choose a roster: CSV, Excel (.xlsx) or a photo of a printed list (PNG, JPEG); up to 10 MB and 5,000 rows"
        accept=".csv,.txt,.xlsx,text/csv,image/png,image/jpeg"
        ariaLabel="Choose roster file"
        onPick={(picked) => {
          setFile(picked);
          setUnsure(new Set());
          if (picked.type.startsWith('image/')) readPhoto(picked);
          else readFile(picked);
        }}
      />
      <button type="button" class="secondary" disabled={busy} onClick={readPageTable}>
        Import the table on this page
      </button>

      {preview?.mapping && preview.headers ? (
        <ImportColumns
          headers={preview.headers}
          mapping={preview.mapping}
          fields={ROSTER_FIELDS}
          labels={FIELD_LABELS}
          onChange={(next) => {
            if (file) readFile(file, next);
          }}
        />
      ) : null}

      {rows.length ? (
        <>
          <p class="small" data-testid="import-summary">
            {rows.length} rows · {included.length} to import · {blocking.length} need attention
          </p>
          <div class="table-wrap">
            <table class="review stack" data-testid="import-review">
              <thead>
                <tr>
                  <th scope="col">Import</th>
                  {COLUMNS.map((c) => (
                    <th scope="col" key={c}>
                      {FIELD_LABELS[c]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={r.index} class={r.include ? undefined : 'excluded'} data-testid="review-row">
                    <td data-label={`Import row ${i + 1}`}>
                      <input
                        type="checkbox"
                        aria-label={`Import row ${i + 1}`}
                        checked={r.include}
                        onChange={(e) =>
                          setRows(
                            rows.map((x, j) => (j === i ? { ...x, include: e.currentTarget.checked } : x)),
                          )
                        }
                      />
                    </td>
                    {COLUMNS.map((c) => {
                      const problem = r.errors.find((e) => e.field === c);
                      const doubtful =
                        unsure.has(`${i}:${c}`) || (c === 'firstName' && unsure.has(`${i}:lastName`));
                      return (
                        <td
                          key={c}
                          data-label={FIELD_LABELS[c]}
                          class={problem ? 'cell-error' : doubtful ? 'cell-unsure' : undefined}
                        >
                          <input
                            aria-label={`${FIELD_LABELS[c]}, row ${i + 1}`}
                            aria-invalid={problem ? 'true' : undefined}
                            title={
                              problem?.issue ??
                              (doubtful ? 'The photo was hard to read here; check this cell' : undefined)
                            }
                            value={r.values[c] ?? ''}
                            onInput={(e) => edit(i, c, e.currentTarget.value)}
                            onBlur={() => {
                              if (problem) recheck();
                            }}
                          />
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ul class="plain small" aria-label="Problems">
            {rows.flatMap((r, i) =>
              r.include
                ? [
                    ...r.errors.map((e) => (
                      <li key={`e${i}${e.field}`} class="field-error">
                        Row {i + 1}: {e.issue}
                      </li>
                    )),
                    ...r.warnings.map((w) => (
                      <li key={`w${i}${w.issue}`}>
                        Row {i + 1}: {w.issue}{' '}
                        <label class="inline">
                          <input
                            type="checkbox"
                            checked={r.confirmDuplicate}
                            onChange={(e) =>
                              setRows(
                                rows.map((x, j) =>
                                  j === i ? { ...x, confirmDuplicate: e.currentTarget.checked } : x,
                                ),
                              )
                            }
                          />{' '}
                          import anyway
                        </label>
                      </li>
                    )),
                  ]
                : [],
            )}
          </ul>
          {canSkip.withErrors || canSkip.duplicates ? (
            <div class="row">
              {canSkip.withErrors ? (
                <button type="button" class="secondary" onClick={() => setRows(skipRowsWithErrors(rows))}>
                  Skip {canSkip.withErrors} {canSkip.withErrors === 1 ? 'row' : 'rows'} with errors
                </button>
              ) : null}
              {canSkip.duplicates ? (
                <button type="button" class="secondary" onClick={() => setRows(skipDuplicates(rows))}>
                  Skip {canSkip.duplicates} possible {canSkip.duplicates === 1 ? 'duplicate' : 'duplicates'}
                </button>
              ) : null}
            </div>
          ) : null}
          <div class="row">
            <button type="button" class="secondary" onClick={recheck} disabled={busy}>
              Check again
            </button>
            <button
              type="button"
              class="primary"
              onClick={commit}
              disabled={busy || included.length === 0 || blocking.length > 0}
            >
              {busy ? 'Working…' : `Import ${included.length} patient${included.length === 1 ? '' : 's'}`}
            </button>
          </div>
        </>
      ) : null}
      <button type="button" class="link" onClick={props.onCancel}>
        Cancel import
      </button>
    </section>
  );
}
