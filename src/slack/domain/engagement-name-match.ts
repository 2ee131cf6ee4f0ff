/**
 * The engagements whose name matches what a person typed after
 * `/cadence status`: an exact name (ignoring case, accents and extra spaces)
 * wins outright, else every name containing it.
 */
export function matchByName<T extends { name: string }>(query: string, among: readonly T[]): T[] {
  const q = fold(query);
  if (q === '') return [];
  const exact = among.filter((e) => fold(e.name) === q);
  if (exact.length > 0) return exact;
  return among.filter((e) => fold(e.name).includes(q));
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
