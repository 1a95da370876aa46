import { createModel, signal } from '@preact/signals';
import { api, call } from '../../api/client';
import type { Activity, Lead, Source } from './lead-api-types';

type Origin = { lead: Lead; source: Source | null; timeline: Activity[] };

/** The lead a patient was converted from: the lead, its source and its timeline, read once. */
export const LeadOriginModel = createModel((leadId: string) => {
  const origin = signal<Origin | null>(null);
  const error = signal<string | null>(null);
  const param = { id: leadId };
  Promise.all([
    call(api.leads[':id'].$get({ param })),
    call(api.leads[':id'].timeline.$get({ param })),
    call(api['lead-sources'].$get()),
  ]).then(
    ([lead, timeline, sources]) => {
      origin.value = {
        lead,
        source: sources.items.find((s) => s.id === lead.sourceId) ?? null,
        timeline: timeline.items,
      };
    },
    (e: Error) => {
      error.value = e.message;
    },
  );
  return { origin, error };
});
