import { useModel } from '@preact/signals';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ROSTER_FIELD_LABELS, type RosterField } from '../../../shared/roster/columns';
import type { RosterCommit } from '../../../shared/schemas/patients';
import { api, call } from '../../api/client';
import { MessageError } from '../../utils/send-message';
import { uploadFile } from '../../utils/upload-file';
import { PageTableButtons } from './page-table-buttons';
import { PageTableModel } from './page-table-model';
import { RosterDiffReview } from './roster-diff';
import { appliedMessage, withoutRecognisedWarnings } from './roster-diff-choices';
import { RosterDiffModel } from './roster-diff-model';
import { ColumnMapping, RowProblems, SkippedLines } from './roster-review-parts';
import {
  COLUMNS,
  commitRow,
  commitSource,
  type Preview,
  type ReviewRow,
  skipDuplicates,
  skippable,
  skipRowsWithErrors,
  toReview,
} from './roster-review-rows';
import { photoReader, useWarmOcr } from './use-warm-ocr';

/**
 * Roster import (spec 000, step 3 option B): the facility is chosen first; a
 * CSV or XLSX is read on the server, the columns can be re-mapped, every row
 * is reviewed and fixable, and nothing is saved until the person confirms.
 */
export function RosterImport(props: {
  facilityId: string;
  facilityName: string;
  /** What was done, in words, for the patients list to show. */
  onDone: (message: string) => void;
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
  const diffModel = useModel(RosterDiffModel);
  const pagesModel = useModel(PageTableModel);
  useEffect(() => diffModel.show(preview?.diff, rows), [preview?.diff, rows]);
  useWarmOcr();

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
      const { readRosterImage } = await photoReader();
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

  /**
   * A census on screen goes through the same preview as a file: its largest
   * table, as CSV; `next` adds the page now shown to the pages read before.
   */
  async function readPageTable(next: boolean) {
    setError(null);
    try {
      const picked = await pagesModel.read(next);
      if (!picked) return;
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
        (p) =>
          setStatus(
            p.phase === 'reading'
              ? `Reading ${Math.round(p.fraction * 100)}%`
              : p.phase === 'sending'
                ? 'Checking rows…'
                : 'Done',
          ),
      )) as Preview;
      setPreview(result);
      setRows(toReview(result));
    });

  /** Sends the edited rows back for checking (the same rules the commit applies). */
  const recheck = () =>
    run(async () => {
      const json = { facilityId: props.facilityId, source: 'json' as const, rows: rows.map((r) => r.values) };
      const result = await call(api.patients.import.preview.$post({ json }));
      setPreview((p) => p && { ...p, diff: result.diff });
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
      const payload = chosen.map(commitRow);
      try {
        const json: RosterCommit = {
          facilityId: props.facilityId,
          source: commitSource(preview),
          fileName: file?.name,
          rows: payload,
        };
        const result = await call(
          api.patients.import.commit.$post({ json }, { headers: { 'Idempotency-Key': idempotencyKey } }),
        );
        props.onDone(`${result.imported} patients imported.`);
      } catch (e) {
        if (e instanceof MessageError && e.failure.details?.length) {
          throw new Error(
            `${e.failure.message}. Rows: ${[...new Set(e.failure.details.map((d) => Number(d.path.split('.')[1]) + 1))].join(', ')}`,
          );
        }
        throw e;
      }
    });

  const apply = () =>
    run(async () => {
      const done = await diffModel.apply({
        facilityId: props.facilityId,
        source: commitSource(preview),
        fileName: file?.name,
      });
      if (done) props.onDone(appliedMessage(done));
    });

  const reviewed = withoutRecognisedWarnings(rows, diffModel.diff.value);
  const included = reviewed.filter((r) => r.include);
  const blocking = included.filter(
    (r) => r.errors.length > 0 || (r.warnings.length > 0 && !r.confirmDuplicate),
  );

  const canSkip = skippable(reviewed);
  const skip = (leaveOut: (r: ReviewRow[]) => ReviewRow[]) => {
    const next = leaveOut(reviewed);
    setRows(rows.map((r, i) => ({ ...r, include: next[i]!.include })));
  };

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
      {preview?.skipped?.length ? <SkippedLines lines={preview.skipped} /> : null}
      <label class="drop">
        <span>
          Choose a roster: CSV, Excel (.xlsx) or a photo of a printed list (PNG, JPEG); up to 10 MB and 5,000
          rows
        </span>
        <input
          type="file"
          accept=".csv,.txt,.xlsx,text/csv,image/png,image/jpeg"
          aria-label="Choose roster file"
          onChange={(e) => {
            const picked = e.currentTarget.files?.[0];
            if (picked) {
              setFile(picked);
              setUnsure(new Set());
              if (picked.type.startsWith('image/')) readPhoto(picked);
              else readFile(picked);
            }
          }}
        />
      </label>
      <PageTableButtons pages={pagesModel.collected.value} busy={busy} onRead={readPageTable} />

      {preview?.mapping && preview.headers ? (
        <ColumnMapping
          headers={preview.headers}
          mapping={preview.mapping}
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
                      {ROSTER_FIELD_LABELS[c]}
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
                          data-label={ROSTER_FIELD_LABELS[c]}
                          class={problem ? 'cell-error' : doubtful ? 'cell-unsure' : undefined}
                        >
                          <input
                            aria-label={`${ROSTER_FIELD_LABELS[c]}, row ${i + 1}`}
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
          <RowProblems
            rows={reviewed}
            onConfirm={(i, confirmDuplicate) =>
              setRows(rows.map((x, j) => (j === i ? { ...x, confirmDuplicate } : x)))
            }
          />
          {canSkip.withErrors || canSkip.duplicates ? (
            <div class="row">
              {canSkip.withErrors ? (
                <button type="button" class="secondary" onClick={() => skip(skipRowsWithErrors)}>
                  Skip {canSkip.withErrors} {canSkip.withErrors === 1 ? 'row' : 'rows'} with errors
                </button>
              ) : null}
              {canSkip.duplicates ? (
                <button type="button" class="secondary" onClick={() => skip(skipDuplicates)}>
                  Skip {canSkip.duplicates} possible {canSkip.duplicates === 1 ? 'duplicate' : 'duplicates'}
                </button>
              ) : null}
            </div>
          ) : null}
          <div class="row">
            <button type="button" class="secondary" onClick={recheck} disabled={busy}>
              Check again
            </button>
            {diffModel.diff.value ? null : (
              <button
                type="button"
                class="primary"
                onClick={commit}
                disabled={busy || included.length === 0 || blocking.length > 0}
              >
                {busy ? 'Working…' : `Import ${included.length} patient${included.length === 1 ? '' : 's'}`}
              </button>
            )}
          </div>
          <RosterDiffReview model={diffModel} rows={rows} facilityName={props.facilityName} onApply={apply} />
        </>
      ) : null}
      <button type="button" class="link" onClick={props.onCancel}>
        Cancel import
      </button>
    </section>
  );
}
