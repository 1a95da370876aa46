import { useModel } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { ENROLLMENT_LABELS } from '../../../shared/enrollment';
import { formatDate } from '../../../shared/locale-dates';
import { api, call } from '../../api/client';
import { SearchList } from '../../ui/search-list';
import { usePagedList } from '../../ui/use-paged-list';
import type { CurrentFacility } from '../../utils/current-facility';
import type { Me } from '../../utils/messages';
import { ChecklistTemplateEditor } from '../checklists/checklist-template-editor';
import { TrackerGrid } from '../checklists/tracker-grid';
import { type PagePrefill, watchPrefill } from '../page-match/page-prefill';
import { PendingPool } from '../providers/pending-pool';
import { PatientPage } from '../shell/record-pages';
import { BulkServices } from './bulk-services';
import { FacilityChoiceModel } from './facility-choice-model';
import { PatientForm } from './patient-form';
import { RosterImport } from './roster-import';
import { ServiceCatalogue } from './service-catalogue';

type View =
  | { kind: 'list' }
  | { kind: 'add' }
  | { kind: 'import' }
  | { kind: 'bulk' }
  | { kind: 'catalogue' }
  | { kind: 'tracker' }
  | { kind: 'template' }
  | { kind: 'pool' }
  | { kind: 'detail'; id: string };

/** Patients of the current facility (spec 000, steps 2 to 4). */
export function PatientsArea({ me }: { me: Me }) {
  const model = useModel(() => new FacilityChoiceModel(me.organization.id));
  const facility = model.facility.value;
  const choices = model.choices.value;

  if (facility === undefined) return <p class="muted">Loading…</p>;
  return (
    <div>
      <label for="current-facility">Facility</label>
      <select
        id="current-facility"
        value={facility?.id ?? ''}
        aria-busy={model.loadingChoices.value}
        onChange={(e) => model.choose(e.currentTarget.value)}
      >
        <option value="">Choose a facility…</option>
        {choices.map((f) => (
          <option value={f.id} key={f.id}>
            {f.name}
          </option>
        ))}
      </select>
      {model.choicesError.value ? (
        <p class="alert error" role="alert">
          {model.choicesError.value}
        </p>
      ) : null}
      {facility ? (
        <FacilityPatients me={me} facility={facility} key={facility.id} />
      ) : (
        <p class="empty" data-testid="empty-state">
          Choose the facility first: patients are always added to a facility.
        </p>
      )}
    </div>
  );
}

