/** A Dutch word's stem, by Snowball's Dutch stemmer (the 2025 algorithm: verbs and diminutives). */

import DutchStemmer from './snowball/dutch-stemmer.js';

// made when first used: the reader's start loads this module but stems nothing
let stemmer: DutchStemmer | undefined;
// News repeats its words: most are stemmed once. Bounded, for an archive's whole vocabulary.
const cache = new Map<string, string>();
const CACHE_SIZE = 200_000;

// Plurals no rule of the stemmer reads (a vowel that changes, an `-eren`): each is its
// singular. Nouns only where the form is seldom anything else (not `goederen`, `goed`).
const IRREGULAR = new Map(Object.entries({
  schepen: 'schip', steden: 'stad', leden: 'lid', kinderen: 'kind', eieren: 'ei', kalveren: 'kalf',
  lammeren: 'lam', liederen: 'lied', volkeren: 'volk', runderen: 'rund', beenderen: 'been',
  gelederen: 'gelid', raderen: 'rad', bladeren: 'blad',
}));

/** The singular of an irregular plural (`schepen` → `schip`), or undefined. */
export const irregularSingular = (word: string): string | undefined => IRREGULAR.get(word);

/** The stem of a folded word (lower case, no accents): `gearresteerd`, `arresteren` → `arresteer`. */
export function stem(word: string): string {
  let s = cache.get(word);
  if (s !== undefined) return s;
  const singular = IRREGULAR.get(word);
  if (singular !== undefined) return stem(singular);
  s = word.length < 3 || /\d/.test(word) ? word : (stemmer ??= new DutchStemmer()).stemWord(word);
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(word, s);
  return s;
}
