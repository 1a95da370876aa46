import type { InferResponseType } from 'hono/client';
import type { api } from '../../api/client';

type Ok<T> = InferResponseType<T, 200>;

/** A template with its draft definition, as the builder edits it. */
export type IntakeTemplate = Ok<(typeof api)['intake-templates'][':id']['$get']>;
export type IntakeTemplateSummary = Ok<(typeof api)['intake-templates']['$get']>['items'][number];
export type IntakeRequest = Ok<(typeof api)['intake-requests']['$get']>['items'][number];
export type IntakeSubmissionSummary = Ok<(typeof api)['intake-submissions']['$get']>['items'][number];
export type IntakeSubmission = Ok<(typeof api)['intake-submissions'][':id']['$get']>;
export type IntakeChanges = Ok<(typeof api)['intake-submissions'][':id']['changes']['$get']>;