function FacilityPatients({ me, facility }: { me: Me; facility: CurrentFacility }) {
  const [view, setView] = useState<View>({ kind: 'list' });
  const [q, setQ] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [prefill, setPrefill] = useState<PagePrefill | null>(null);
  // "Add as patient" on the page card opens the form here, filled from the page.
  useEffect(
    () =>
      watchPrefill('patient', (p) => {
        setPrefill(p);
        setView({ kind: 'add' });
      }),
    [],
  );
  const list = usePagedList({ facilityId: facility.id, q: q.trim() }, (filters, cursor, signal) =>
    call(
      api.patients.$get(
        {
          query: {
            facilityId: filters.facilityId,
            limit: '50',
            cursor,
            ...(filters.q ? { q: filters.q } : {}),
          },
        },
        { init: { signal } },
      ),
    ),
  );
  const canEdit = me.permissions.includes('patients:edit');
  const back = (text?: string) => {
    setMessage(text ?? null);
    setSelected([]);
    list.reload();
    setView({ kind: 'list' });
  };

  if (view.kind === 'add') {
    return (
      <PatientForm
        facilityId={facility.id}
        prefill={prefill}
        onCancel={() => {
          setPrefill(null);
          back();
        }}
        onOpen={(id) => setView({ kind: 'detail', id })}
        onSaved={(p) => {
          setPrefill(null);
          setView({ kind: 'detail', id: p.id });
        }}
      />
    );
  }
  if (view.kind === 'import') {
    return (
      <RosterImport
        facilityId={facility.id}
        facilityName={facility.name}
        onCancel={() => back()}
        onDone={(text) => back(text)}
      />
    );
  }
  if (view.kind === 'bulk')
    return (
      <BulkServices
        patientIds={selected}
        facilityId={facility.id}
        onCancel={() => setView({ kind: 'list' })}
        onDone={(text) => back(text)}
      />
    );
  if (view.kind === 'catalogue') return <ServiceCatalogue onBack={() => back()} />;
  if (view.kind === 'tracker') {
    return (
      <TrackerGrid
        facilityId={facility.id}
        canEdit={canEdit}
        canOverride={canEdit && me.permissions.includes('enrollment:override')}
        onBack={() => back()}
        onOpen={(id) => setView({ kind: 'detail', id })}
      />
    );
  }
  if (view.kind === 'template')
    return (
      <ChecklistTemplateEditor
        facilityId={facility.id}
        facilityName={facility.name}
        canEditOrganisation={me.permissions.includes('patients:full')}
        onBack={() => back()}
      />
    );
  if (view.kind === 'pool')
    return (
      <PendingPool
        facilityId={facility.id}
        canAssign={me.permissions.includes('patients:full')}
        onOpen={(id) => setView({ kind: 'detail', id })}
        onBack={() => back()}
      />
    );
  if (view.kind === 'detail')
    return <PatientPage key={view.id} me={me} patientId={view.id} onBack={() => back()} />;

  return (
    <div>
      {message ? (
        <p class="alert" role="status" data-testid="patients-message">
          {message}
        </p>
      ) : null}
      {canEdit ? (
        <div class="row">
          <button
            type="button"
            class="primary"
            onClick={() => {
              setPrefill(null);
              setView({ kind: 'add' });
            }}
          >
            Add patient
          </button>
          <button type="button" class="primary" onClick={() => setView({ kind: 'import' })}>
            Import roster
          </button>
        </div>
      ) : null}
      {canEdit && selected.length ? (
        <button type="button" class="secondary" onClick={() => setView({ kind: 'bulk' })}>
          Services for {selected.length} selected
        </button>
      ) : null}
      <div class="row">
        <button type="button" class="secondary" onClick={() => setView({ kind: 'tracker' })}>
          Tracker
        </button>
        <button type="button" class="secondary" onClick={() => setView({ kind: 'pool' })}>
          Pending pool
        </button>
      </div>
      {me.permissions.includes('checklist:facility') ? (
        <button type="button" class="link" onClick={() => setView({ kind: 'template' })}>
          Checklist
        </button>
      ) : null}{' '}
      {me.permissions.includes('patients:full') ? (
        <button type="button" class="link" onClick={() => setView({ kind: 'catalogue' })}>
          Service catalogue
        </button>
      ) : null}
      <SearchList
        list={list}
        label="Patients"
        empty={q ? 'No patient matches.' : 'No patients at this facility yet. Add one or import a roster.'}
        filters={
          <div class="filters">
            <label for="patient-q" class="sr-only">
              Search patients
            </label>
            <input
              id="patient-q"
              type="search"
              placeholder="Search by name or MRN"
              value={q}
              onInput={(e) => setQ(e.currentTarget.value)}
            />
          </div>
        }
        row={(p) => (
          <li key={p.id} data-testid="patient-row">
            {canEdit ? (
              <input
                type="checkbox"
                aria-label={`Select ${p.firstName} ${p.lastName}`}
                checked={selected.includes(p.id)}
                onChange={(e) =>
                  setSelected(
                    e.currentTarget.checked ? [...selected, p.id] : selected.filter((x) => x !== p.id),
                  )
                }
              />
            ) : null}
            <button type="button" class="row-link" onClick={() => setView({ kind: 'detail', id: p.id })}>
              <strong>
                {p.lastName}, {p.firstName}
              </strong>
              <span class="muted small">
                Born {formatDate(p.dateOfBirth)}
                {p.roomNumber ? ` · Room ${p.roomNumber}` : ''} · {ENROLLMENT_LABELS[p.enrollmentStatus]}
              </span>
            </button>
          </li>
        )}
      />
    </div>
  );
}
