/**
 * Counts in sentences, pluralised the way people write them ("1 day",
 * "3 days"), never "day(s)". English only for now: the product's wording
 * lives in English (docs/wording.md); the rules come from Intl so a second
 * language needs only its forms.
 */
const rules = new Intl.PluralRules('en');

export function count(n: number, one: string, other = `${one}s`): string {
  return `${n.toLocaleString('en')} ${rules.select(n) === 'one' ? one : other}`;
}
