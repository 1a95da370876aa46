/** An extension written after the number ("ext. 12", "x12", "#12"): the same line, so not part of the key. */
const EXTENSION = /\s*(?:,|;)?\s*(?:ext(?:ension)?\.?|x|#)\s*\d{1,6}\s*$/i;

export const phoneKey = (phone?: string | null) => {
  const digits = (phone ?? '').replace(EXTENSION, '').replace(/\D/g, '');
  // US numbers written with or without the country code are the same number.
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits || null;
};
