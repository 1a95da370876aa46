import { useState } from 'preact/hooks';

/** "Add a note" on the matched patient or lead, without leaving the card. */
export function CardNote({ onAdd, busy }: { onAdd: (text: string) => Promise<boolean>; busy: boolean }) {
  const [text, setText] = useState('');
  return (
    <form
      class="card-note"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await onAdd(text)) setText('');
      }}
    >
      <label for="page-card-note">Note</label>
      <textarea
        id="page-card-note"
        rows={2}
        maxLength={1000}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <button type="submit" class="secondary" disabled={busy || !text.trim()}>
        {busy ? 'Saving…' : 'Add note'}
      </button>
    </form>
  );
}
