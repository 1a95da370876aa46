import { ENROLLMENT_LABELS } from '../../../shared/enrollment';
import type { PendingChange } from './template-editor-model';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Who a checklist change reaches and whose status moves, shown before it is saved. */
export function TemplateChangePreview(props: {
  change: PendingChange;
  onSave: () => void;
  onCancel: () => void;
}) {
  const { label, preview } = props.change;
  const moving = preview.patients.filter((p) => p.from !== p.to);
  return (
    <section class="alert" aria-labelledby="template-preview-title" data-testid="template-preview">
      <h3 id="template-preview-title">{label}?</h3>
      <p data-testid="template-preview-summary">
        {preview.patientsAffected
          ? `Reaches ${plural(preview.patientsAffected, 'patient')} not yet active; ${
              preview.statusChanges
                ? `${plural(preview.statusChanges, 'status')} change`
                : 'no status changes'
            }.`
          : 'No patient checklist changes.'}{' '}
        Completed items and their evidence are kept.
        {preview.activeUntouched
          ? ` ${plural(preview.activeUntouched, 'active patient')} keep${preview.activeUntouched === 1 ? 's' : ''} their finished checklist.`
          : ''}
      </p>
      {moving.length ? (
        <ul class="list small" aria-label="Status changes">
          {moving.map((p) => (
            <li key={p.id}>
              {p.lastName}, {p.firstName}: {ENROLLMENT_LABELS[p.from]} → {ENROLLMENT_LABELS[p.to]}
            </li>
          ))}
        </ul>
      ) : null}
      {preview.truncated ? <p class="muted small">Only the first patients are listed.</p> : null}
      <div class="row-actions">
        <button type="button" class="primary" onClick={props.onSave}>
          Save change
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
