import { useState } from 'preact/hooks';
import { PanelDialog } from './panel-dialog';

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
  const [value, setValue] = useState(props.initial ?? '');
  const ready = value.trim().length >= (props.minLength ?? 1);
  return (
    <PanelDialog
      titleId="text-prompt-title"
      onSubmit={() => {
        if (ready) props.onDone(value.trim());
      }}
      onCancel={props.onCancel}
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
    </PanelDialog>
  );
}
