/** @jsxImportSource hono/jsx */
/** The intake form's file field (works without JavaScript; the server checks the bytes). */
import type { FileAnswer } from '../../../shared/intake/definition';
import { type FieldViewProps, invalid, isRecord, notes, Required, wrapperClass } from './field-parts';
import { fileRemoveName, inputId, wrapperId } from './page-contract';

function sizeText(bytes: number) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** A file input; an upload already stored is named, and can be replaced (or removed when optional). */
export function FileInput(props: FieldViewProps) {
  const { field } = props;
  const current = isRecord(props.value) && 'fileId' in props.value ? (props.value as FileAnswer) : null;
  const { describedBy, nodes } = notes(props);
  const kinds = field.accept ?? ['image', 'pdf'];
  const accept = [
    ...(kinds.includes('image') ? ['image/jpeg', 'image/png'] : []),
    ...(kinds.includes('pdf') ? ['application/pdf'] : []),
  ];
  const currentId = `${inputId(field.id)}-current`;
  return (
    <div class={wrapperClass(props)} id={wrapperId(field.id)} data-field={field.id}>
      <label for={inputId(field.id)}>
        {field.label}
        <Required required={props.required} />
      </label>
      {nodes}
      {current ? (
        <p class="file-current" id={currentId}>
          Uploaded: {current.name} ({sizeText(current.size)}). Choose another file to replace it.
        </p>
      ) : null}
      <input
        type="file"
        id={inputId(field.id)}
        name={field.id}
        accept={accept.join(',')}
        aria-describedby={[describedBy, current ? currentId : ''].filter(Boolean).join(' ') || undefined}
        aria-invalid={invalid(props)}
        data-described
        data-error-before
      />
      {current && !props.required ? (
        <div class="choice">
          <input
            type="checkbox"
            id={`${inputId(field.id)}-remove`}
            name={fileRemoveName(field.id)}
            value="yes"
          />
          <label for={`${inputId(field.id)}-remove`}>Remove this file</label>
        </div>
      ) : null}
    </div>
  );
}
