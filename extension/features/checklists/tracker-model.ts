import { action, createModel, effect, signal } from '@preact/signals';
import type { EnrollmentStatus } from '../../../shared/enrollment';
import type { TrackerGrid } from '../../../shared/schemas/checklists';
import type { Patient } from '../../../shared/schemas/patients';
import { api, call } from '../../api/client';

export type TrackerSort = 'name' | 'status' | 'progress' | 'updated';
type Filters = { status: EnrollmentStatus | ''; missing: string; q: string; sort: TrackerSort };

/** The patient tracker of one facility: its filters, the grid they select, and changes made from a row. */
export const TrackerModel = createModel((facilityId: string) => {
  const grid = signal<TrackerGrid | null>(null);
  const error = signal<string | null>(null);
  const filters = signal<Filters>({ status: '', missing: '', q: '', sort: 'name' });
  // Only the newest load may write: a slow answer must not replace a newer filter's.
  let latest = 0;

  const load = async () => {
    const ticket = ++latest;
    const f = filters.peek();
    const query = {
      facilityId,
      sort: f.sort,
      ...(f.status ? { status: f.status } : {}),
      ...(f.missing ? { missing: f.missing } : {}),
      ...(f.q.trim() ? { q: f.q.trim() } : {}),
    };
    try {
      const next = await call(api.tracker.$get({ query }));
      if (ticket === latest) grid.value = next;
    } catch (e) {
      if (ticket === latest) error.value = (e as Error).message;
    }
  };
  effect(() => {
    filters.value;
    load();
  });

  const change = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (e) {
      error.value = (e as Error).message;
    }
    await load();
  };

  return {
    grid,
    error,
    filters,
    /** Shows the saved values again (a status change was abandoned). */
    reload: action(() => load()),
    filter: action((next: Partial<Filters>) => {
      filters.value = { ...filters.peek(), ...next };
    }),
    setStatus: action((id: string, status: EnrollmentStatus, reason: string) =>
      change(() => call(api.patients[':id'].status.$post({ param: { id }, json: { status, reason } }))),
    ),
    update: action((id: string, json: Partial<Pick<Patient, 'visitPreference' | 'meetingStatus'>>) =>
      change(() => call(api.patients[':id'].$patch({ param: { id }, json }))),
    ),
  };
});
