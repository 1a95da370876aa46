import { useState } from 'preact/hooks';

/**
 * A value shown once to copy (a form link, a signing secret): read-only,
 * selected on focus, with a button that copies it and says so.
 */
export function CopyField(props: { id: string; label: string; value: string; copyLabel: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div class="inline-form">
      <label class="sr-only" for={props.id}>
        {props.label}
      </label>
      <input
        id={props.id}
        class="grow"
        readOnly
        value={props.value}
        onFocus={(e) => e.currentTarget.select()}
      />
      <button
        type="button"
        class="secondary auto-width"
        onClick={async () => {
          await navigator.clipboard.writeText(props.value).catch(() => undefined);
          setCopied(true);
        }}
      >
        {copied ? 'Copied' : props.copyLabel}
      </button>
    </div>
  );
}
