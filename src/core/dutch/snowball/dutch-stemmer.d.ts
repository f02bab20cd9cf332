/** Snowball's Dutch stemmer (the 2025 algorithm), generated JavaScript; see LICENSE in this folder. */
export default class DutchStemmer {
  stemWord(word: string): string;
}
