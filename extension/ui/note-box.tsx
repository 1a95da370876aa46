import { useState } from 'preact/hooks';

/**
 * "Add a note" in one step: a text box and its button, emptied once the note
 * is kept. `id` tells two boxes on one screen apart (the page card's and a record's).
 */
export function NoteBox({
  onAdd,
  busy,
  id,
  maxLength = 1000,
}: {
  onAdd: (text: string) => Promise<boolean>;
  busy: boolean;
  id: string;
  maxLength?: number;
}) {
  const [text, setText] = useState('');
  return (
    <form
      class="note-box"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await onAdd(text)) setText('');
      }}
    >
      <label for={id}>Note</label>
      <textarea
        id={id}
        rows={2}
        maxLength={maxLength}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <button type="submit" class="secondary" disabled={busy || !text.trim()}>
        {busy ? 'Saving…' : 'Add note'}
      </button>
    </form>
  );
}
