/**
 * Claims: for every figure, who gives it (its origin) and who passes it on (via), or
 * neither when the article states it on its own authority. Read from the highlighter's
 * analysis of each paragraph: its source hits carry the cue that found them (`volgens X`,
 * `X hoorde van Y`, `…, meldt X`), which says what they govern. The rules, and the
 * annotated sets they are scored on, are in ARCHITECTURE.md "Claims".
 */

import type { Span } from '../article.js';
import type { Analysis } from './index.js';
import { MEDIA, SAY_VERBS } from './lexicon.js';
import type { Cue, SourceHit } from './sources.js';
import type { Token } from './tokens.js';

/** A stretch of one paragraph: where a figure or a source is, and its text. */
export interface Place {
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

export interface Claim {
  figure: Place;
  source: Place | null;
  via: Place | null;
}

interface Report {
  origin: Place;
  via: Place | null;
  /** Token index of the hit, for choosing the nearest report. */
  at: number;
  /** The figures' unit words, to tell a sentence that gives more of the same statistic. */
  units?: Set<string>;
}

/** A source of a paragraph, as claims read it. */
interface Party {
  start: number;
  end: number;
  cue: Cue;
  /** Token range. */
  from: number;
  to: number;
}

// Cues that make a source the origin of what its sentence reports.
const ORIGIN_CUES = new Set<Cue>(['according', 'subject', 'inverted', 'heardFrom', 'by', 'basis', 'report', 'quoteIntro']);
const CUE_RANK: Cue[] = ['heardFrom', 'basis', 'by', 'according', 'quoteIntro', 'report', 'inverted', 'subject', 'to', 'name', 'dateline', 'credit'];
/** Verbs that report a number as well as say it: `het CBS telde`, `de ANWB becijferde`. */
const REPORT_VERBS = new Set([...SAY_VERBS, 'telt', 'telde', 'tellen', 'telden', 'becijfert', 'becijferde', 'becijferen', 'becijferden',
  'registreert', 'registreerde', 'noteert', 'noteerde', 'berekent', 'berekende', 'rekent', 'rekende', 'constateert', 'constateerde', 'raamt', 'raamde', 'spreekt', 'sprak']);
const MEDIA_NAMES = new Set(MEDIA);
const MEDIA_NOUNS = new Set(['persbureau', 'krant', 'dagblad', 'omroep', 'zender', 'nieuwszender', 'tv-zender', 'website', 'nieuwssite', 'programma', 'tijdschrift', 'weekblad', 'nieuwsdienst', 'staatspersbureau', 'staatstelevisie', 'televisie']);
const JOINS = new Set(['rond', 'bij', 'uit', 'namens']);
const CLAUSE_BREAKS = new Set([';', 'maar', 'terwijl', 'hoewel', 'zodat', 'waardoor']);
const PRONOUN_SUBJECTS = new Set(['hij', 'zij', 'ze']);
const POINTERS = new Set(['daar', 'daarin', 'daaruit', 'daarmee', 'hierin', 'hieruit']);
const COPULAS = new Set(['is', 'was', 'zijn', 'waren', 'komt', 'kwam', 'betekent', 'gaat', 'ging', 'lag', 'ligt']);
const STAT_NOUNS = new Set(['aantal', 'aandeel', 'percentage', 'cijfer', 'cijfers', 'bedrag', 'getal', 'record', 'niveau', 'tempo', 'totaal', 'groei', 'stijging', 'daling']);
const EARLIER = new Set(['eerder', 'vorig', 'vorige', 'ervoor', 'daarvoor', 'destijds']);
const GROUP_REFS: string[][] = [['van', 'hen'], ['van', 'wie'], ['onder', 'hen'], ['onder', 'wie'], ['daarvan'], ['waarvan'], ['van', 'die']];
// Estimates that name no one, and the writer's own hedges: no source (rule 5).
const UNSOURCED: string[][] = [['naar', 'schatting'], ['wordt', 'geschat'], ['worden', 'geschat'], ['lijkt', 'erop'], ['vermoedelijk'], ['waarschijnlijk']];
const OPENERS = /^["“„'‘(]$/;

const isEnd = (t: Token) => t.text === '.' || t.text === '!' || t.text === '?';
const has = (toks: Token[], seq: string[]) => toks.some((_, i) => seq.every((w, k) => toks[i + k]?.low === w));

/** Sentences as token ranges. A full stop inside a quotation does not end its sentence: the speaker is usually named after it. */
function sentences(a: Analysis): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  let q = 0; // the first quotation that does not end before the token
  for (let i = 0; i < a.tokens.length; i++) {
    const t = a.tokens[i]!;
    while (q < a.quotes.length && a.quotes[q]!.end < t.end) q++;
    const quote = a.quotes[q];
    const next = a.tokens[i + 1];
    const inQuote = !!quote && quote.start < t.start && t.end < quote.end;
    const closesQuote = !!quote && quote.end === t.end && quote.end - quote.start > 2 && /[.!?]/.test(a.text[t.start - 1] ?? '') && !!next && /^\p{Lu}/u.test(next.text);
    if ((isEnd(t) && !inQuote && !(next && /^[”"’']$/.test(next.text))) || closesQuote) {
      out.push([from, i + 1]);
      from = i + 1;
    }
  }
  if (from < a.tokens.length) out.push([from, a.tokens.length]);
  return out;
}

/** The first token for which `past` holds (tokens.length when none): a binary search, tokens being in order. */
function firstToken(tokens: Token[], past: (t: Token) => boolean): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(tokens[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
/** The first token that ends after `char`. */
const tokenAt = (tokens: Token[], char: number) => firstToken(tokens, (t) => t.end > char);
/** The last token that starts before `char`, or -1. */
const tokenBefore = (tokens: Token[], char: number) => firstToken(tokens, (t) => t.start >= char) - 1;

/** The paragraph's sources for claims: overlapping hits as one, with the strongest cue; `bronnen rond het kabinet` as one. */
function parties(a: Analysis): Party[] {
  const hits = a.sources.filter((h) => h.cue !== 'dateline' && h.cue !== 'credit').sort((x, y) => x.start - y.start || y.end - x.end);
  const merged: SourceHit[] = [];
  for (const h of hits) {
    const last = merged[merged.length - 1];
    const between = last ? a.tokens.slice(tokenAt(a.tokens, last.end), tokenBefore(a.tokens, h.start) + 1) : [];
    const joined = last && between.length > 0 && between.length <= 2 && JOINS.has(between[0]!.low);
    if (last && (h.start < last.end || joined)) {
      last.end = Math.max(last.end, h.end);
      if (CUE_RANK.indexOf(h.cue) < CUE_RANK.indexOf(last.cue)) last.cue = h.cue;
    } else merged.push({ ...h });
  }
  return merged.map((h) => ({ ...h, from: tokenAt(a.tokens, h.start), to: tokenBefore(a.tokens, h.end) + 1 }));
}

/** Is this party a medium that was told or that carried it: `tegen persbureau AFP`, `in het NOS Radio 1 Journaal`? */
function isRelay(a: Analysis, p: Party): boolean {
  const text = a.text.slice(p.start, p.end);
  const before = a.tokens.slice(Math.max(0, p.from - 3), p.from).map((t) => t.low);
  const told = before.includes('tegen') || (before.includes('in') && (before.includes('het') || before.includes('de'))) || p.cue === 'to';
  const medium = MEDIA_NAMES.has(text) || before.some((w) => MEDIA_NOUNS.has(w)) || text.split(' ').some((w) => MEDIA_NOUNS.has(w.toLowerCase()));
  return told && medium;
}

export class ClaimReader {
  private readonly claims: Claim[] = [];
  /** The report running through the current paragraph (rule 4), and the last origin named, for `Hij zegt` at a paragraph's start. */
  private lastOrigin: Report | null = null;
  /** The previous sentence, for a pointer back to it (rule 3) or to what it names (`Daar staat`). */
  private previous: { claims: Claim[]; named: Place | null } = { claims: [], named: null };

  /** Reads the next paragraph of the article. */
  paragraph(index: number, a: Analysis): void {
    const place = (s: { start: number; end: number }): Place => ({ paragraph: index, start: s.start, end: s.end, text: a.text.slice(s.start, s.end) });
    const all = parties(a);
    let current: Report | null = null;
    for (const [from, to] of sentences(a)) {
      const toks = a.tokens.slice(from, to);
      const inside = all.filter((p) => p.from >= from && p.to <= to);
      const figures = a.figures.filter((f) => f.start >= toks[0]!.start && f.end <= toks[toks.length - 1]!.end);
      const claims: Claim[] = figures.map((f) => ({ figure: place(f), source: null, via: null }));
      const own = this.reports(a, toks, from, inside, place);
      const words = toks.filter((t) => !OPENERS.test(t.text));
      const first = words[0]?.low ?? '';
      if (own.length) {
        // Rule 3: `Dat meldt X.` gives X the figures of the sentence before, where they had no source.
        if ((first === 'dat' || first === 'dit' || first === 'zo') && own[0]!.at > from + 1) {
          for (const c of this.previous.claims) if (!c.source) Object.assign(c, { source: own[0]!.origin, via: own[0]!.via });
        }
        for (const c of claims) {
          const r = this.nearest(a, own, c.figure, from, to);
          c.source = r.origin;
          c.via = r.via;
        }
        current = { ...own[own.length - 1]!, units: unitsOf(a, figures) };
        this.lastOrigin = current;
      } else {
        const carried = this.carry(a, toks, words, current, figures);
        if (carried) for (const c of claims) Object.assign(c, { source: carried.origin, via: carried.via });
        current = carried && { ...carried, units: new Set([...(carried.units ?? []), ...unitsOf(a, figures)]) };
      }
      this.claims.push(...claims);
      const named = inside[inside.length - 1];
      this.previous = { claims, named: named ? place(named) : null };
    }
  }

  /** The reports a sentence makes itself: origin and via, each at its place. */
  private reports(a: Analysis, toks: Token[], from: number, inside: Party[], place: (s: Span | Party) => Place): Report[] {
    const reports: Report[] = [];
    const relays = inside.filter((p) => isRelay(a, p));
    // `TASS hoorde van het ministerie`, `schrijft RTL op basis van bronnen`: the party before relays
    const relayOf = new Map<Party, Party>();
    for (const p of inside) {
      if (p.cue !== 'heardFrom' && p.cue !== 'basis') continue;
      const relay = [...inside].reverse().find((q) => q !== p && q.to <= p.from && !relayOf.has(q));
      if (relay) relayOf.set(p, relay);
    }
    const relaying = new Set(relayOf.values());
    for (const p of inside) {
      if (relays.includes(p) || relaying.has(p)) continue;
      const relay = relayOf.get(p);
      if (relay) reports.push({ origin: place(p), via: place(relay), at: p.from });
      else if (ORIGIN_CUES.has(p.cue)) reports.push({ origin: place(p), via: null, at: p.from });
    }
    if (reports.length === 0) {
      // A party that opens the sentence and a reporting verb after it: `De Nederlandsche Bank is voorzichtiger en schat`
      const p = inside[0];
      if (p && !relays.includes(p) && toks.slice(0, p.from - from).every((t) => OPENERS.test(t.text) || /^\p{Ll}/u.test(t.text) || t.low === 'de' || t.low === 'het')) {
        const verb = toks.findIndex((t, k) => from + k >= p.to && REPORT_VERBS.has(t.low));
        if (p.from - from <= 4 && verb >= 0 && !inside.some((q) => q !== p && q.from < from + verb)) reports.push({ origin: place(p), via: null, at: p.from });
      }
    }
    // a medium that was told passes on what its sentence reports
    for (const r of reports) {
      if (r.via) continue;
      const relay = relays.find((q) => q.start !== r.origin.start);
      if (relay) r.via = place(relay);
    }
    return reports;
  }

  /** The report that governs a figure: the quotation's speaker, else the nearest in its clause, else the nearest in its sentence. */
  private nearest(a: Analysis, reports: Report[], figure: Place, from: number, to: number): Report {
    if (reports.length === 1) return reports[0]!;
    const at = tokenAt(a.tokens, figure.start);
    let breaks = 0;
    const clause = a.tokens.slice(from, to).map((t) => (CLAUSE_BREAKS.has(t.low) ? ++breaks : breaks));
    const clauseOf = (i: number) => clause[i - from] ?? breaks;
    const quote = a.quotes.find((q) => q.start <= figure.start && figure.end <= q.end);
    const distance = (r: Report) => {
      if (quote) {
        const qFrom = tokenAt(a.tokens, quote.start);
        const qTo = tokenBefore(a.tokens, quote.end);
        return Math.min(Math.abs(r.at - qFrom), Math.abs(r.at - qTo));
      }
      const d = Math.abs(r.at - at) + (r.at > at ? 0.5 : 0);
      return clauseOf(r.at) === clauseOf(at) ? d : d + (to - from) * 2;
    };
    let best = reports[0]!;
    let bestDistance = distance(best);
    for (const r of reports) {
      const d = distance(r);
      if (d < bestDistance) [best, bestDistance] = [r, d];
    }
    return best;
  }

  /** A sentence with no report of its own: does it carry on the one before (rule 4), point at what was named, or speak for the writer (rule 5)? */
  private carry(a: Analysis, toks: Token[], words: Token[], current: Report | null, figures: Span[]): Report | null {
    if (UNSOURCED.some((seq) => has(toks, seq))) return null;
    const first = words[0]?.low ?? '';
    const second = words[1]?.low ?? '';
    // `Daar staat dat …`: on the site named in the sentence before
    if (POINTERS.has(first)) return current ?? (this.previous.named && { origin: this.previous.named, via: null, at: -1 });
    // `Hij zegt`, `Zij schat`: the last named origin, also from the paragraph before
    if (PRONOUN_SUBJECTS.has(first) && toks.some((t) => REPORT_VERBS.has(t.low))) return current ?? this.lastOrigin;
    if (!current) return null;
    if (PRONOUN_SUBJECTS.has(first)) return current;
    if (GROUP_REFS.some((seq) => has(toks, seq))) return current;
    if (toks.some((t) => t.low === 'zou' || t.low === 'zouden')) return current;
    if ((first === 'dat' || first === 'dit') && COPULAS.has(second)) return current;
    if (toks.some((t, i) => STAT_NOUNS.has(t.low) && ['dat', 'dit', 'die', 'deze', 'vorige'].includes(toks[i - 1]?.low ?? ''))) return current;
    if (figures.length && toks.some((t) => EARLIER.has(t.low))) return current;
    // more of the same statistic: `31 zetels … De VVD stijgt naar 22 zetels`
    if (current.units && [...unitsOf(a, figures)].some((u) => current.units!.has(u))) return current;
    // a quotation that goes on: the speaker named before
    const quoted = a.quotes.filter((q) => q.start <= toks[0]!.start + 1 && q.end >= toks[toks.length - 1]!.start);
    if (quoted.length) return current;
    // the subject names the origin again: `De bond ondervroeg …`
    const head = current.origin.text.split(' ').pop()!.toLowerCase();
    if (head.length > 2 && words.slice(0, 4).some((t) => t.low === head)) return current;
    return null;
  }

  /** Every claim so far, in text order. */
  result(): Claim[] {
    return this.claims;
  }
}

/** The counted nouns of figures: the figure's own last word, else the word after it (`31 zetels`, `400 in het ziekenhuis`). */
function unitsOf(a: Analysis, figures: Span[]): Set<string> {
  const out = new Set<string>();
  for (const f of figures) {
    const last = a.text.slice(f.start, f.end).split(' ').pop()!.toLowerCase();
    if (/^\p{L}{3,}$/u.test(last) && !/^(een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|honderd|duizend|miljoen|miljard)$/.test(last)) out.add(last);
    else {
      const next = a.tokens[tokenAt(a.tokens, f.end)];
      if (next && /^\p{Ll}{3,}$/u.test(next.text)) out.add(next.low);
    }
  }
  return out;
}

/** The claims of an article, given each paragraph's analysis in order. */
export function findClaims(paragraphs: Analysis[]): Claim[] {
  const reader = new ClaimReader();
  paragraphs.forEach((a, i) => reader.paragraph(i, a));
  return reader.result();
}

/** The sentence of a paragraph that holds a place: what `--print --claims` shows beside a claim. */
export function sentenceAround(a: Analysis, place: { start: number; end: number }): { start: number; end: number } {
  for (const [from, to] of sentences(a)) {
    const start = a.tokens[from]!.start;
    const end = a.tokens[to - 1]!.end;
    if (place.start >= start && place.start < end) return { start, end };
  }
  return { start: 0, end: a.text.length };
}
