import { useModel } from '@preact/signals';
import { useState } from 'preact/hooks';
import { ShowMore } from '../../ui/show-more';
import { TemplateListModel } from './template-list-model';

type Summary = {
  name: string;
  latestVersion: { version: number } | null;
  hasUnpublishedChanges: boolean;
};

function TemplateSummary({ template: t }: { template: Summary }) {
  return (
    <>
      <strong>{t.name}</strong>
      <span class="muted small">
        {t.latestVersion ? `Version ${t.latestVersion.version}` : 'Not published'}
        {t.hasUnpublishedChanges && t.latestVersion ? ' · unpublished changes' : ''}
      </span>
    </>
  );
}

/** The organisation's forms, with a box to create one (intake:configure). */
export function TemplateList(props: {
  canConfigure: boolean;
  onOpen: (id: string) => void;
  onCreate: (name: string) => void;
}) {
  const model = useModel(TemplateListModel);
  const list = {
    items: model.list.items.value,
    loading: model.list.loading.value,
    hasMore: model.list.hasMore.value,
    more: model.list.more,
  };
  const [name, setName] = useState('');
  return (
    <div data-testid="template-list">
      {props.canConfigure ? (
        <form
          class="inline-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            props.onCreate(name);
          }}
        >
          <label class="sr-only" for="new-template">
            New form name
          </label>
          <input
            id="new-template"
            class="grow"
            placeholder="New form, e.g. New patient intake"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <button type="submit" class="secondary auto-width">
            Create
          </button>
        </form>
      ) : null}
      {!list.loading && list.items.length === 0 ? (
        <p class="empty">
          No forms yet.{props.canConfigure ? ' Create one: it starts from a complete new-patient form.' : ''}
        </p>
      ) : null}
      <ul class="list" aria-busy={list.loading}>
        {list.items.map((t) => (
          <li key={t.id} data-testid="template-row">
            {props.canConfigure ? (
              <button type="button" class="row-link" onClick={() => props.onOpen(t.id)}>
                <TemplateSummary template={t} />
              </button>
            ) : (
              // Someone who cannot change forms reads the list; a row that does nothing does not look like a button.
              <div class="row-text">
                <TemplateSummary template={t} />
              </div>
            )}
          </li>
        ))}
      </ul>
      <ShowMore list={list} />
    </div>
  );
}
