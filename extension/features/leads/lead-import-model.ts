import { action, computed, createModel, signal } from '@preact/signals';
import type { LeadImportMapping } from '../../../shared/import/lead-columns';
import type { LeadImported, LeadImportPreview } from '../../../shared/schemas/lead-import';
import { api, call } from '../../api/client';
import { checkingProgressText, uploadFile } from '../../utils/upload-file';

/** How many rows an import would write with the person's choices, and whether it may go ahead. */
export function importPlan(
  summary: LeadImportPreview['summary'],
  choices: { skipErrors: boolean; skipDuplicates: boolean },
) {
  const duplicatesLeftOut = choices.skipDuplicates ? summary.duplicates : 0;
  const toImport = Math.max(0, summary.valid - duplicatesLeftOut);
  return {
    toImport,
    blockedByErrors: summary.withErrors > 0 && !choices.skipErrors,
    ready: toImport > 0 && !(summary.withErrors > 0 && !choices.skipErrors),
  };
}

/**
 * A lead list from another system: the file is checked on the server (and
 * kept there for the commit), the columns can be re-mapped, rows with errors
 * and likely duplicates can be left out, and nothing is saved until Import.
 */
export const LeadImportModel = createModel((onDone: (result: LeadImported) => void) => {
  const file = signal<File | null>(null);
  const preview = signal<LeadImportPreview | null>(null);
  const status = signal<string | null>(null);
  const error = signal<string | null>(null);
  const busy = signal(false);
  const skipErrors = signal(false);
  const skipDuplicates = signal(true);
  // One key per checked file: a retried commit returns the first answer and never imports twice.
  let idempotencyKey = crypto.randomUUID();

  const plan = computed(() =>
    preview.value
      ? importPlan(preview.value.summary, {
          skipErrors: skipErrors.value,
          skipDuplicates: skipDuplicates.value,
        })
      : null,
  );

  const run = async (work: () => Promise<void>) => {
    busy.value = true;
    error.value = null;
    try {
      await work();
    } catch (e) {
      error.value = (e as Error).message;
    } finally {
      busy.value = false;
      status.value = null;
    }
  };

  // The preview a new check replaces: the server drops its staged file.
  const check = (picked: File, mapping?: LeadImportMapping, replaces = preview.value?.importId) =>
    run(async () => {
      const result = (await uploadFile(
        '/api/v1/leads/import/preview',
        picked,
        {
          ...(mapping ? { mapping: JSON.stringify(mapping) } : {}),
          ...(replaces ? { replaces } : {}),
        },
        (p) => {
          status.value = checkingProgressText(p);
        },
      )) as LeadImportPreview;
      preview.value = result;
      idempotencyKey = crypto.randomUUID();
    });

  const choose = action((picked: File) => {
    const replaces = preview.value?.importId;
    file.value = picked;
    preview.value = null;
    return check(picked, undefined, replaces);
  });

  /** Leaving without importing: the staged file is dropped now rather than by the nightly sweep. */
  const cancel = action(() => {
    const staged = preview.value?.importId;
    preview.value = null;
    if (staged)
      call(api.leads.import[':importId'].$delete({ param: { importId: staged } })).catch(() => undefined);
  });

  const remap = action((mapping: LeadImportMapping) => (file.value ? check(file.value, mapping) : undefined));

  const setSkipErrors = action((on: boolean) => {
    skipErrors.value = on;
  });
  const setSkipDuplicates = action((on: boolean) => {
    skipDuplicates.value = on;
  });

  const commit = action(() => {
    const checked = preview.value;
    if (!checked || !plan.value?.ready) return;
    return run(async () => {
      status.value = `Importing ${plan.value?.toImport.toLocaleString()} leads…`;
      const result = await call(
        api.leads.import[':importId'].commit.$post(
          {
            param: { importId: checked.importId },
            json: { skipErrors: skipErrors.value, skipDuplicates: skipDuplicates.value },
          },
          { headers: { 'Idempotency-Key': idempotencyKey } },
        ),
      );
      onDone(result);
    });
  });

  return {
    file,
    preview,
    status,
    error,
    busy,
    skipErrors,
    skipDuplicates,
    plan,
    choose,
    remap,
    setSkipErrors,
    setSkipDuplicates,
    commit,
    cancel,
  };
});
