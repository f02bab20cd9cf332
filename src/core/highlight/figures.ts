/** Figures: numbers and quantities, with their hedge, currency, scale and unit. */

import type { Span } from '../article.js';
import {
  AFTER_YEAR, APPROXIMATE, CURRENCY, FRACTIONS, HEDGES, MONTHS, NAME_BEFORE_NUMBER, ORDINALS, PER_UNITS, SCALES, UNIT_WORDS,
  YEAR_BEFORE, isNumberWord,
} from './lexicon.js';
import type { Token } from './tokens.js';

const NUMBER = /^\d+(?:\.\d{3})*(?:,\d+)?$|^\d+(?:,\d+)?$|^\d+\.\d+$/;
const RANGE = /^\d+(?:[.,]\d+)*[-–]\d+(?:[.,]\d+)*$/;
const ORDINAL_DIGITS = /^\d+(?:e|ste|de)$/;
const TIME = /^\d{1,2}[.:]\d{2}$/;
// `het derde kwartaal`, `de tweede helft`: an ordinal that names a period or rank, not a count
const PERIOD_NAMES = new Set(['kwartaal', 'kwartier', 'helft', 'eeuw', 'klas', 'rang', 'generatie', 'divisie', 'ronde', 'graad', 'wereldoorlog', 'termijn', 'persoon', 'lezing']);
const RANGE_WORDS = new Set(['tot', 'à', 'a', '-', '–', 'tot en met']);

const low = (t: Token[], i: number) => t[i]?.low;

function isNumeric(t: Token | undefined): boolean {
  return !!t && (NUMBER.test(t.text) || RANGE.test(t.text) || isNumberWord(t.low));
}

/** `2022` after `in`, `sinds`, a month...: a year, not a count. */
function isYear(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!/^(1[5-9]|20)\d\d$/.test(t.text)) return false;
  const prev = low(tokens, i - 1) ?? '';
  if (MONTHS.has(prev) || /^'?\d\d$/.test(prev)) return true;
  const next = tokens[i + 1];
  const nextIsContent = next && /^\p{Ll}/u.test(next.text) && !AFTER_YEAR.has(next.low) && !UNIT_WORDS.has(next.low);
  if (YEAR_BEFORE.has(prev)) return !nextIsContent;
  // A year at a sentence's end or before a comma, with no counted noun after it.
  return !next || (/^[.,;:!?)]$/.test(next.text) && !/^\d/.test(prev));
}

/** Digits that are part of a name or a date rather than a quantity. */
function isNotAQuantity(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  const next = low(tokens, i + 1);
  if (prev && NAME_BEFORE_NUMBER.has(prev.low) && /^\p{L}/u.test(prev.text)) {
    // `Radio 1`, `lijn 5`; but `week` and `kamer` count things when lower case and followed by a unit
    return !(next && UNIT_WORDS.has(next));
  }
  if (prev && /^\p{Lu}[\p{L}]*$/u.test(prev.text) && prev.text.length <= 6 && /^\p{Lu}+$/u.test(prev.text) && prev.text.length >= 2) {
    return !(next && UNIT_WORDS.has(next)); // `NPO 2`, `PSV 1`
  }
  if (next && MONTHS.has(next) && /^\d{1,2}$/.test(t.text)) return true; // `6 januari`
  if (TIME.test(t.text) && (next === 'uur' || ['om', 'rond', 'vanaf', 'tot', 'na', 'voor'].includes(prev?.low ?? ''))) return true;
  if (prev?.text === '#') return true;
  if (isYear(tokens, i)) return true;
  return false;
}

interface Core {
  start: number; // token index
  end: number; // token index, exclusive
}

