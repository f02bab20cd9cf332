/**
 * Untrusted text to text that is safe to write to a terminal.
 *
 * Removes escape sequences whole (CSI, OSC, DCS, SOS, PM, APC, two-byte ESC
 * sequences, and their 8-bit C1 forms), every other C0/C1 control, DEL, and the
 * bidirectional controls that could reorder a line. Newline and tab are kept only
 * when asked; otherwise they become a space so that words do not run together.
 */

export interface SanitizeOptions {
  keepNewlines?: boolean;
  keepTabs?: boolean;
}

const ESC = 0x1b;
// The one definition of what may not reach a terminal as it is: C0 and C1 controls, DEL,
// line and paragraph separators, the bidirectional controls that could reorder a line,
// and the other invisible format characters (zero-width space and joiner, soft hyphen,
// tags…), which terminals draw in zero, one or two columns: a line that holds them could
// wrap. Without a joiner, an emoji sequence is its emoji side by side, as wide as drawn.
// (C0 is written without tab and newline, 09 and 0a, which callers may keep: a class without
// them, not a look-ahead per character, which made the search 2.7 times slower.)
const UNSAFE_BUT_LINES_CLASS = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u2028\\u2029\\p{Cf}';
// Anything this module may need to act on; text without it is returned as it is.
const UNSAFE = new RegExp(`[\\t\\n${UNSAFE_BUT_LINES_CLASS}]`, 'u');
const UNSAFE_BUT_LINES = new RegExp(`[${UNSAFE_BUT_LINES_CLASS}]`, 'u');
const FORMAT = /\p{Cf}/u;

/** Every character `sanitize` would not let through but newline and tab, for a caller that escapes rather than drops them (JSON). */
export const unsafeChars = (): RegExp => new RegExp(UNSAFE_BUT_LINES.source, 'gu');

/** A character (by code point) that `sanitize` never lets through as it is. */
export function isUnsafeChar(c: number): boolean {
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || (c > 0xa0 && FORMAT.test(String.fromCodePoint(c)));
}

/** Index just past a string sequence's terminator (BEL, ESC \, or ST), or -1 when there is none. */
function endOfString(s: string, from: number, belEnds: boolean): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x9c) return i + 1;
    if (belEnds && c === 0x07) return i + 1;
    if (c === ESC && s.charCodeAt(i + 1) === 0x5c) return i + 2;
  }
  return -1;
}

/** Index just past a CSI sequence whose parameters start at `from`. */
function endOfCsi(s: string, from: number): number {
  let i = from;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x3f) { i++; continue; } // parameters and intermediates
    if (c >= 0x40 && c <= 0x7e) return i + 1; // final byte
    return i; // malformed: drop what we saw, keep the rest
  }
  return i;
}

/** Length of the escape sequence starting at `i` (s[i] is ESC or an 8-bit introducer). */
function sequenceLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  let kind: number; // the 7-bit final that names the sequence: '[', ']', 'P', 'X', '^', '_'
  let body: number;
  if (c === ESC) {
    const n = s.charCodeAt(i + 1);
    if (Number.isNaN(n)) return 1;
    if (n === 0x5b || n === 0x5d || n === 0x50 || n === 0x58 || n === 0x5e || n === 0x5f) {
      kind = n;
      body = i + 2;
    } else {
      // ESC, intermediates 0x20-0x2f, then one final 0x30-0x7e (ESC c, ESC ( B, ESC 7 ...)
      let j = i + 1;
      while (j < s.length && s.charCodeAt(j) >= 0x20 && s.charCodeAt(j) <= 0x2f) j++;
      const f = s.charCodeAt(j);
      return f >= 0x30 && f <= 0x7e ? j + 1 - i : j - i;
    }
  } else {
    kind = { 0x9b: 0x5b, 0x9d: 0x5d, 0x90: 0x50, 0x98: 0x58, 0x9e: 0x5e, 0x9f: 0x5f }[c] ?? 0;
    if (!kind) return 1;
    body = i + 1;
  }
  if (kind === 0x5b) return endOfCsi(s, body) - i;
  const end = endOfString(s, body, kind === 0x5d);
  // An unterminated string drops only its introducer: the text after it is shown, harmless.
  return end < 0 ? body - i : end - i;
}

export function sanitize(text: string, options: SanitizeOptions = {}): string {
  if (!UNSAFE.test(text)) return text;
  // The usual text that is not safe as it is: it only breaks lines or holds tabs (a paragraph's
  // last line break). Nothing else to drop, so no reading of it character by character.
  if (!UNSAFE_BUT_LINES.test(text)) return spaced(text, options);
  let out = '';
  let run = 0; // start of the current run of safe characters
  const flush = (i: number) => {
    if (i > run) out += text.slice(run, i);
  };
  for (let i = 0; i < text.length; ) {
    const c = text.codePointAt(i)!;
    let skip = 0;
    let replace = '';
    if (c === 0x0a) {
      if (!options.keepNewlines) { skip = 1; replace = ' '; }
    } else if (c === 0x09) {
      if (!options.keepTabs) { skip = 1; replace = ' '; }
    } else if (c === 0x2028 || c === 0x2029) {
      skip = 1; // line and paragraph separators: terminals differ, a space never surprises
      replace = options.keepNewlines ? '\n' : ' ';
    } else if (c === ESC || c === 0x9b || c === 0x9d || c === 0x90 || c === 0x98 || c === 0x9e || c === 0x9f) {
      skip = sequenceLength(text, i);
    } else if (isUnsafeChar(c)) {
      skip = c > 0xffff ? 2 : 1;
    }
    if (skip) {
      flush(i);
      out += replace;
      i += skip;
      run = i;
    } else {
      i++;
    }
  }
  flush(text.length);
  return out;
}

const LINES_AND_TABS = /[\n\t]/g;
const LINES = /\n/g;
const TABS = /\t/g;

/** Newlines and tabs as `sanitize` leaves them: a space each, unless kept. */
function spaced(text: string, o: SanitizeOptions): string {
  const which = o.keepNewlines ? (o.keepTabs ? null : TABS) : o.keepTabs ? LINES : LINES_AND_TABS;
  return which ? text.replace(which, ' ') : text;
}

/** True when the text holds nothing `sanitize` would change (newline and tab allowed). */
export function isTerminalSafe(text: string): boolean {
  return !UNSAFE_BUT_LINES.test(text);
}
