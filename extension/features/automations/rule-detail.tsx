import { useModel } from '@preact/signals';
import { formatDate, formatDateTime, formatShortDay } from '../../../shared/locale-dates';
import type { DryRun, Rule } from '../../../shared/schemas/automation-rules';
import {
  ACTION_KIND_LABELS,
  CATEGORY_LABELS,
  FIELD_LABELS,
  labelOf,
  POPULATION_LABELS,
  RULE_STATUS_LABELS,
  RULE_TYPE_LABELS,
} from './automation-labels';
import { RuleDetailModel } from './rule-detail-model';
import { describeCondition, fieldsOf, typedValue, valueInputOf } from './rule-fields';
import { RuleWhy } from './rule-why';

/** The rule as a few sentences: when, who, which conditions, then what. */
function RuleSummary({ rule }: { rule: Rule }) {
  const d = rule.definition;
  const when =
    d.type === 'recurring'
      ? `Every ${d.everyDays} days while it matches`
      : d.type === 'relative'
        ? `${Math.abs(d.offsetDays ?? 0)} days ${(d.offsetDays ?? 0) < 0 ? 'before' : 'after'} the ${labelOf(
            FIELD_LABELS,
            d.relativeField ?? 'expiryDate',
          ).toLowerCase()}`
        : RULE_TYPE_LABELS[d.type];
  const join = d.conditions.match === 'all' ? ' and ' : ' or ';
  const conditions = d.conditions.conditions
    .map((c) =>
      'field' in c
        ? describeCondition(d.population, c)
        : `(${c.conditions.map((x) => describeCondition(d.population, x)).join(c.match === 'all' ? ' and ' : ' or ')})`,
    )
    .join(join);
  return (
    <dl class="small facts" data-testid="rule-summary">
      <dt>When</dt>
      <dd>{when}</dd>
      <dt>Who</dt>
      <dd>
        {labelOf(POPULATION_LABELS, d.population)}
        {d.facilityIds.length ? ` at ${d.facilityIds.length} chosen locations` : ' at every location'}
      </dd>
      <dt>If</dt>
      <dd>{conditions || 'always'}</dd>
      <dt>Then</dt>
      <dd>{d.actions.map((a) => labelOf(ACTION_KIND_LABELS, a.kind)).join(', ')}</dd>
      <dt>Unsubscribe category</dt>
      <dd>{CATEGORY_LABELS[d.category]}</dd>
    </dl>
  );
}

/** A value of the sample as the builder shows it (money in dollars, dates in the reader's form). */
function shownValue(population: string, field: string, value: string | number | null) {
  if (value === null) return 'empty';
  const kind = fieldsOf(population)[field] ?? 'text';
  if (kind === 'date' && typeof value === 'string') return formatDate(value);
  const input = valueInputOf(field, kind, 'eq');
  if (input === 'money') return `$${typedValue(input, value)}`;
  if (input === 'percent') return `${value}%`;
  return String(value);
}

function DryRunResult({ dry, rule }: { dry: DryRun; rule: Rule }) {
  const population = rule.definition.population;
  return (
    <section aria-labelledby="dry-run-title" data-testid="dry-run">
      <h4 id="dry-run-title">Dry run</h4>
      <p data-testid="dry-run-count">
        <strong>{dry.matching}</strong> {dry.matching === 1 ? 'case matches' : 'cases match'} now; {dry.due}{' '}
        not yet acted on by this version.
      </p>
      {dry.sample.length ? (
        <ul class="cards">
          {dry.sample.map((s) => (
            <li key={s.caseId} class="card small" data-testid="dry-run-sample">
              <span class="muted">Case {s.caseId}</span>
              {Object.entries(s.values).map(([field, value]) => (
                <span key={field}>
                  {' · '}
                  {labelOf(FIELD_LABELS, field)}: {shownValue(population, field, value)}
                </span>
              ))}
            </li>
          ))}
        </ul>
      ) : null}
      <h5>Sends in the next 7 days</h5>
      <ol class="rule-list forecast" data-testid="dry-run-forecast">
        {dry.forecast.map((f) => (
          <li key={f.date} class="row-between small">
            <span>{formatShortDay(f.date)}</span>
            <span>{f.sends}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A rule's page: what it does, dry run before Play, Play/Pause, its history and "why / why not". */
export function RuleDetail(props: {
  id: string;
  canEdit: boolean;
  onBack: () => void;
  onEdit: (rule: Rule) => void;
}) {
  const model = useModel(() => new RuleDetailModel(props.id));
  const rule = model.rule.value;
  const dry = model.dryRun.value;
  const notice = model.notice.value;
  const busy = model.busy.value;
  return (
    <section class="area" aria-labelledby="rule-title" data-testid="rule-detail">
      <button type="button" class="link" onClick={props.onBack}>
        ← Rules
      </button>
      {notice ? (
        <p class={notice.error ? 'alert error' : 'alert'} role={notice.error ? 'alert' : 'status'}>
          {notice.text}
        </p>
      ) : null}
      {rule ? (
        <>
          <h3 id="rule-title">{rule.definition.name}</h3>
          <p class="muted small" data-testid="rule-status">
            {RULE_STATUS_LABELS[rule.status]} · version {rule.version}
          </p>
          <RuleSummary rule={rule} />
          <div class="row-actions">
            <button type="button" class="secondary" disabled={busy} onClick={() => model.runDry()}>
              Dry run
            </button>
            {props.canEdit && rule.status !== 'running' ? (
              <button
                type="button"
                class="primary auto-width"
                disabled={busy || !model.canPlay.value}
                aria-describedby={model.canPlay.value ? undefined : 'play-hint'}
                onClick={() => model.play()}
              >
                Play
              </button>
            ) : null}
            {props.canEdit && rule.status === 'running' ? (
              <button type="button" class="secondary" disabled={busy} onClick={() => model.pause()}>
                Pause
              </button>
            ) : null}
            {props.canEdit ? (
              <button type="button" class="secondary" onClick={() => props.onEdit(rule)}>
                Edit
              </button>
            ) : null}
          </div>
          {props.canEdit && rule.status !== 'running' && !model.canPlay.value ? (
            <p class="muted small" id="play-hint">
              Run a dry run of this version first: Play starts once you have seen what it would do.
            </p>
          ) : null}
          {props.canEdit && rule.status !== 'draft' ? (
            <p class="muted small">Editing a rule that has run saves a new version.</p>
          ) : null}
          {dry ? <DryRunResult dry={dry} rule={rule} /> : null}
          <section aria-labelledby="runs-title">
            <div class="row-between">
              <h4 id="runs-title">History</h4>
              <button type="button" class="link" onClick={() => model.reloadRuns()}>
                Refresh
              </button>
            </div>
            {model.runs.value.length ? (
              <ul class="list" data-testid="rule-runs">
                {model.runs.value.map((r) => (
                  <li key={r.id} class="small" data-testid="rule-run">
                    <span>
                      {formatDateTime(r.createdAt)} · case {r.subjectId}
                    </span>
                    <span class="muted">
                      version {r.version}
                      {r.outboxMessageId ? ' · message queued' : ''}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="empty small">It has not acted on anything yet.</p>
            )}
          </section>
          <RuleWhy model={model} population={rule.definition.population} />
        </>
      ) : notice ? null : (
        <p class="loading" aria-busy="true">
          Loading…
        </p>
      )}
    </section>
  );
}
