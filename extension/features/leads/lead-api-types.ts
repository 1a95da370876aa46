import type { InferResponseType } from 'hono/client';
import type { LEAD_CHANNELS } from '../../../shared/schemas/leads';
import type { api } from '../../api/client';

export type {
  DuplicateMatch,
  Lead,
  LeadActivity as Activity,
  LeadAnalytics,
  LeadScore,
  LeadTask,
  MergeAttribution,
  RemindersTo,
  ScoringRules,
} from '../../../shared/schemas/leads';
export type { Source, Stage } from '../../../shared/schemas/pipeline';

/** A coordinator with their open leads, as the assignment list answers. */
export type Coordinator = InferResponseType<(typeof api)['lead-coordinators']['$get'], 200>['items'][number];

/** The channels a new source may be given (a stored source's channel reads as any string). */
export type LeadChannel = (typeof LEAD_CHANNELS)[number];
