/** A count as a list shows it: "1,234", or "1,000+" when the server stopped counting at its cap. */
export const countText = (n: number, atLeast = false) => `${n.toLocaleString('en-US')}${atLeast ? '+' : ''}`;
