// The GSM 03.38 default alphabet and its extension table (each extension
// character takes two septets). A message of only these characters is sent
// as GSM-7; one other character makes the whole message UCS-2.
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '^{}\\[~]|€\f';
const BASIC = new Set(GSM_BASIC);
const EXTENSION = new Set(GSM_EXTENSION);

export type SmsLength = {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets for GSM-7, UTF-16 code units for UCS-2: what the carrier counts. */
  units: number;
  segments: number;
  /** Units one segment holds at this length (fewer once the message is split: the rest is the joining header). */
  perSegment: number;
};

/** How many SMS segments `text` is sent as (0 for an empty text). */
export function smsLength(text: string): SmsLength {
  let septets = 0;
  let gsm = true;
  for (const ch of text) {
    if (BASIC.has(ch)) septets += 1;
    else if (EXTENSION.has(ch)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) return split('GSM-7', septets, 160, 153);
  return split('UCS-2', text.length, 70, 67);
}

function split(encoding: SmsLength['encoding'], units: number, single: number, multi: number): SmsLength {
  if (units <= single) return { encoding, units, segments: units === 0 ? 0 : 1, perSegment: single };
  return { encoding, units, segments: Math.ceil(units / multi), perSegment: multi };
}
