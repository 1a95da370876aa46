import { useState } from 'preact/hooks';
import type { Lead } from './lead-api-types';
import type { LeadDetailState } from './lead-detail-model';
import { fullName } from './lead-person';

/** Conversion: the facility or location, and the date of birth a patient record needs. */
export function LeadConvertForm({ lead, model }: { lead: Lead; model: LeadDetailState }) {
  const [facilityId, setFacilityId] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState(lead.dateOfBirth ?? '');
  const error = model.conversion.error.value;
  const saving = model.conversion.saving.value;

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        model.convert(facilityId, dateOfBirth, fullName(lead));
      }}
      noValidate
      data-testid="convert-form"
    >
      <h3>Convert to patient</h3>
      <div class="field">
        <label for="convert-facility">Facility or location</label>
        <select
          id="convert-facility"
          value={facilityId}
          onChange={(e) => setFacilityId(e.currentTarget.value)}
        >
          <option value="">Choose…</option>
          {(model.facilities.value ?? []).map((f) => (
            <option value={f.id} key={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="convert-dob">Date of birth</label>
        <input
          id="convert-dob"
          type="date"
          value={dateOfBirth}
          onInput={(e) => setDateOfBirth(e.currentTarget.value)}
        />
      </div>
      {error ? (
        <p class="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="row">
        <button type="button" class="secondary" onClick={() => model.setConverting(false)} disabled={saving}>
          Cancel
        </button>
        <button type="submit" class="primary" disabled={saving}>
          {saving ? 'Converting…' : 'Convert'}
        </button>
      </div>
    </form>
  );
}
