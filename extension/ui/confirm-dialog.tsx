import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { PanelDialog } from './panel-dialog';

export type ConfirmOptions = {
  title: string;
  /** What happens if the person goes ahead, in a sentence. */
  message?: string;
  confirmLabel: string;
  /** A destructive action's button is drawn as a warning. */
  danger?: boolean;
};

/**
 * Asks "are you sure?" inside the panel (see PanelDialog); focus starts on
 * Cancel, the safe answer.
 */
export function ConfirmDialog(
  props: ConfirmOptions & { onConfirm: () => void; onCancel: () => void; children?: ComponentChildren },
) {
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <PanelDialog
      titleId="confirm-dialog-title"
      describedBy={props.message ? 'confirm-dialog-message' : undefined}
      focus={cancel}
      onSubmit={props.onConfirm}
      onCancel={props.onCancel}
    >
      <h2 id="confirm-dialog-title">{props.title}</h2>
      {props.message ? <p id="confirm-dialog-message">{props.message}</p> : null}
      {props.children}
      <div class="row">
        <button ref={cancel} type="button" class="secondary" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" class={props.danger ? 'danger' : 'primary'}>
          {props.confirmLabel}
        </button>
      </div>
    </PanelDialog>
  );
}

/**
 * A confirmation as a promise, for event handlers: `if (await ask({...}))`.
 * Render the returned element somewhere in the component; it is null while
 * nothing is being asked.
 */
export function useConfirm() {
  const [pending, setPending] = useState<{ options: ConfirmOptions; resolve: (ok: boolean) => void } | null>(
    null,
  );
  const ask = (options: ConfirmOptions) =>
    new Promise<boolean>((resolve) => setPending({ options, resolve }));
  const settle = (ok: boolean) => {
    pending?.resolve(ok);
    setPending(null);
  };
  const element = pending ? (
    <ConfirmDialog {...pending.options} onConfirm={() => settle(true)} onCancel={() => settle(false)} />
  ) : null;
  return [element, ask] as const;
}
