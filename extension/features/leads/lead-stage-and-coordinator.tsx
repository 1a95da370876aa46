import { count } from '../../../shared/words';
import type { Coordinator, Lead, Stage } from './lead-api-types';
import type { LeadDetailState } from './lead-detail-model';

/** Where the lead is in the pipeline and who looks after it, changed in place. */
export function LeadStageAndCoordinator(props: {
  lead: Lead;
  stages: Stage[];
  coordinators: Coordinator[];
  canEdit: boolean;
  canAssign: boolean;
  model: LeadDetailState;
}) {
  const { lead, model } = props;
  const stage = props.stages.find((s) => s.id === lead.stageId);
  const coordinator = props.coordinators.find((c) => c.id === lead.coordinatorId);
  const daysInStage = Math.floor((Date.now() - Date.parse(lead.stageEnteredAt)) / 86_400_000);
  return (
    <div class="two">
      <div class="field">
        <label for="lead-stage">Stage</label>
        <select
          id="lead-stage"
          value={lead.stageId}
          disabled={!props.canEdit || !!lead.mergedInto}
          onChange={(e) => {
            const to = props.stages.find((s) => s.id === e.currentTarget.value);
            model.moveTo(e.currentTarget.value, to?.name);
          }}
        >
          {props.stages.map((s) => (
            <option value={s.id} key={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <p class="muted small">
          {stage?.outcome === 'open' ? `${count(daysInStage, 'day')} in this stage` : stage?.outcome}
        </p>
      </div>
      <div class="field">
        <label for="lead-coordinator">Coordinator</label>
        {props.canAssign ? (
          <>
            <select
              id="lead-coordinator"
              value={lead.coordinatorId ?? ''}
              onChange={(e) => {
                const id = e.currentTarget.value;
                if (id) model.assign(id);
              }}
            >
              <option value="" disabled>
                Unassigned
              </option>
              {props.coordinators.map((c) => (
                <option value={c.id} key={c.id}>
                  {c.name} ({c.openLeads} open)
                </option>
              ))}
            </select>
            <button type="button" class="link" onClick={() => model.assignRoundRobin()}>
              Assign round-robin
            </button>
          </>
        ) : (
          <p id="lead-coordinator">{coordinator?.name ?? 'Unassigned'}</p>
        )}
      </div>
    </div>
  );
}
