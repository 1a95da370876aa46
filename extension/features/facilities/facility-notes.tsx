import { useModel } from '@preact/signals';
import { FACILITY_NOTE_MAX } from '../../../shared/facility-terms';
import { formatDateTime } from '../../../shared/locale-dates';
import { NoteBox } from '../../ui/note-box';
import { ShowMore } from '../../ui/show-more';
import { FacilityNotesModel } from './facility-notes-model';

/** The facility's notes on its page: what staff learnt, who wrote it and when; a box to add one. */
export function FacilityNotes({ facilityId, canAdd }: { facilityId: string; canAdd: boolean }) {
  const model = useModel(() => new FacilityNotesModel(facilityId));
  const { notes } = model;
  const items = notes.items.value;
  const failure = model.failure.value ?? notes.error.value;
  return (
    <section aria-labelledby="facility-notes-title" data-testid="facility-notes">
      <h3 id="facility-notes-title">Notes</h3>
      {canAdd ? (
        <NoteBox
          id="facility-note"
          maxLength={FACILITY_NOTE_MAX}
          busy={model.saving.value}
          onAdd={model.add}
        />
      ) : null}
      {failure ? (
        <p class="alert error" role="alert">
          {failure}
        </p>
      ) : null}
      {items.length ? (
        <ul class="plain">
          {items.map((n) => (
            <li key={n.id} data-testid="facility-note">
              <p class="notes">{n.text}</p>
              <p class="muted small">
                {n.author.name ?? 'A former member'} · {formatDateTime(n.createdAt)}
              </p>
            </li>
          ))}
        </ul>
      ) : notes.loading.value ? (
        <p class="muted small">Loading…</p>
      ) : (
        <p class="empty">No notes yet.</p>
      )}
      <ShowMore list={{ hasMore: notes.hasMore.value, loading: notes.loading.value, more: notes.more }} />
    </section>
  );
}
