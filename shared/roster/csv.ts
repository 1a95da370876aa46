/**
 * A small RFC 4180 reader: comma, semicolon or tab (whichever the first
 * twenty lines use most outside quotes: an export may open with a title line
 * that has none), quoted fields with doubled quotes and line
 * breaks inside, a byte-order mark, and CRLF or LF line ends.
 */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let lines = 0;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n' && ++lines >= 20) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  return (Object.entries(counts).sort((a, b) => b[1] - a[1])[0]![0] as ',' | ';' | '\t') ?? ',';
}

/**
 * The records of a CSV text one at a time, blank lines left out. Fields are
 * slices of the text, not strings grown a character at a time: a 100,000-row
 * lead list then holds each value once instead of a chain of pieces.
 */
export function* csvRecords(input: string): Generator<string[]> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  let row: string[] = [];
  let field = '';
  // Start of the characters read but not yet added to `field`.
  let run = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        field += text.slice(run, i);
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
        run = i + 1;
      }
    } else if (ch === '"' && field === '' && run === i) {
      quoted = true;
      run = i + 1;
    } else if (ch === delimiter) {
      row.push(field + text.slice(run, i));
      field = '';
      run = i + 1;
    } else if (ch === '\n' || ch === '\r') {
      row.push(field + text.slice(run, i));
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (row.some((cell) => cell.trim() !== '')) yield row;
      row = [];
      field = '';
      run = i + 1;
    }
  }
  field += text.slice(run);
  if (field !== '' || row.length) {
    row.push(field);
    if (row.some((cell) => cell.trim() !== '')) yield row;
  }
}

export function parseCsv(input: string): string[][] {
  return [...csvRecords(input)];
}
