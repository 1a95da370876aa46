import { useModel } from '@preact/signals';
import { ShowMore } from '../../ui/show-more';
import type { Coordinator, Source, Stage } from './lead-api-types';
import { LeadListModel } from './lead-list-model';
import { fullName } from './lead-person';

/** The pipeline as a list: by stage, searchable, newest first, with who looks after each lead. */
export function LeadList(props: {
  stages: Stage[];
  sources: Source[];
  coordinators: Coordinator[];
  onOpen: (id: string) => void;
}) {
  const model = useModel(LeadListModel);
  const stageId = model.stageId.value;
  const q = model.q.value;
  const list = {
    items: model.list.items.value,
    loading: model.list.loading.value,
    error: model.list.error.value,
    hasMore: model.list.hasMore.value,
    more: model.list.more,
  };
  const stageName = (id: string) => props.stages.find((s) => s.id === id)?.name ?? '';
  const coordinatorName = (id: string | null) =>
    id ? (props.coordinators.find((c) => c.id === id)?.name ?? 'Assigned') : 'Unassigned';

  return (
    <div>
      <div class="filters">
        <label for="lead-stage-filter" class="sr-only">
          Stage
        </label>
        <select
          id="lead-stage-filter"
          value={stageId}
          onChange={(e) => model.chooseStage(e.currentTarget.value)}
        >
          <option value="">All stages</option>
          {props.stages.map((s) => (
            <option value={s.id} key={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <label for="lead-q" class="sr-only">
          Search leads
        </label>
        <input
          id="lead-q"
          type="search"
          placeholder="Search by name, email or phone"
          value={q}
          onInput={(e) => model.search(e.currentTarget.value)}
        />
      </div>
      {list.error ? <p class="alert error">{list.error}</p> : null}
      {!list.loading && list.items.length === 0 ? (
        <p class="empty" data-testid="empty-state">
          {q || stageId
            ? 'No lead matches.'
            : 'No leads yet. Capture one from an email or a web page, or add one by hand.'}
        </p>
      ) : null}
      <ul class="list" aria-label="Leads" aria-busy={list.loading} data-testid="lead-list">
        {list.items.map((l) => (
          <li key={l.id} data-testid="lead-row">
            <button type="button" class="row-link" onClick={() => props.onOpen(l.id)}>
              <strong>{fullName(l)}</strong>
              <span class="muted small">
                {stageName(l.stageId)} · {coordinatorName(l.coordinatorId)}
                {l.sourceId ? ` · ${props.sources.find((s) => s.id === l.sourceId)?.name ?? ''}` : ''}
                {l.patientId ? ' · patient' : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <ShowMore list={list} />
    </div>
  );
}
