/**
 * Display width in terminal columns: wide (CJK, emoji) count two, combining marks none.
 * The one measure of width in krant, also the one Ink lays out by (the build points Ink's
 * `string-width` here), so that what krant fits is what Ink draws.
 */

import { eastAsianWidth } from 'get-east-asian-width';

// Printable ASCII, Latin-1/Latin Extended letters, and punctuation (quotes, dashes, …, €) are one column
// each in every terminal; most Dutch text is all of them.
const NARROW = /^[\u0020-\u007e\u00a1-\u00ac\u00ae-\u024f\u2010-\u2027\u2030-\u205e\u20ac]*$/;
// Drawn in no column by every terminal: combining marks that follow a letter.
const MARK = /\p{Mn}|\p{Me}/u;
const SPACING_MARK = /\p{Mc}/u;
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Emoji_Presentation}|\p{Regional_Indicator}/u;
const ZERO = /\p{Cf}|\p{Cc}/u;
// SGR and other CSI sequences, and OSC strings: styling that takes no column.
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g;

/**
 * Display width in columns, measured so that a line never turns out wider than krant
 * counted: terminals and width tables disagree on emoji sequences, spacing vowel signs
 * (U+0CBE) and marks on nothing. Each code point is counted as drawn on its own: a
 * pictograph two, an East Asian wide character two, a spacing mark one, a mark after a
 * space one, an emoji selector one. Too wide a count costs a column of padding; too
 * narrow a wrapped line.
 */
export function displayWidth(s: string): number {
  if (NARROW.test(s)) return s.length;
  let width = 0;
  let prev = ' ';
  for (const c of s) {
    const cp = c.codePointAt(0)!;
    if (cp < 0x300) width += cp >= 0x20 && cp !== 0x7f && !(cp >= 0x80 && cp < 0xa0) ? 1 : 0;
    else if (cp === 0xfe0f) width += 1; // an emoji selector may make its symbol wide
    else if (MARK.test(c)) width += /\s/.test(prev) ? 1 : 0;
    else if (SPACING_MARK.test(c)) width += 1;
    else if (ZERO.test(c)) width += 0;
    else if (PICTOGRAPH.test(c)) width += 2;
    else width += eastAsianWidth(cp);
    prev = c;
  }
  return width;
}

/** Width of text that may hold ANSI styling (what Ink measures). */
export function styledWidth(s: string): number {
  return displayWidth(s.includes('\x1b') ? s.replace(ANSI, '') : s);
}

// made when first needed: building it costs milliseconds at start, and most text never needs it
let graphemes: Intl.Segmenter | undefined;

/** The text split into user-perceived characters (a letter with its accents stays whole). */
export function splitGraphemes(s: string): string[] {
  if (NARROW.test(s)) return Array.from(s);
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
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
