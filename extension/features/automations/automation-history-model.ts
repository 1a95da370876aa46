import { createModel } from '@preact/signals';
import type { AutomationTouch, AutomationTouchQuery } from '../../../shared/schemas/automation-touches';
import { api, call } from '../../api/client';
import { wholeList } from './automation-lists-model';

/** Whose history: a patient's (with their cases'), a lead's or one case's. */
export type TouchSubject = { patientId: string } | { leadId: string } | { caseId: string };

/** The automations that acted on one record, newest first (one answer: the API does not page it). */
export const AutomationHistoryModel = createModel((subject: TouchSubject) => {
  const query: AutomationTouchQuery = subject;
  return wholeList<AutomationTouch>(() => call(api['automation-touches'].$get({ query })));
});
