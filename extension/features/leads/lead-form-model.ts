import { action, computed, createModel, effect, signal } from '@preact/signals';
import { guardianProblem } from '../../../shared/guardian';
import { api, call } from '../../api/client';
import { fieldErrorsFrom } from '../../utils/field-errors';
import type { LeadCapture, SavedLeadReply } from '../../utils/messages';
import { sendMessage } from '../../utils/send-message';
import type { DuplicateMatch, Lead, Source } from './lead-api-types';
import { createBody, matchQuery, startValues, updateBody, type Values } from './lead-form-values';
import { ageOn } from './lead-person';
import { ReferrerMatchModel } from './referrer-match-model';

export type LeadFormSetup = {
  lead: Lead | undefined;
  capture: LeadCapture | undefined;
  sources: Source[];
  canAssign: boolean;
  /** May look up the referral directory (referrals:view) and record referrals (referrals:edit). */
  directory?: { canView: boolean; canRecord: boolean };
};

export type LeadFormOutcome = { updated: Lead } | { saved: SavedLeadReply } | null;

/**
 * A lead being added or edited: its values, the errors the server found, and
 * the likely duplicates looked up while the person types.
 */
export const LeadFormModel = createModel((setup: LeadFormSetup) => {
  const values = signal<Values>(startValues(setup.lead, setup.capture, setup.sources));
  const errors = signal<Record<string, string>>({});
  const matches = signal<DuplicateMatch[]>([]);
  const saving = signal(false);
  // One key per form: a double click or a retry after a lost answer creates one lead.
  const idempotencyKey = crypto.randomUUID();
  const named = setup.lead ? undefined : setup.capture?.fields.referrer;
  // A dentist the capture names is looked up in the directory while the person checks the form.
  const referrer = signal(
    named && setup.directory?.canView
      ? new ReferrerMatchModel({ name: named, canRecord: setup.directory.canRecord })
      : null,
  );
  const age = computed(() => (values.value.dateOfBirth ? ageOn(values.value.dateOfBirth) : null));
  const minor = computed(() => age.value !== null && age.value < 18);

  const set = action((key: keyof Values, value: string) => {
    values.value = { ...values.value, [key]: value };
  });

  // The duplicate check runs 400 ms after the identifying fields stop changing.
  const checkKey = computed(() => {
    const v = values.value;
    return [v.firstName, v.lastName, v.email, v.guardianEmail, v.phone, v.dateOfBirth].join('|');
  });
  effect(() => {
    const key = checkKey.value;
    const body = matchQuery(values.peek());
    if (!body.email && !body.responsiblePartyEmail && !body.phone && !body.dateOfBirth) {
      matches.value = [];
      return;
    }
    const timer = setTimeout(() => {
      call(api.leads.match.$post({ json: body })).then(
        (r) => {
          if (checkKey.peek() === key) matches.value = r.items.filter((m) => m.id !== setup.lead?.id);
        },
        () => undefined,
      );
    }, 400);
    return () => clearTimeout(timer);
  });

  const save = action(async (): Promise<LeadFormOutcome> => {
    const v = values.value;
    saving.value = true;
    errors.value = {};
    const party = createBody(v, undefined, false).responsibleParty;
    const problem = guardianProblem(v, party, new Date().toISOString().slice(0, 10));
    if (problem) {
      // The form shows the missing guardian under the name field.
      const path = problem.path === 'responsibleParty' ? 'responsibleParty.name' : problem.path;
      errors.value = { [path]: problem.message };
      saving.value = false;
      return null;
    }
    try {
      if (setup.lead)
        return {
          updated: await call(api.leads[':id'].$patch({ param: { id: setup.lead.id }, json: updateBody(v) })),
        };
      const body = createBody(v, setup.capture, setup.canAssign);
      const from = referrer.value?.toRecord.value;
      // With a directory entry chosen, the lead and its referral are saved together (all or nothing).
      if (from)
        return {
          saved: await call(
            api.referrals['with-lead'].$post(
              {
                json: {
                  providerId: from.id,
                  referralDate: new Date().toISOString().slice(0, 10),
                  channel: setup.capture?.channel === 'email' ? 'email' : 'web_form',
                  lead: body,
                },
              },
              { headers: { 'Idempotency-Key': idempotencyKey } },
            ),
          ),
        };
      return { saved: await sendMessage('saveLead', { body, idempotencyKey }) };
    } catch (err) {
      errors.value = fieldErrorsFrom(err);
      return null;
    } finally {
      saving.value = false;
    }
  });

  return { values, errors, matches, saving, age, minor, referrer, set, save };
});
