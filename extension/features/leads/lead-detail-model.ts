import { action, createModel, signal } from '@preact/signals';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../../api/client';
import { newestWins } from '../../ui/newest-wins';
import type {
  Activity,
  DuplicateMatch,
  Lead,
  LeadScore,
  LeadTask,
  MergeAttribution,
  RemindersTo,
} from './lead-api-types';
import type { Notice } from './leads-model';

type Facility = InferResponseType<(typeof api)['facilities']['$get'], 200>['items'][number];
type Loaded = {
  lead: Lead;
  timeline: Activity[];
  tasks: LeadTask[];
  remindersTo: RemindersTo;
  score: LeadScore;
};

/** A small form's sending state: its own error, and whether it is saving. */
function submitState() {
  const error = signal<string | null>(null);
  const saving = signal(false);
  /** Runs one save; true when it went through. */
  const run = action(async (save: () => Promise<unknown>) => {
    saving.value = true;
    error.value = null;
    try {
      await save();
      return true;
    } catch (e) {
      error.value = (e as Error).message;
      return false;
    } finally {
      saving.value = false;
    }
  });
  const refuse = action((text: string | null) => {
    error.value = text;
  });
  return { error, saving, run, refuse };
}

/**
 * One lead's page: the lead with its timeline, follow-ups and score, and
 * every change made from it (each reloads the page's data once it is saved).
 */
export const LeadDetailModel = createModel(
  (
    leadId: string,
    duplicatesAtCreation: DuplicateMatch[],
    /** Told after a change that moves the pipeline's counts (a coordinator's open leads). */
    onCountsChanged: () => void = () => undefined,
  ) => {
    const data = signal<Loaded | null>(null);
    const message = signal<Notice | null>(null);
    const duplicates = signal(duplicatesAtCreation);
    const editing = signal(false);
    const converting = signal(false);
    const facilities = signal<Facility[] | null>(null);
    const param = { id: leadId };
    const lead = api.leads[':id'];
    const tasks = submitState();
    const timeline = submitState();
    const conversion = submitState();

    const keepNewest = newestWins();

    const load = action(async () => {
      try {
        await keepNewest(
          () =>
            Promise.all([
              call(lead.$get({ param })),
              call(lead.timeline.$get({ param })),
              call(lead.tasks.$get({ param })),
              call(lead.score.$get({ param })),
            ]),
          ([found, timelineItems, taskItems, score]) => {
            data.value = {
              lead: found,
              timeline: timelineItems.items,
              tasks: taskItems.items,
              remindersTo: taskItems.remindersTo,
              score,
            };
          },
        );
      } catch (e) {
        message.value = { text: (e as Error).message, error: true };
      }
    });

    const act = action(async (run: () => Promise<unknown>, done: string) => {
      message.value = null;
      try {
        await run();
        message.value = { text: done, error: false };
        onCountsChanged();
        await load();
      } catch (e) {
        message.value = { text: (e as Error).message, error: true };
      }
    });

    const moveTo = action((stageId: string, stageName: string | undefined) =>
      act(
        () => call(lead.stage.$post({ param, json: { stageId } })),
        `Moved to ${stageName ?? 'the stage'}.`,
      ),
    );
    const assign = action((coordinatorId: string) =>
      act(() => call(lead.assign.$post({ param, json: { coordinatorId } })), 'Coordinator assigned.'),
    );
    const assignRoundRobin = action(() =>
      act(
        () => call(lead.assign.$post({ param, json: {} })),
        'Assigned to the coordinator with the fewest open leads.',
      ),
    );

    /**
     * The older lead keeps its history; this capture's details join it, and the
     * older lead's source keeps the credit unless `attribution` says this one's.
     * True once merged.
     */
    const mergeInto = action(async (olderId: string, attribution: MergeAttribution) => {
      try {
        await call(
          api.leads[':id'].merge.$post({
            param: { id: olderId },
            json: { duplicateId: leadId, attribution },
          }),
        );
        onCountsChanged();
        return true;
      } catch (e) {
        message.value = { text: (e as Error).message, error: true };
        return false;
      }
    });
    const keepBoth = action(() => {
      duplicates.value = [];
    });

    const setEditing = action((on: boolean) => {
      editing.value = on;
    });
    const edited = action(() => {
      editing.value = false;
      message.value = { text: 'Changes saved.', error: false };
      load();
    });

    const setConverting = action((on: boolean) => {
      converting.value = on;
      conversion.refuse(null);
      if (on && !facilities.value)
        call(api.facilities.$get({ query: { limit: '200', sort: 'name' } })).then(
          (r) => {
            facilities.value = r.items;
          },
          (e: Error) => conversion.refuse(e.message),
        );
    });
    const convert = action(async (facilityId: string, dateOfBirth: string, name: string) => {
      if (!facilityId || !dateOfBirth) {
        conversion.refuse('Choose the facility or location and give the date of birth.');
        return;
      }
      if (
        await conversion.run(() => call(lead.convert.$post({ param, json: { facilityId, dateOfBirth } })))
      ) {
        converting.value = false;
        message.value = { text: `${name} is now a patient.`, error: false };
        onCountsChanged();
        load();
      }
    });

    const addTask = action(async (title: string, due: string) => {
      const dueAt = new Date(due);
      if (!title.trim() || Number.isNaN(dueAt.getTime())) {
        tasks.refuse('Give the follow-up a title and a due time.');
        return false;
      }
      const ok = await tasks.run(() =>
        call(lead.tasks.$post({ param, json: { title, dueAt: dueAt.toISOString() } })),
      );
      if (ok) load();
      return ok;
    });
    const toggleTask = action(async (task: LeadTask) => {
      tasks.refuse(null);
      try {
        await call(
          lead.tasks[':taskId'].$patch({
            param: { id: leadId, taskId: task.id },
            json: { done: !task.done },
          }),
        );
        load();
      } catch (e) {
        tasks.refuse((e as Error).message);
      }
    });

    const logActivity = action(async (kind: 'note' | 'call' | 'email', text: string) => {
      if (!text.trim()) {
        timeline.refuse('Write what happened first.');
        return false;
      }
      const ok = await timeline.run(() =>
        call(api.leads[':id'].activities.$post({ param: { id: leadId }, json: { kind, text } })),
      );
      if (ok) load();
      return ok;
    });

    load();

    return {
      data,
      message,
      duplicates,
      editing,
      converting,
      facilities,
      tasks,
      timeline,
      conversion,
      load,
      moveTo,
      assign,
      assignRoundRobin,
      mergeInto,
      keepBoth,
      setEditing,
      edited,
      setConverting,
      convert,
      addTask,
      toggleTask,
      logActivity,
    };
  },
);

export type LeadDetailState = InstanceType<typeof LeadDetailModel>;
