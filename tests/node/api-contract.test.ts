import { hc, type InferRequestType, type InferResponseType } from 'hono/client';
import { describe, expectTypeOf, it } from 'vitest';
import type { Me } from '../../shared/schemas/auth';
import type { Page } from '../../shared/schemas/common';
import type { SignatureRecord } from '../../shared/schemas/intake-api';
import type { Lead, LeadAnalytics, leadSchema } from '../../shared/schemas/leads';
import type { ApiSubApps, AppType } from '../../worker/app';

// Never called: the client only needs a fetch to be built, and these checks are about types.
const client = hc<AppType>('http://localhost', { fetch: () => Promise.resolve(new Response()) });
const v1 = client.api.v1;

/**
 * The panel's contract: these checks fail to compile when a router's chain is broken (its
 * routes vanish from `AppType`), when a path changes, or when a response schema loses a field.
 */
describe('AppType carries every API route with its types', () => {
  it('types a lead and its page', () => {
    type Lead = InferResponseType<(typeof v1.leads)[':id']['$get'], 200>;
    expectTypeOf<Lead['id']>().toEqualTypeOf<string>();
    expectTypeOf<Lead>().toHaveProperty('firstName');
    expectTypeOf<Lead>().toHaveProperty('stageId');

    type Page = InferResponseType<typeof v1.leads.$get, 200>;
    expectTypeOf<Page['items'][number]>().toEqualTypeOf<Lead>();
    expectTypeOf<Page>().toHaveProperty('nextCursor');

    type Created = InferResponseType<typeof v1.leads.$post, 201>;
    expectTypeOf<Created['lead']>().toEqualTypeOf<Lead>();
    expectTypeOf<Created>().toHaveProperty('likelyDuplicates');
  });

  it('types request bodies and parameters', () => {
    type Move = InferRequestType<(typeof v1.leads)[':id']['stage']['$post']>;
    expectTypeOf<Move['param']>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<Move['json']>().toHaveProperty('stageId');
  });

  it('types the intake signature record with its consent fields', () => {
    type Submission = InferResponseType<(typeof v1)['intake-submissions'][':id']['$get'], 200>;
    type Signature = Submission['signatures'][number];
    expectTypeOf<Signature['consentFieldIds']>().toEqualTypeOf<string[]>();
    expectTypeOf<Signature['kind']>().toEqualTypeOf<'drawn' | 'typed'>();
  });

  it('types who is signed in', () => {
    type Me = InferResponseType<typeof v1.me.$get, 200>;
    expectTypeOf<Me>().toHaveProperty('permissions');
    expectTypeOf<Me>().toHaveProperty('organization');
  });

  it('has every mounted resource', () => {
    expectTypeOf(v1.auth.login.$post).toBeFunction();
    expectTypeOf(v1.organization.$patch).toBeFunction();
    expectTypeOf(v1.members.$get).toBeFunction();
    expectTypeOf(v1.invitations.$get).toBeFunction();
    expectTypeOf(v1.audit.$get).toBeFunction();
    expectTypeOf(v1.facilities.$get).toBeFunction();
    expectTypeOf(v1.facilities[':id'].documents.$get).toBeFunction();
    expectTypeOf(v1.patients.$get).toBeFunction();
    expectTypeOf(v1.patients.import.commit.$post).toBeFunction();
    expectTypeOf(v1.patients[':id'].checklist.$get).toBeFunction();
    expectTypeOf(v1['checklist-templates'].$get).toBeFunction();
    expectTypeOf(v1.tracker.$get).toBeFunction();
    expectTypeOf(v1.providers.$get).toBeFunction();
    expectTypeOf(v1.assignments.$post).toBeFunction();
    expectTypeOf(v1.leads.analytics.$get).toBeFunction();
    expectTypeOf(v1.leads[':id'].tasks.$get).toBeFunction();
    expectTypeOf(v1.leads[':id'].score.$get).toBeFunction();
    expectTypeOf(v1['lead-sources'].$get).toBeFunction();
    expectTypeOf(v1['lead-scoring-rules'].$put).toBeFunction();
    expectTypeOf(v1['pipeline-stages'].$get).toBeFunction();
    expectTypeOf(v1['lead-coordinators'].$get).toBeFunction();
    expectTypeOf(v1['lead-form'].$get).toBeFunction();
    expectTypeOf(v1['intake-templates'].$get).toBeFunction();
    expectTypeOf(v1['intake-requests'].$get).toBeFunction();
    expectTypeOf(v1.public.leads[':key'].$post).toBeFunction();
    expectTypeOf(v1.services.$get).toBeFunction();
  });

  it('keeps routes that answer 204 with no body', () => {
    expectTypeOf(v1.invitations[':id']).toHaveProperty('$delete');
    expectTypeOf(v1.leads[':id'].activities).toHaveProperty('$post');
    expectTypeOf(v1.auth.logout).toHaveProperty('$post');
  });

  it('rejects a path the worker does not serve', () => {
    // @ts-expect-error no such resource
    expectTypeOf(v1.lead.$get).toBeFunction();
    // @ts-expect-error leads are not deleted
    expectTypeOf(v1.leads[':id'].$delete).toBeFunction();
  });
});

describe("the client types are the shared schemas' inferred types", () => {
  it('matches Lead, LeadAnalytics, IntakeSubmission and Me', () => {
    expectTypeOf<InferResponseType<(typeof v1.leads)[':id']['$get'], 200>>().toEqualTypeOf<Lead>();
    expectTypeOf<InferResponseType<typeof v1.leads.$get, 200>>().toEqualTypeOf<Page<typeof leadSchema>>();
    expectTypeOf<InferResponseType<typeof v1.leads.analytics.$get, 200>>().toEqualTypeOf<LeadAnalytics>();
    expectTypeOf<
      InferResponseType<(typeof v1)['intake-submissions'][':id']['$get'], 200>['signatures']
    >().toEqualTypeOf<SignatureRecord[]>();
    expectTypeOf<InferResponseType<typeof v1.me.$get, 200>>().toEqualTypeOf<Me>();
  });
});

describe('ApiSubApps types one resource at a time', () => {
  it('types a client of the leads sub-app alone', () => {
    type Leads = ApiSubApps['leads'];
    const leads = hc<Leads['routes']>('http://localhost/api/v1/leads');
    expectTypeOf<Leads['path']>().toEqualTypeOf<'/api/v1/leads'>();
    type Lead = InferResponseType<(typeof leads)[':id']['$get'], 200>;
    expectTypeOf<Lead['stageId']>().toEqualTypeOf<string>();
  });
});