/** The figure that starts at token i, before hedges and units are added. */
function core(tokens: Token[], i: number): Core | null {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  if (NUMBER.test(t.text) || RANGE.test(t.text)) return isNotAQuantity(tokens, i) ? null : { start: i, end: i + 1 };
  if (ORDINAL_DIGITS.test(t.text)) return { start: i, end: i + 1 };
  if (APPROXIMATE.has(t.low)) return { start: i, end: i + 1 };
  if (t.low === 'de' && next?.low === 'helft') return { start: i, end: i + 2 };
  if (t.low === 'een' || t.low === 'één') {
    // `een miljoen`, `een derde`, `een kwart`, `een op de vijf`, `een tiental`, `een half jaar`
    if (next && (SCALES.has(next.low) || FRACTIONS.has(next.low))) return { start: i, end: i + 2 };
    if (next && /^\p{Ll}+tal$/u.test(next.text) && isNumberWord(next.low.slice(0, -3))) return { start: i, end: i + 2 };
    if (next?.low === 'op' && low(tokens, i + 2) === 'de' && isNumeric(tokens[i + 3])) return { start: i, end: i + 4 };
    if (t.low === 'één') return { start: i, end: i + 1 };
    return null;
  }
  if (isNumberWord(t.low)) {
    if (t.text === 'Elf' || t.text === 'Acht') return null; // sentence-initial `Acht` (considers) or the name `Elf`
    if (next?.low === 'op' && low(tokens, i + 2) === 'de' && isNumeric(tokens[i + 3])) return { start: i, end: i + 4 };
    return { start: i, end: i + 1 };
  }
  if (ORDINALS.has(t.low) && /^\p{Ll}/u.test(t.text)) {
    // An ordinal used as a count: `de derde storing`, `voor de vijfde keer`; not `Tweede Kamer`.
    const prev = low(tokens, i - 1) ?? '';
    if (['de', 'het', 'een', 'zijn', 'haar', 'hun', 'onze', 'ons', 'mijn', 'jouw'].includes(prev) && next && /^\p{Ll}/u.test(next.text) && !PERIOD_NAMES.has(next.low)) {
      return { start: i, end: i + 1 };
    }
  }
  return null;
}

function matchesAt(tokens: Token[], i: number, words: string[]): boolean {
  return words.every((w, k) => tokens[i + k]?.low === w);
}

/** Absorbs scale words, fractions, units, `per uur` and ranges after a figure. */
function extendRight(tokens: Token[], end: number): number {
  let j = end;
  for (;;) {
    const t = tokens[j];
    if (!t) return j;
    if (SCALES.has(t.low) || t.low === 'miljoen' || t.low === 'miljard') { j++; continue; }
    if (FRACTIONS.has(t.low) && isNumberWord(tokens[j - 1]?.low ?? '')) { j++; continue; }
    if (t.low === 'en' && low(tokens, j + 1) === 'een' && (low(tokens, j + 2) === 'half' || low(tokens, j + 2) === 'halve')) { j += 3; continue; }
    if (UNIT_WORDS.has(t.low) || t.text === '%') {
      // `vierkante meter`, `km per uur`
      j++;
      if (tokens[j]?.low === 'per' && tokens[j + 1] && (PER_UNITS.has(tokens[j + 1]!.low) || UNIT_WORDS.has(tokens[j + 1]!.low))) j += 2;
      continue;
    }
    if (t.text === '/' && tokens[j + 1] && UNIT_WORDS.has(tokens[j + 1]!.low)) { j += 2; continue; }
    if (RANGE_WORDS.has(t.low) && tokens[j + 1] && t.end === t.start + t.text.length) {
      let k = j + 1;
      if (CURRENCY.has(tokens[k]?.text ?? '')) k++;
      if (isNumeric(tokens[k]) && !(NUMBER.test(tokens[k]!.text) && isYear(tokens, k))) { j = k + 1; continue; }
    }
    return j;
  }
}

/** Adds a currency sign and hedges before a figure. */
function extendLeft(tokens: Token[], start: number): number {
  let i = start;
  if (i > 0 && CURRENCY.has(tokens[i - 1]!.text)) i--;
  for (let again = true; again; ) {
    again = false;
    for (const h of HEDGES) {
      const k = i - h.length;
      if (k >= 0 && matchesAt(tokens, k, h)) {
        i = k;
        again = true;
        break;
      }
    }
    if (i > 0 && CURRENCY.has(tokens[i - 1]!.text)) { i--; again = true; }
  }
  return i;
}

export function findFigures(tokens: Token[]): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const c = core(tokens, i);
    if (!c) continue;
    const end = extendRight(tokens, c.end);
    const start = extendLeft(tokens, c.start);
    spans.push({ type: 'figure', start: tokens[start]!.start, end: tokens[end - 1]!.end });
    i = end - 1;
  }
  return spans;
}
