/**
 * Splitting a Dutch compound into its parts, by a word list, the way Lucene's dictionary
 * compound filter does: `veiligheidstroepen` → `veiligheid` + `troepen`, `lpgprijs` →
 * `lpg` + `prijs`. The split with the fewest parts wins, then the one with the longest
 * head (the last part, which says what the whole is).
 */

import type { Lexicon } from './lexicon.js';
import { stem } from './stem.js';

const MIN_PART = 3;
const MIN_HEAD = 4;
// A word the list knows is split only when this long: `minister` is not `mini` + `ster`,
// `justitieminister` is `justitie` + `minister`.
const MIN_KNOWN_SPLIT = 10;

// Suffixes the list also has as words (`heid`, heath): never the head of a compound.
const NOT_HEADS = new Set(['heid', 'heden', 'ling', 'lingen', 'lijk', 'lijke', 'lijks', 'baar', 'bare', 'schap', 'schappen', 'ster', 'sters', 'tjes', 'ting', 'tingen', 'nissen', 'enis', 'eren', 'erij', 'isme', 'iek', 'ieke']);
// Prefixes the list also has as words (`ver`, far): never a part before the head.
const NOT_MODIFIERS = new Set(['ver', 'ont', 'her', 'mis', 'aan', 'gen', 'ten', 'ter', 'ers', 'tie', 'nie', 'ies', 'ren', 'den', 'ing']);

/** Is `piece` a word before the head: a known word, or one with its linking `s` or `en` (when links are allowed). */
function modifier(piece: string, lexicon: Lexicon, links: boolean): string | null {
  if (NOT_MODIFIERS.has(piece)) return null;
  if (lexicon.has(piece)) return piece;
  if (!links) return null;
  for (const link of ['s', 'en']) {
    if (piece.endsWith(link)) {
      const base = piece.slice(0, -link.length);
      if (base.length >= MIN_PART && !NOT_MODIFIERS.has(base) && lexicon.has(base)) return base;
    }
  }
  return null;
}

/** Is `piece` a head: a known word, or an inflected form of one (`troepen`, `huisje`). */
function head(piece: string, lexicon: Lexicon): boolean {
  if (piece.length < MIN_HEAD || NOT_HEADS.has(piece)) return false;
  if (lexicon.has(piece)) return true;
  const s = stem(piece);
  return s !== piece && s.length >= MIN_HEAD && !NOT_HEADS.has(s) && lexicon.has(s);
}

/** The parts of a folded word, or null when it is not a compound (as far as the list knows). */
export function splitCompound(word: string, lexicon: Lexicon): string[] | null {
  const n = word.length;
  if (lexicon.empty || n < MIN_PART + MIN_HEAD || !/^[a-z]+$/.test(word)) return null;
  // A word the list knows (or the stem of one) is mostly a simple word: split only when long,
  // and into words without a link (`justitie|minister`, never `demon|s|tranten`).
  const known = lexicon.has(word) || lexicon.has(stem(word));
  if (known && n < MIN_KNOWN_SPLIT) return null;
  // best[i]: the fewest parts that make word[i..] a run of modifiers ending in a head
  const best: Array<string[] | null> = new Array(n + 1).fill(null);
  for (let i = n - MIN_HEAD; i >= 0; i--) {
    const tail = word.slice(i);
    // the head, alone; a whole word is not its own split
    let found: string[] | null = i > 0 && head(tail, lexicon) ? [tail] : null;
    for (let j = i + MIN_PART; j <= n - MIN_HEAD; j++) {
      const rest = best[j];
      if (!rest || (found && found.length <= rest.length + 1)) continue;
      const m = modifier(word.slice(i, j), lexicon, !known);
      if (m) found = [m, ...rest];
    }
    best[i] = found;
  }
  const parts = best[0];
  return parts && parts.length > 1 ? parts : null;
}
