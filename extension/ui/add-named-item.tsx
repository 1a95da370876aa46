import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/**
 * A one-line form that adds an entry by name (plus any extra fields given as
 * children); the text clears once `onAdd` reports success.
 */
export function AddNamedItem(props: {
  id: string;
  label: string;
  placeholder: string;
  button: string;
  onAdd: (name: string) => Promise<boolean>;
  children?: ComponentChildren;
}) {
  const [name, setName] = useState('');
  return (
    <form
      class="inline"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (await props.onAdd(name)) setName('');
      }}
    >
      <label class="sr-only" for={props.id}>
        {props.label}
      </label>
      <input
        id={props.id}
        class="grow"
        placeholder={props.placeholder}
        value={name}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      {props.children}
      <button type="submit" class="secondary">
        {props.button}
      </button>
    </form>
  );
}
