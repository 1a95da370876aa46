import { api, call } from '../../api/client';
import type { Coordinator, Source, Stage } from './lead-api-types';

export type Reference = { stages: Stage[]; sources: Source[]; coordinators: Coordinator[] };

/** The pipeline's stages, sources and coordinators: what every lead screen reads names from. */
export async function loadLeadReference(): Promise<Reference> {
  const [stages, sources, coordinators] = await Promise.all([
    call(api['pipeline-stages'].$get()),
    call(api['lead-sources'].$get()),
    // Someone who may not assign still sees the pipeline, without names to choose from.
    call(api['lead-coordinators'].$get()).catch(() => ({ items: [] })),
  ]);
  return { stages: stages.items, sources: sources.items, coordinators: coordinators.items };
}
