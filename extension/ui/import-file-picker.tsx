/** The file chooser of an import (a roster, a lead list): what it takes, in words, over the input. */
export function ImportFilePicker(props: {
  /** What can be chosen, with the limits: "Choose a lead list: CSV or Excel (.xlsx); up to 20 MB". */
  label: string;
  accept: string;
  ariaLabel: string;
  disabled?: boolean;
  onPick: (file: File) => void;
}) {
  return (
    <label class="drop">
      <span>{props.label}</span>
      <input
        type="file"
        accept={props.accept}
        aria-label={props.ariaLabel}
        disabled={props.disabled}
        onChange={(e) => {
          const picked = e.currentTarget.files?.[0];
          if (picked) props.onPick(picked);
        }}
      />
    </label>
  );
}
