/** Quotations: "…", “…”, „…”, '…', ‘…’ — never fooled by apostrophes (`auto's`, `zo'n`, `'s nachts`). */

import type { Span } from '../article.js';

const LETTER = /[\p{L}\p{N}]/u;
const isLetter = (c: string | undefined) => !!c && LETTER.test(c);
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);

/** Could the quote mark at i open a quotation? After a space, start or opening bracket, before text. */
function canOpen(text: string, i: number): boolean {
  const before = text[i - 1];
  const after = text[i + 1];
  return (isSpace(before) || /[([{—–\-:;,/]/.test(before!)) && !isSpace(after);
}

/** Could the mark at i close one? After text, and not followed by a letter (`auto's`). */
function canClose(text: string, i: number): boolean {
  return !isSpace(text[i - 1]) && !isLetter(text[i + 1]);
}

/** `'s nachts`, `'t`, `'n`, `'80`: an apostrophe at a word's start, not a quote. */
function isLeadingApostrophe(text: string, i: number): boolean {
  return /^['‘’](?:s|t|n|k)(?![\p{L}])|^['‘’]\d\d(?!\d)/u.test(text.slice(i, i + 4)) || /^['‘’]s-/.test(text.slice(i, i + 3));
}

const CLOSERS: Record<string, string> = { '"': '"”“', '“': '”"', '„': '”“"', "'": "'’", '‘': '’\'' };

const MARKS = /["“„'‘]/g;

export function findQuotes(text: string): Span[] {
  const spans: Span[] = [];
  // from one quote mark to the next: most of a paragraph is never looked at
  for (MARKS.lastIndex = 0; MARKS.exec(text); ) {
    const i = MARKS.lastIndex - 1;
    const c = text[i]!;
    const closers = CLOSERS[c]!;
    if (!canOpen(text, i)) continue;
    const single = c === "'" || c === '‘';
    if (single && isLeadingApostrophe(text, i)) continue;
    let end = -1;
    for (let k = i + 1; k < text.length; k++) {
      if (closers.includes(text[k]!) && canClose(text, k)) {
        // a `'` closing a single quote must not be an apostrophe inside a word: `foto's` has a letter after it
        end = k + 1;
        break;
      }
      // a single quote does not run into a new double quotation
      if (single && (text[k] === '"' || text[k] === '“' || text[k] === '„')) break;
    }
    // A double quote left open runs to the paragraph's end: the convention when a quotation spans paragraphs.
    if (end < 0 && !single) end = text.length;
    if (end < 0) continue;
    spans.push({ type: 'quote', start: i, end });
    MARKS.lastIndex = end;
  }
  return spans;
}
