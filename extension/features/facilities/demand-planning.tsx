import { useModel } from '@preact/signals';
import { CONTRACT_STATUS_LABELS } from '../../../shared/contract-status';
import { CATEGORY_LABELS, SERVICE_CATEGORIES, type ServiceCategory } from '../../../shared/facility-terms';
import { formatDate } from '../../../shared/locale-dates';
import type { FacilityDemand } from '../../../shared/schemas/facilities';
import { Bars } from '../../ui/bars';
import { DemandMonths, plural } from './demand-charts';
import { DemandModel, MONTH_CHOICES } from './demand-model';
import { OutsideCategories } from './outside-categories';

/** Today's demand per category, per service and per facility, and month by month (spec 000, "Service Categories"). */
export function DemandPlanning({ onBack, canRemove }: { onBack: () => void; canRemove: boolean }) {
  const model = useModel(DemandModel);
  const demand = model.demand.value;
  const series = model.series.value;
  const category = model.category.value;
  const facilityId = model.facilityId.value;
  const shown = category ? [category] : SERVICE_CATEGORIES;

  return (
    <section class="area demand" aria-labelledby="demand-title" data-testid="demand-planning">
      <button type="button" class="link" onClick={onBack}>
        ← Facilities
      </button>
      <h2 id="demand-title">Demand planning</h2>
      <p class="muted small">
        Patients who need each service now, to plan supply and staff. Discharged patients and churned
        facilities are not counted.
      </p>
      <div class="filters demand-filters">
        <label>
          <span class="sr-only">Facility</span>
          <select
            class="demand-select"
            value={facilityId}
            aria-label="Facility"
            onChange={(e) => model.chooseFacility(e.currentTarget.value)}
          >
            <option value="">All facilities</option>
            {model.choices.value.map((f) => (
              <option value={f.facilityId} key={f.facilityId}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="sr-only">Service category</span>
          <select
            class="demand-select"
            value={category}
            aria-label="Service category"
            onChange={(e) => model.chooseCategory(e.currentTarget.value as ServiceCategory | '')}
          >
            <option value="">All categories</option>
            {SERVICE_CATEGORIES.map((c) => (
              <option value={c} key={c}>
                {CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="sr-only">Months</span>
          <select
            class="demand-select"
            value={String(model.months.value)}
            aria-label="Months"
            onChange={(e) => model.chooseMonths(Number(e.currentTarget.value))}
          >
            {MONTH_CHOICES.map((n) => (
              <option value={String(n)} key={n}>
                {n} months
              </option>
            ))}
          </select>
        </label>
      </div>
      {model.error.value ? (
        <p class="alert error" role="alert">
          {model.error.value}
        </p>
      ) : null}
      <OutsideCategories model={model} canRemove={canRemove} />
      {!demand || !series ? (
        model.loading.value ? (
          <p class="muted">Loading…</p>
        ) : null
      ) : model.empty.value ? (
        <p class="muted" data-testid="demand-empty">
          No demand yet{facilityId ? ' at this facility' : ''}: it appears here once patients have services
          (Patients → a patient → Services). A facility offers only the services of its categories.
        </p>
      ) : (
        <>
          <CategoryTable demand={demand} shown={shown} />
          <Bars
            label={category ? `${CATEGORY_LABELS[category]} services` : 'Services'}
            testId="demand-services"
            empty="No patient has these services now."
            rows={demand.byService
              .filter((s) => !category || s.category === category)
              .map((s) => ({
                key: s.serviceId,
                name: s.active ? s.name : `${s.name} (retired)`,
                value: s.patients,
                text: plural(s.patients, 'patient'),
              }))}
          />
          {facilityId ? null : <FacilityList items={demand.items} category={category} />}
          <DemandMonths months={series.months} category={category} />
        </>
      )}
    </section>
  );
}

/** Per category: facilities taking it, patients who need it, services chosen (over facilities not churned). */
function CategoryTable({ demand, shown }: { demand: FacilityDemand; shown: readonly ServiceCategory[] }) {
  const churned = demand.items.length === 1 && demand.items[0]!.contractStatus === 'churned';
  return (
    <figure class="chart">
      <figcaption>By service category</figcaption>
      {churned ? (
        <p class="alert small">{demand.items[0]!.name} has churned: it is left out of these totals.</p>
      ) : null}
      <dl class="demand-categories" data-testid="demand-categories">
        {shown.map((c) => (
          <div key={c}>
            <dt>{CATEGORY_LABELS[c]}</dt>
            <dd>
              {plural(demand.totals[c].patients, 'patient')} · {plural(demand.totals[c].services, 'service')}{' '}
              · {plural(demand.totals[c].facilities, 'facility', 'facilities')}
            </dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}

/** Each facility's patients (in the chosen category), its status, categories and next cycle. */
function FacilityList({
  items,
  category,
}: {
  items: FacilityDemand['items'];
  category: ServiceCategory | '';
}) {
  const value = (i: FacilityDemand['items'][number]) =>
    category ? i.categories[category].patients : i.patients;
  const max = Math.max(1, ...items.map(value));
  const listed = category ? items.filter((i) => i.categories[category].taken || value(i) > 0) : items;
  return (
    <figure class="chart" data-testid="demand-facilities">
      <figcaption>
        {category ? `${CATEGORY_LABELS[category]} patients per facility` : 'Patients per facility'}
      </figcaption>
      {listed.length === 0 ? (
        <p class="muted small">No facility takes this category.</p>
      ) : (
        <ul class="demand-facilities">
          {listed.map((i) => {
            const taken = SERVICE_CATEGORIES.filter((c) => i.categories[c].taken);
            return (
              <li key={i.facilityId}>
                <strong>{i.name}</strong>
                <span class="muted small">
                  {' '}
                  {CONTRACT_STATUS_LABELS[i.contractStatus]}
                  {i.contractStatus === 'churned' ? ' (not counted)' : ''}
                  {i.nextCycleDate ? ` · next cycle ${formatDate(i.nextCycleDate)}` : ''} ·{' '}
                  {taken.length ? taken.map((c) => CATEGORY_LABELS[c]).join(', ') : 'no categories chosen'}
                </span>
                <span class="bar-row demand-bar">
                  <span class="bar" style={{ width: `${(value(i) / max) * 100}%` }} aria-hidden="true" />
                  <span class="bar-value small">{plural(value(i), 'patient')}</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </figure>
  );
}
