/** A Dutch word's stem, by Snowball's Dutch stemmer (the 2025 algorithm: verbs and diminutives). */

import DutchStemmer from './snowball/dutch-stemmer.js';

// made when first used: the reader's start loads this module but stems nothing
let stemmer: DutchStemmer | undefined;
// News repeats its words: most are stemmed once. Bounded, for an archive's whole vocabulary.
const cache = new Map<string, string>();
const CACHE_SIZE = 200_000;

/** The stem of a folded word (lower case, no accents): `gearresteerd`, `arresteren` → `arresteer`. */
export function stem(word: string): string {
  let s = cache.get(word);
  if (s !== undefined) return s;
  s = word.length < 3 || /\d/.test(word) ? word : (stemmer ??= new DutchStemmer()).stemWord(word);
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(word, s);
  return s;
}
