/** Words, numbers and punctuation of a paragraph, with their places in it. */

export interface Token {
  text: string;
  /** Lower case, for look-ups. */
  low: string;
  start: number;
  end: number;
}

// A number (Dutch separators, a range or score, an ordinal suffix); a word (with
// apostrophe, hyphen, dot or slash inside); or any other single character.
const TOKEN = /\d+(?:[.,]\d+)*(?:[-–]\d+(?:[.,]\d+)*)?(?:e|ste|de)?(?![\p{L}\p{N}])|[\p{L}\p{N}\p{M}]+(?:(?:['’]|[-./](?=[\p{L}\p{N}]))[\p{L}\p{N}\p{M}]+)*|\S/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    out.push({ text: m[0], low: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export const isWord = (t: Token | undefined): boolean => !!t && /^[\p{L}\p{N}]/u.test(t.text);
export const isCapitalised = (t: Token | undefined): boolean => !!t && /^\p{Lu}/u.test(t.text);

/** True when the token starts a sentence: first in the paragraph, or after . ! ? : or an opening quote. */
export function startsSentence(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const t = tokens[k]!.text;
    if (/^["“„'‘(]$/.test(t)) continue;
    return /^[.!?:]$/.test(t) || /^[”"’']$/.test(t);
  }
  return true;
}
