/** The text a PDF draws: its Flate streams inflated, the hex strings of its text operators decoded. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const raw = new TextDecoder('latin1').decode(bytes);
  const out: string[] = [];
  // Each stream's data is exactly its dictionary's /Length bytes. Trimming line
  // breaks before `endstream` instead would cut real data whenever the
  // compressed bytes happen to end in 0x0A or 0x0D (a flaky test, by content).
  const streams = /\/Length (\d+)(?:(?!stream)[\s\S])*?stream\r?\n/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    const start = m.index + m[0].length;
    const chunk = bytes.subarray(start, start + Number(m[1]));
    try {
      const inflated = new Response(
        new Blob([chunk]).stream().pipeThrough(new DecompressionStream('deflate')),
      );
      const text = new TextDecoder('latin1').decode(await inflated.arrayBuffer());
      for (const hex of text.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g))
        out.push(hex[1]!.replace(/../g, (h) => String.fromCharCode(Number.parseInt(h, 16))));
    } catch {
      // not a Flate stream (an image, say)
    }
  }
  return out.join('\n');
}
