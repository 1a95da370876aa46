/**
 * The panel's own small icon set: line drawings on a 24-unit grid in the
 * current text colour, bundled as path data (no icon font, nothing fetched).
 * Icons are decoration beside a text label, so they are hidden from screen
 * readers; the label (visible or `sr-only`) names the control.
 */
const ICONS = {
  facilities: <path d="M4 21V6l8-3 8 3v15M3 21h18M10 21v-4h4v4M8 9h2m4 0h2m-8 4h2m4 0h2" />,
  patients: (
    <>
      <circle cx="12" cy="8" r="3.8" />
      <path d="M4.5 21c0-4 3.4-6.2 7.5-6.2s7.5 2.2 7.5 6.2" />
    </>
  ),
  leads: <path d="M3.5 4.5h17l-6.5 7.8v5.9l-4 2.3v-8.2z" />,
  intake: <path d="M9 3.5h6v3H9zM7.5 5H5v16h14V5h-2.5M8.5 11h7m-7 4h5" />,
  referrals: <path d="M4 8h14m-3.5-3.5L18 8l-3.5 3.5M20 16H6m3.5-3.5L6 16l3.5 3.5" />,
  records: <path d="M3 6.5h6.5l2 2H21v11H3zM3 10.5h18" />,
  automations: <path d="M13.5 3L5 13.5h6L10.5 21 19 10.5h-6z" />,
  members: (
    <>
      <circle cx="9" cy="8.5" r="3.3" />
      <path d="M2.8 20c0-3.6 2.8-5.6 6.2-5.6s6.2 2 6.2 5.6M15.5 5.3a3.3 3.3 0 0 1 0 6.4M17.6 14.6c2.3.6 3.6 2.4 3.6 5.4" />
    </>
  ),
  audit: <path d="M12 3l8 3v5.5c0 5-3.4 8.2-8 9.5-4.6-1.3-8-4.5-8-9.5V6zM8.6 12l2.4 2.4 4.5-4.6" />,
  settings: (
    <>
      <path d="M4 6h9m4 0h3M4 12h3m4 0h9M4 18h11m4 0h1" />
      <circle cx="15" cy="6" r="2" />
      <circle cx="9" cy="12" r="2" />
      <circle cx="17" cy="18" r="2" />
    </>
  ),
  signOut: <path d="M14 4h5v16h-5M10 8l-4 4 4 4M6 12h10" />,
  back: <path d="M15 5l-7 7 7 7" />,
} as const;

export type IconName = keyof typeof ICONS;

export function Icon({ name, size = 20 }: { name: IconName; size?: number }) {
  return (
    <svg
      class="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {ICONS[name]}
    </svg>
  );
}

/** Up to two initials from a person's name, for an avatar beside the name. */
export function initials(name: string) {
  const words = name
    .replace(/\(.*?\)/g, ' ')
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w));
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
