import { action, createModel, signal } from '@preact/signals';
import { api, call } from '../../api/client';
import type { IntakeTemplate } from './intake-api-types';

export type IntakeTab = 'forms' | 'sent' | 'submissions';
export type IntakeView =
  | { kind: 'list'; tab: IntakeTab }
  | { kind: 'builder'; template: IntakeTemplate }
  | { kind: 'review'; id: string; from: 'sent' | 'submissions' };

/** The Intake area: which screen shows, and opening or creating a template in the builder. */
export const IntakeAreaModel = createModel(() => {
  const view = signal<IntakeView>({ kind: 'list', tab: 'forms' });
  const message = signal<{ text: string; error: boolean } | null>(null);

  const show = action((next: IntakeView) => {
    view.value = next;
  });
  const builderClosed = action((text?: string) => {
    message.value = text ? { text, error: false } : null;
    view.value = { kind: 'list', tab: 'forms' };
  });
  const fail = action((text: string) => {
    message.value = { text, error: true };
  });

  const openTemplate = action(async (id: string) => {
    try {
      view.value = {
        kind: 'builder',
        template: await call(api['intake-templates'][':id'].$get({ param: { id } })),
      };
    } catch (e) {
      fail((e as Error).message);
    }
  });
  const createTemplate = action(async (name: string) => {
    try {
      view.value = {
        kind: 'builder',
        template: await call(api['intake-templates'].$post({ json: { name } })),
      };
    } catch (e) {
      fail((e as Error).message);
    }
  });

  return { view, message, show, builderClosed, openTemplate, createTemplate };
});
