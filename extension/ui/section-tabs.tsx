/**
 * An area's places as toggle buttons (Referrals: directory, letters,
 * templates; Automations: rules, templates, settings): the current one is
 * pressed, the others switch to theirs.
 */
export function SectionTabs<K extends string>(props: {
  label: string;
  sections: readonly { kind: K; label: string }[];
  current: string;
  onPick: (kind: K) => void;
}) {
  return (
    <nav class="sections" aria-label={props.label}>
      {props.sections.map((s) => (
        <button
          key={s.kind}
          type="button"
          class={`section-tab ${props.current === s.kind ? 'primary' : 'secondary'}`}
          aria-pressed={props.current === s.kind}
          onClick={() => props.onPick(s.kind)}
        >
          {s.label}
        </button>
      ))}
    </nav>
  );
}
