import { useEffect, useState } from 'preact/hooks';
import {
  CONTRACT_STATUS_LABELS,
  CONTRACT_STATUSES,
  type ContractStatus,
} from '../../../shared/contract-status';
import { api, call } from '../../api/client';
import { lazyArea } from '../../ui/lazy-area';
import { SearchList } from '../../ui/search-list';
import { usePagedList } from '../../ui/use-paged-list';
import type { Me } from '../../utils/messages';
import { type PagePrefill, watchPrefill } from '../page-match/page-prefill';
import { FacilityDetail } from './facility-detail';
import { FacilityWizard } from './facility-wizard';

type View =
  | { kind: 'list' }
  | { kind: 'add'; prefill?: PagePrefill }
  | { kind: 'detail'; id: string }
  | { kind: 'demand' };

// Loaded the first time it is opened: most visits to Facilities never need it.
const DemandPlanning = lazyArea(() => import('./demand-planning').then((m) => m.DemandPlanning));

/** Facility onboarding (spec 000, steps 1 and 2): list, add, open. */
export function FacilitiesArea({ me }: { me: Me }) {
  const [view, setView] = useState<View>({ kind: 'list' });
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<ContractStatus | ''>('');
  // "Start onboarding this facility" on the page card opens the wizard here, filled from the page.
  useEffect(() => watchPrefill('facility', (prefill) => setView({ kind: 'add', prefill })), []);
  const list = usePagedList({ q: q.trim(), status }, (filters, cursor, signal) =>
    call(
      api.facilities.$get(
        {
          query: {
            limit: '50',
            sort: 'name',
            cursor,
            ...(filters.q ? { q: filters.q } : {}),
            ...(filters.status ? { contractStatus: filters.status } : {}),
          },
        },
        { init: { signal } },
      ),
    ),
  );

  if (view.kind === 'add') {
    return (
      <FacilityWizard
        prefill={view.prefill ?? null}
        onCancel={() => setView({ kind: 'list' })}
        onDone={(f) => {
          list.reload();
          setView({ kind: 'detail', id: f.id });
        }}
      />
    );
  }
  if (view.kind === 'demand')
    return (
      <DemandPlanning
        onBack={() => setView({ kind: 'list' })}
        canRemove={me.permissions.includes('patients:edit')}
      />
    );
  if (view.kind === 'detail') {
    return (
      <FacilityDetail
        key={view.id}
        me={me}
        facilityId={view.id}
        onBack={() => {
          list.reload();
          setView({ kind: 'list' });
        }}
      />
    );
  }
  return (
    <div>
      <div class="row">
        {me.permissions.includes('facilities:full') ? (
          <button type="button" class="primary" onClick={() => setView({ kind: 'add' })}>
            Add facility
          </button>
        ) : null}
        {me.permissions.includes('facility:demand') ? (
          <button type="button" class="secondary" onClick={() => setView({ kind: 'demand' })}>
            Demand planning
          </button>
        ) : null}
      </div>
      <SearchList
        list={list}
        label="Facilities"
        empty={
          q || status ? 'No facility matches.' : 'No facilities yet. Add the first one to start onboarding.'
        }
        filters={
          <div class="filters">
            <label for="facility-q" class="sr-only">
              Search facilities
            </label>
            <input
              id="facility-q"
              type="search"
              placeholder="Search by name"
              value={q}
              onInput={(e) => setQ(e.currentTarget.value)}
            />
            <label for="facility-status" class="sr-only">
              Contract status
            </label>
            <select
              id="facility-status"
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value as ContractStatus | '')}
            >
              <option value="">Any status</option>
              {CONTRACT_STATUSES.map((s) => (
                <option value={s} key={s}>
                  {CONTRACT_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
        }
        row={(f) => (
          <li key={f.id} data-testid="facility-row">
            <button type="button" class="row-link" onClick={() => setView({ kind: 'detail', id: f.id })}>
              <strong>{f.name}</strong>
              <span class="muted small">
                {f.address.city}, {f.address.state} · {CONTRACT_STATUS_LABELS[f.contractStatus]}
              </span>
            </button>
          </li>
        )}
      />
    </div>
  );
}
