import { useModel } from '@preact/signals';
import { Field, FieldError } from '../../ui/field';
import { clockOf, minuteOf, SendingSettingsModel } from './sending-settings-model';

/** Quiet hours, the organisation's time zone and the daily cap per recipient. */
export function SendingSettings({ canEdit }: { canEdit: boolean }) {
  const model = useModel(SendingSettingsModel);
  const s = model.settings.value;
  const errors = model.errors.value;
  const notice = model.notice.value;
  const save = (e: Event) => {
    e.preventDefault();
    void model.save();
  };
  return (
    <form class="area" onSubmit={save} aria-labelledby="sending-title" data-testid="sending-settings">
      <h3 id="sending-title">Sending settings</h3>
      {notice ? (
        <p class={notice.error ? 'alert error' : 'alert'} role={notice.error ? 'alert' : 'status'}>
          {notice.text}
        </p>
      ) : null}
      {s ? (
        <fieldset disabled={!canEdit}>
          <Field
            id="sending-time-zone"
            label="Time zone"
            hint="Quiet hours and the daily cap follow this clock, e.g. America/New_York."
            value={s.timeZone}
            error={errors.timeZone}
            onInput={(timeZone) => model.change({ timeZone })}
          />
          <div class="two">
            <div>
              <label for="sending-quiet-start">Quiet from</label>
              <input
                id="sending-quiet-start"
                type="time"
                value={clockOf(s.quietStartMinute)}
                onInput={(e) => model.change({ quietStartMinute: minuteOf(e.currentTarget.value) })}
              />
            </div>
            <div>
              <label for="sending-quiet-end">until</label>
              <input
                id="sending-quiet-end"
                type="time"
                value={clockOf(s.quietEndMinute)}
                onInput={(e) => model.change({ quietEndMinute: minuteOf(e.currentTarget.value) })}
              />
            </div>
          </div>
          <p class="muted small">
            {s.quietStartMinute === s.quietEndMinute
              ? 'No quiet hours: messages go as soon as they are due.'
              : 'Messages due in quiet hours wait until they end.'}
          </p>
          <label for="sending-cap">Messages one person may get a day</label>
          <input
            id="sending-cap"
            type="number"
            min={1}
            max={50}
            value={s.dailyCap}
            aria-invalid={errors.dailyCap ? 'true' : undefined}
            onInput={(e) => model.change({ dailyCap: Number(e.currentTarget.value) })}
          />
          {errors.dailyCap ? <FieldError id="sending-cap-error">{errors.dailyCap}</FieldError> : null}
          {errors.form ? <FieldError id="sending-form-error">{errors.form}</FieldError> : null}
        </fieldset>
      ) : null}
      {s && canEdit ? (
        <div class="row">
          <button type="submit" class="primary" disabled={model.saving.value}>
            Save sending settings
          </button>
        </div>
      ) : null}
    </form>
  );
}
