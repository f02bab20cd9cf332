/** Display width in terminal columns: wide (CJK, emoji) count two, combining marks none. */

import stringWidth from 'string-width';

// Printable ASCII, Latin-1/Latin Extended letters, and punctuation (quotes, dashes, …, €) are one column
// each in every terminal; most Dutch text is all of them.
const NARROW = /^[\u0020-\u007e\u00a1-\u00ac\u00ae-\u024f\u2010-\u2027\u2030-\u205e\u20ac]*$/;

// Drawn in no column by every terminal: combining marks that follow a letter.
const MARK = /\p{Mn}|\p{Me}/u;
const SPACING_MARK = /\p{Mc}/u;
const WIDE = /\p{Extended_Pictographic}|\p{Emoji_Presentation}|\p{Regional_Indicator}/u;

/**
 * Display width in columns, measured so that a line never turns out wider than krant
 * counted: terminals and width tables disagree on emoji sequences, spacing vowel signs
 * (U+0CBE) and marks on nothing. Of two counts — the width table's, and each code point
 * drawn on its own (a pictograph two, a spacing mark one, a mark after a space one) —
 * the larger. Too wide a count costs a column of padding; too narrow a wrapped line.
 */
export function displayWidth(s: string): number {
  if (NARROW.test(s)) return s.length;
  let own = 0;
  let prev = ' ';
  for (const c of s) {
    const cp = c.codePointAt(0)!;
    if (cp < 0x300) own += cp >= 0x20 ? 1 : 0;
    else if (MARK.test(c)) own += /\s/.test(prev) ? 1 : 0;
    else if (SPACING_MARK.test(c)) own += 1;
    else if (WIDE.test(c)) own += 2;
    else own += stringWidth(c);
    prev = c;
  }
  return Math.max(own, stringWidth(s));
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The text split into user-perceived characters (a letter with its accents stays whole). */
export function splitGraphemes(s: string): string[] {
  if (NARROW.test(s)) return Array.from(s);
  return Array.from(graphemes.segment(s), (g) => g.segment);
}

/** The longest prefix of `s` at most `columns` wide, cut between graphemes. */
export function cutToWidth(s: string, columns: number): string {
  if (displayWidth(s) <= columns) return s;
  let out = '';
  let w = 0;
  for (const g of splitGraphemes(s)) {
    const gw = displayWidth(g);
    if (w + gw > columns) break;
    out += g;
    w += gw;
  }
  return out;
}

/** `s` cut with an ellipsis so that it fits in `columns`. */
export function truncate(s: string, columns: number): string {
  if (columns <= 0) return '';
  if (displayWidth(s) <= columns) return s;
  return cutToWidth(s, columns - 1) + '…';
}

/** `s` padded with spaces to exactly `columns` (cut first when it is wider). */
export function padToWidth(s: string, columns: number): string {
  const t = truncate(s, columns);
  return t + ' '.repeat(Math.max(0, columns - displayWidth(t)));
}
