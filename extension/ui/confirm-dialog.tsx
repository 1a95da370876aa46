import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export type ConfirmOptions = {
  title: string;
  /** What happens if the person goes ahead, in a sentence. */
  message?: string;
  confirmLabel: string;
  /** A destructive action's button is drawn as a warning. */
  danger?: boolean;
};

/**
 * Asks "are you sure?" inside the panel, where the browser's confirm() would
 * block the page, look foreign and cannot be styled or read by a screen reader
 * as part of the panel. A modal <dialog>: focus starts on Cancel (the safe
 * answer), Escape cancels, and focus returns to what opened it.
 */
export function ConfirmDialog(
  props: ConfirmOptions & { onConfirm: () => void; onCancel: () => void; children?: ComponentChildren },
) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    dialog.current?.showModal();
    cancel.current?.focus();
    return () => opener?.focus();
  }, []);

  return (
    <dialog
      ref={dialog}
      class="panel-dialog"
      aria-labelledby="confirm-dialog-title"
      aria-describedby={props.message ? 'confirm-dialog-message' : undefined}
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onConfirm();
        }}
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
      </form>
    </dialog>
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
