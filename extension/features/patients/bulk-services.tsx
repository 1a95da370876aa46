import { useModel } from '@preact/signals';
import { BulkServicesModel } from './service-catalogue-model';
import { ServicesPicker } from './services-picker';

/** One service selection applied to many patients at once (spec 000, step 4). */
export function BulkServices(props: {
  patientIds: string[];
  facilityId: string;
  onDone: (text: string) => void;
  onCancel: () => void;
}) {
  const model = useModel(() => new BulkServicesModel(props.patientIds, props.facilityId));
  const { chosen, all, saving } = {
    chosen: model.chosen.value,
    all: model.all.value,
    saving: model.saving.value,
  };
  const categories = model.categories.value;
  const error = model.error.value ?? model.catalogue.message.value?.text ?? null;
  const save = () =>
    model.save().then((patients) => {
      if (patients !== null)
        props.onDone(`Services saved for ${patients} patient${patients === 1 ? '' : 's'}.`);
    });

  return (
    <section class="area" aria-labelledby="bulk-title" data-testid="bulk-services">
      <h2 id="bulk-title">
        Services for {props.patientIds.length} patient{props.patientIds.length === 1 ? '' : 's'}
      </h2>
      <p class="muted small">This replaces the services these patients have now.</p>
      {error ? (
        <p class="alert error" role="alert">
          {error}
        </p>
      ) : null}
      {categories ? (
        <ServicesPicker
          catalogue={model.catalogue.active.value}
          categories={categories}
          chosen={chosen}
          all={all}
          onChange={(next) => model.pick(next)}
        />
      ) : null}
      <div class="row">
        <button type="button" class="secondary" onClick={props.onCancel} disabled={saving}>
          Cancel
        </button>
        <button
          type="button"
          class="primary"
          onClick={save}
          disabled={saving || !categories?.length || (!all && chosen.length === 0)}
        >
          {saving ? 'Saving…' : 'Save services'}
        </button>
      </div>
    </section>
  );
}
