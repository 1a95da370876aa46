import { action, createModel, signal } from '@preact/signals';
import type {
  ChecklistTemplate,
  TemplateChangePreviewInput,
  TemplatePreview,
} from '../../../shared/schemas/checklists';
import { api, call } from '../../api/client';
import type { Notice } from '../../ui/notice';

type TemplateItem = ChecklistTemplate['items'][number];
export type ItemDraft = {
  title: string;
  kind: 'task' | 'document';
  required: boolean;
  intakeTemplateId: string;
  /** An onboarding item, or a task a discharge adds. */
  appliesOn: 'enrollment' | 'discharge';
};

/** A change shown with who it reaches before it is saved. */
export type PendingChange = { label: string; preview: TemplatePreview; apply: () => Promise<boolean> };

/**
 * The checklist that governs one facility (its own, or the organisation's) and
 * the administrator's changes. An item change is first previewed (who it
 * reaches and whose status moves) and saved only when confirmed; each save
 * answers with the template and how many patients' checklists it reached.
 */
export const TemplateEditorModel = createModel((facilityId: string, facilityName: string) => {
  const template = signal<ChecklistTemplate | null>(null);
  /** Published intake forms an item can wait for; empty without intake access. */
  const forms = signal<{ id: string; name: string }[]>([]);
  const message = signal<Notice | null>(null);
  const pending = signal<PendingChange | null>(null);

  call(api['checklist-templates'].$get({ query: { facilityId } })).then(
    (t) => {
      template.value = t;
    },
    (e: Error) => {
      message.value = { text: e.message, error: true };
    },
  );
  call(api['intake-templates'].$get({ query: {} })).then(
    (page) => {
      forms.value = page.items.filter((t) => t.latestVersion);
    },
    () => undefined,
  );

  /** Runs one change; true when it went through. */
  const change = async (work: (templateId: string) => Promise<ChecklistTemplate>, done: string) => {
    const current = template.peek();
    if (!current) return false;
    try {
      const next = await work(current.id);
      template.value = next;
      const reached = next.patientsUpdated ?? 0;
      message.value = {
        text: `${done}${reached ? ` ${reached} patient checklist${reached === 1 ? '' : 's'} updated.` : ''}`,
        error: false,
      };
      return true;
    } catch (e) {
      message.value = { text: (e as Error).message, error: true };
      return false;
    }
  };
  const items = api['checklist-templates'][':id'].items;
  const itemParam = (id: string, item: TemplateItem) => ({ id, itemId: item.id });

  /** Asks who `body` would reach; the change waits in `pending` until confirmed. */
  const propose = async (body: TemplateChangePreviewInput, label: string, apply: () => Promise<boolean>) => {
    const current = template.peek();
    if (!current) return false;
    try {
      const preview = await call(
        api['checklist-templates'][':id'].preview.$post({ param: { id: current.id }, json: body }),
      );
      pending.value = { label, preview, apply };
      return true;
    } catch (e) {
      message.value = { text: (e as Error).message, error: true };
      return false;
    }
  };

  return {
    template,
    forms,
    message,
    ownChecklist: action(() =>
      change(
        () => call(api['checklist-templates']['facility-override'].$post({ json: { facilityId } })),
        `${facilityName} now has its own checklist.`,
      ),
    ),
    pending,
    confirm: action(async () => {
      const next = pending.peek();
      if (!next) return false;
      const saved = await next.apply();
      pending.value = null;
      return saved;
    }),
    cancel: action(() => {
      pending.value = null;
    }),
    setRequired: action((item: TemplateItem, required: boolean) =>
      propose(
        { op: 'update', itemId: item.id, changes: { required } },
        `Make ${item.title} ${required ? 'required' : 'optional'}`,
        () =>
          change(
            (id) => call(items[':itemId'].$patch({ param: itemParam(id, item), json: { required } })),
            'Saved.',
          ),
      ),
    ),
    rename: action((item: TemplateItem, title: string) =>
      propose({ op: 'update', itemId: item.id, changes: { title } }, `Rename ${item.title} to ${title}`, () =>
        change(
          (id) => call(items[':itemId'].$patch({ param: itemParam(id, item), json: { title } })),
          'Renamed.',
        ),
      ),
    ),
    remove: action((item: TemplateItem) =>
      propose({ op: 'remove', itemId: item.id }, `Remove ${item.title}`, () =>
        change(
          (id) => call(items[':itemId'].$delete({ param: itemParam(id, item) })),
          `${item.title} removed.`,
        ),
      ),
    ),
    move: action((index: number, by: number) => {
      const ids = (template.peek()?.items ?? []).map((i) => i.id);
      const [moved] = ids.splice(index, 1);
      if (!moved) return Promise.resolve(false);
      ids.splice(index + by, 0, moved);
      return change(
        (id) => call(api['checklist-templates'][':id'].order.$put({ param: { id }, json: { itemIds: ids } })),
        'Order saved.',
      );
    }),
    add: action((draft: ItemDraft) => {
      const item = {
        title: draft.title,
        kind: draft.kind,
        required: draft.required,
        ...(draft.intakeTemplateId ? { intakeTemplateId: draft.intakeTemplateId } : {}),
        ...(draft.appliesOn === 'discharge' ? { appliesOn: draft.appliesOn } : {}),
      };
      return propose({ op: 'add', item }, `Add ${draft.title.trim()}`, () =>
        change((id) => call(items.$post({ param: { id }, json: item })), `${draft.title.trim()} added.`),
      );
    }),
  };
});
