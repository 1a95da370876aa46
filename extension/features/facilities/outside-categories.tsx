import { CATEGORY_LABELS } from '../../../shared/facility-terms';
import { plural } from './demand-charts';
import { type DemandModel, selectionKey } from './demand-model';

/**
 * Services chosen for patients before a facility's categories were enforced,
 * outside them: not counted above, listed so operations can remove them (and
 * only them: the API leaves any other selection alone).
 */
export function OutsideCategories({
  model,
  canRemove,
}: {
  model: InstanceType<typeof DemandModel>;
  canRemove: boolean;
}) {
  const list = model.outside.value;
  if (!list || list.total === 0) return null;
  const chosen = model.chosen.value;
  const allChosen = list.items.length > 0 && list.items.every((s) => chosen.has(selectionKey(s)));
  return (
    <figure class="chart" data-testid="outside-categories">
      <figcaption>Services outside their facility's categories</figcaption>
      <p class="alert small">
        {plural(list.total, 'service')} chosen before a facility's categories were checked{' '}
        {list.total === 1 ? 'is' : 'are'} outside them and not counted in the figures above.
        {canRemove
          ? ' Remove them, or add the category to the facility.'
          : ' Someone who edits patients can remove them.'}
      </p>
      {list.items.length < list.total ? (
        <p class="muted small">Showing the first {list.items.length}; remove these to see the rest.</p>
      ) : null}
      {canRemove ? (
        <label class="checkbox small">
          <input
            type="checkbox"
            checked={allChosen}
            onChange={(e) => model.chooseAll(e.currentTarget.checked)}
          />{' '}
          Choose all shown
        </label>
      ) : null}
      <ul class="outside-categories">
        {list.items.map((s) => (
          <li key={selectionKey(s)}>
            {canRemove ? (
              <label class="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.has(selectionKey(s))}
                  onChange={() => model.toggle(s)}
                />{' '}
                <OutsideRow s={s} />
              </label>
            ) : (
              <OutsideRow s={s} />
            )}
          </li>
        ))}
      </ul>
      {canRemove ? (
        <button
          type="button"
          disabled={chosen.size === 0 || model.removing.value}
          onClick={() => model.removeChosen()}
        >
          {model.removing.value
            ? 'Removing…'
            : `Remove ${chosen.size ? plural(chosen.size, 'service') : 'chosen services'}`}
        </button>
      ) : null}
      {model.removed.value ? (
        <p class="muted small" role="status">
          {model.removed.value}
        </p>
      ) : null}
    </figure>
  );
}

function OutsideRow({
  s,
}: {
  s: {
    patientName: string;
    facilityName: string;
    serviceName: string;
    category: keyof typeof CATEGORY_LABELS;
  };
}) {
  return (
    <span>
      <strong>{s.patientName}</strong>{' '}
      <span class="muted small">
        {s.facilityName} · {s.serviceName} ({CATEGORY_LABELS[s.category]})
      </span>
    </span>
  );
}
