import { action, createModel, signal } from '@preact/signals';
import type { Rule } from '../../../shared/schemas/automation-rules';
import type { MessageTemplate } from '../../../shared/schemas/message-templates';
import { api, call } from '../../api/client';

/**
 * A whole list the API answers at once (rules, templates, webhook endpoints
 * and one record's automation history are few, so none is paged), with its
 * loading and error state.
 */
export function wholeList<T>(fetchAll: () => Promise<{ items: T[] }>) {
  const items = signal<T[]>([]);
  const loading = signal(true);
  const error = signal<string | null>(null);
  const reload = action(async () => {
    loading.value = true;
    error.value = null;
    try {
      items.value = (await fetchAll()).items;
    } catch (e) {
      error.value = (e as Error).message;
    } finally {
      loading.value = false;
    }
  });
  void reload();
  return { items, loading, error, reload };
}

export const RuleListModel = createModel(() => wholeList<Rule>(() => call(api['automation-rules'].$get())));

export const TemplateListModel = createModel(() =>
  wholeList<MessageTemplate>(() => call(api['message-templates'].$get())),
);
