/**
 * What a word is, for search: a run of letters and digits (a piece), and a run of pieces
 * joined by a hyphen, apostrophe or number punctuation (a chunk: `e-mail`, `2.000`, `1,5`,
 * `auto's`). The regular expressions are the definition; `chunkEnd` is the same scan by
 * hand, for the index, which reads every word of every article (three times faster).
 */

export const CHUNK = /[\p{L}\p{N}]+(?:[-.,'’‑][\p{L}\p{N}]+)*/gu;
export const PIECE = /[\p{L}\p{N}]+/gu;

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
// Per UTF-16 unit of the Basic Multilingual Plane: 0 not known yet, 1 a letter or digit, 2 not.
const bmp = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) bmp[c] = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : 2;

/** The length (1, or 2 for a surrogate pair) of the letter or digit at `i`, or 0. */
function wordCharLength(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = s.codePointAt(i)!;
    return cp > 0xffff && LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) ? 2 : 0;
  }
  let k = bmp[c]!;
  if (k === 0) bmp[c] = k = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1 ? 1 : 0;
}

/** An ASCII character that is not a letter or digit: no chunk starts at it. */
export const isAsciiSeparator = (c: number): boolean => c < 0x80 && bmp[c] !== 1;

// - . , ' ’ and the non-breaking hyphen
const isJoiner = (c: number) => c === 0x2d || c === 0x2e || c === 0x2c || c === 0x27 || c === 0x2019 || c === 0x2011;

/** Where the chunk that starts at `i` ends (what `CHUNK` would match there), or `i` when none starts there. */
export function chunkEnd(s: string, i: number): number {
  const n = s.length;
  let j = i;
  for (;;) {
    // a run of ASCII letters and digits, the usual case, without a call per character
    while (j < n) {
      const c = s.charCodeAt(j);
      if (c >= 0x80 || bmp[c] !== 1) break;
      j++;
    }
    const w = j < n && s.charCodeAt(j) >= 0x80 ? wordCharLength(s, j) : 0;
    if (w) {
      j += w;
      continue;
    }
    if (j === i || !isJoiner(s.charCodeAt(j))) return j;
    const next = wordCharLength(s, j + 1);
    if (!next) return j;
    j += 1 + next;
  }
}
