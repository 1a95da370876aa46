import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A modal <dialog> inside the panel, where the browser's own confirm() and
 * prompt() would block the page and look foreign: it opens modal (focus moves
 * in and stays), Escape cancels, submitting the form answers, and focus
 * returns to what opened it. `focus` picks where focus starts (the safe
 * answer of a question, the box of a prompt); otherwise the browser's first
 * focusable element.
 */
export function PanelDialog(props: {
  titleId: string;
  describedBy?: string;
  focus?: RefObject<HTMLElement | null>;
  onSubmit: () => void;
  onCancel: () => void;
  children: ComponentChildren;
}) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    dialog.current?.showModal();
    props.focus?.current?.focus();
    return () => opener?.focus();
  }, []);

  return (
    <dialog
      ref={dialog}
      class="panel-dialog"
      aria-labelledby={props.titleId}
      aria-describedby={props.describedBy}
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
      >
        {props.children}
      </form>
    </dialog>
  );
}
