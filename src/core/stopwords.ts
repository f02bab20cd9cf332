/**
 * Dutch function words left out of the full-text index. They are a third of all
 * words in news text and found in nearly every article, so they weigh most in the
 * index and least in a search. A phrase is matched with them left out on both sides:
 * `"minister van justitie"` finds `minister van Justitie` (and, rarely, `minister en
 * justitie`).
 */

export const STOPWORDS = new Set(
  ('de het een en van in is dat op te die voor met zijn aan er om niet ook als bij of door naar nog tot uit dan ' +
    'maar al wel was werd worden wordt hij ze zij we wij ik je u hun hem dit deze over dus zo geen').split(' '),
);

const LONGEST = Math.max(...[...STOPWORDS].map((w) => w.length));

/** Is this word as written a stopword? In any case of ASCII letters: `De`, `VAN`. */
export function isStopword(word: string): boolean {
  return word.length <= LONGEST && (STOPWORDS.has(word) || (/^[A-Za-z]+$/.test(word) && STOPWORDS.has(word.toLowerCase())));
}
