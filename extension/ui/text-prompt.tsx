import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * Asks for one line of text inside the panel (a reason, a note, a new title),
 * where the browser's own prompt() would block the page and look foreign. A
 * modal <dialog>: focus moves into it and stays there, Escape cancels, and
 * focus returns to what opened it.
 */
export function TextPrompt(props: {
  title: string;
  label: string;
  initial?: string;
  /** The shortest acceptable answer once trimmed (a reason needs a few characters). */
  minLength?: number;
  confirmLabel: string;
  onDone: (value: string) => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [value, setValue] = useState(props.initial ?? '');
  const ready = value.trim().length >= (props.minLength ?? 1);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    dialog.current?.showModal();
    return () => opener?.focus();
  }, []);

  return (
    <dialog
      ref={dialog}
      class="panel-dialog"
      aria-labelledby="text-prompt-title"
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) props.onDone(value.trim());
        }}
      >
        <h2 id="text-prompt-title">{props.title}</h2>
        <label for="text-prompt-value">{props.label}</label>
        <input id="text-prompt-value" value={value} onInput={(e) => setValue(e.currentTarget.value)} />
        <div class="row">
          <button type="button" class="secondary" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" class="primary" disabled={!ready}>
            {props.confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
