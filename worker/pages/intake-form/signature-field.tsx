/** @jsxImportSource hono/jsx */
/** The intake form's signature field: typed without JavaScript, drawn with it. */
import type { SignatureAnswer } from '../../../shared/intake/definition';
import { type FieldViewProps, invalid, isRecord, notes, Required, textOf, wrapperClass } from './field-parts';
import { inputId, signaturePart, wrapperId } from './page-contract';

/**
 * The signer's name, then the signature: typed (always there, the way to sign
 * without JavaScript) or drawn on a canvas that the script reveals. For a
 * `guardianIfMinor` signature the guardian's name and relationship are always
 * rendered; the script hides them when the patient is not a minor, and the
 * server enforces the rule through the engine either way.
 */
export function Signature(props: FieldViewProps) {
  const { field } = props;
  const value = isRecord(props.value) ? (props.value as Partial<SignatureAnswer>) : {};
  const { describedBy, nodes } = notes(props);
  const id = inputId(field.id);
  const drawn = value.kind === 'drawn' ? textOf(value.value) : '';
  const typed = value.kind === 'drawn' ? '' : textOf(value.value);
  return (
    <fieldset
      class={wrapperClass(props)}
      id={wrapperId(field.id)}
      data-field={field.id}
      data-signature
      data-described
      aria-describedby={describedBy}
    >
      <legend>
        {field.label}
        <Required required={props.required} />
      </legend>
      {nodes}
      <label for={id} data-error-before>
        Full name of the person signing
      </label>
      <input
        id={id}
        name={signaturePart(field.id, 'signerName')}
        type="text"
        autocomplete="name"
        maxlength={120}
        value={textOf(value.signerName)}
        aria-invalid={invalid(props)}
      />
      <div class="sig-pad" data-pad hidden>
        <fieldset class="field">
          <legend>How would you like to sign?</legend>
          <div class="inline">
            <div class="choice">
              <input
                type="radio"
                id={`${id}-draw`}
                name={signaturePart(field.id, 'kind')}
                value="drawn"
                data-mode
                disabled
                checked={value.kind === 'drawn'}
              />
              <label for={`${id}-draw`}>Draw</label>
            </div>
            <div class="choice">
              <input
                type="radio"
                id={`${id}-type`}
                name={signaturePart(field.id, 'kind')}
                value="typed"
                data-mode
                disabled
                checked={value.kind !== 'drawn'}
              />
              <label for={`${id}-type`}>Type</label>
            </div>
          </div>
        </fieldset>
        <div data-draw-area>
          <p class="hint" id={`${id}-pad-help`}>
            Sign in the box with your finger or mouse.
          </p>
          <canvas role="img" aria-label="Signature drawing area" aria-describedby={`${id}-pad-help`} />
          <button type="button" class="secondary" data-clear>
            Clear the signature
          </button>
          <input type="hidden" name={signaturePart(field.id, 'value')} value={drawn} data-drawn disabled />
        </div>
      </div>
      <div data-typed-area>
        <label for={`${id}-typed`}>Type your full name to sign</label>
        <input
          id={`${id}-typed`}
          name={signaturePart(field.id, 'value')}
          type="text"
          autocomplete="name"
          maxlength={120}
          value={typed}
          class="typed-signature"
          aria-invalid={invalid(props)}
          data-typed
        />
      </div>
      {field.guardianIfMinor ? (
        <fieldset class="guardian" data-guardian-block>
          <legend>If the patient is under 18, a parent or guardian signs here</legend>
          <label for={`${id}-guardian-name`}>Parent or guardian's full name</label>
          <input
            id={`${id}-guardian-name`}
            name={signaturePart(field.id, 'guardianName')}
            type="text"
            autocomplete="name"
            maxlength={120}
            value={textOf(value.guardian?.name)}
            aria-invalid={invalid(props)}
          />
          <label for={`${id}-guardian-relationship`}>Relationship to the patient</label>
          <input
            id={`${id}-guardian-relationship`}
            name={signaturePart(field.id, 'guardianRelationship')}
            type="text"
            maxlength={60}
            value={textOf(value.guardian?.relationship)}
            aria-invalid={invalid(props)}
          />
        </fieldset>
      ) : null}
    </fieldset>
  );
}
