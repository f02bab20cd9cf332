/** Display width in terminal columns: wide (CJK, emoji) count two, combining marks none. */

import stringWidth from 'string-width';

// Printable ASCII and Latin-1/Latin Extended letters are one column each; most Dutch text is all of them.
const NARROW = /^[\u0020-\u007e\u00a1-\u00ac\u00ae-\u024f]*$/;

export function displayWidth(s: string): number {
  return NARROW.test(s) ? s.length : stringWidth(s);
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
