/**
 * The "who says what" panel (`s`) as rows: a pure function of the article's highlights.
 * Figures are grouped under the source that gives them (with the medium that relays
 * it), then the article's own figures, then the sources that give no figure. Each row
 * says where Enter jumps and what it marks there.
 */

import type { Claim, Highlighted, Place } from '../core/highlight/article.js';
import { sanitize } from '../core/sanitize.js';
import { truncate } from '../core/width.js';
import type { FrameLine } from './list-frame.js';

export interface Mark {
  paragraph: number;
  start: number;
  end: number;
}

export interface PanelRow {
  line: FrameLine;
  /** The first is where Enter jumps; all are marked there (a figure, its source, its via). */
  marks: Mark[];
}

const markOf = (p: Place): Mark => ({ paragraph: p.paragraph, start: p.start, end: p.end });
const key = (p: Place | null) => (p ? p.text.toLowerCase() : '');

/** A few words after the figure, to say what it counts: `2000` → `mensen zijn opgepakt`. */
function context(body: Highlighted, f: Place): string {
  const after = body.paragraphs[f.paragraph]!.text.slice(f.end, f.end + 60);
  const words = after.split(/(?<=[.,;:!?"”])|\s+/).filter(Boolean);
  const out: string[] = [];
  for (const w of words) {
    if (/^[.,;:!?"”]$/.test(w)) break;
    out.push(w.replace(/[.,;:!?"”]+$/, ''));
    if (out.length === 4 || /[.,;:!?"”]$/.test(w)) break;
  }
  return out.join(' ');
}

/** One line for a claim: `2000 — het ministerie, via TASS`, for the footer when a jump or find lands on a figure. */
export function describeClaim(c: Claim): string {
  const who = c.source ? `${c.source.text}${c.via ? `, via ${c.via.text}` : ''}` : 'the article itself (no source named)';
  return sanitize(`${c.figure.text} — ${who}`);
}

/** The claim of the figure that a mark lands on, if any. */
export function claimAt(body: Highlighted, m: Mark | undefined | null): Claim | undefined {
  if (!m) return undefined;
  return body.claims.find((c) => c.figure.paragraph === m.paragraph && c.figure.start < m.end && m.start < c.figure.end);
}

const cache = new WeakMap<Highlighted, Map<number, PanelRow[]>>();

/** The panel's rows at a width (cached: the reducer asks for their number on every key). */
export function panelRows(body: Highlighted, width: number): PanelRow[] {
  let byWidth = cache.get(body);
  if (!byWidth) cache.set(body, (byWidth = new Map()));
  let rows = byWidth.get(width);
  if (!rows) byWidth.set(width, (rows = buildRows(body, width)));
  return rows;
}

function buildRows(body: Highlighted, width: number): PanelRow[] {
  const w = Math.max(10, width - 4);
  const rows: PanelRow[] = [];
  const fit = (line: FrameLine): FrameLine => {
    let left = w;
    return line.flatMap((piece) => {
      if (left <= 0) return [];
      const text = truncate(piece.text, left);
      left -= [...text].length;
      return [{ ...piece, text }];
    });
  };
  const figureRow = (c: Claim): PanelRow => ({
    line: fit([{ text: '  ' }, { text: sanitize(c.figure.text), role: 'figure' }, { text: ` ${sanitize(context(body, c.figure))}`, role: 'dim' }]),
    marks: [markOf(c.figure), ...(c.source ? [markOf(c.source)] : []), ...(c.via ? [markOf(c.via)] : [])],
  });

  // Groups by origin and via, in the order of their first figure.
  const groups = new Map<string, Claim[]>();
  for (const c of body.claims.filter((k) => k.source)) {
    const k = `${key(c.source)}\u0000${key(c.via)}`;
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  for (const claims of groups.values()) {
    const { source, via } = claims[0]!;
    rows.push({
      line: fit([
        { text: sanitize(source!.text), role: 'source' },
        ...(via ? [{ text: ' via ', role: 'dim' as const }, { text: sanitize(via.text), role: 'source' as const }] : []),
        { text: ` — ${claims.map((c) => sanitize(c.figure.text)).join(' · ')}`, role: 'dim' },
      ]),
      marks: [markOf(source!), ...(via ? [markOf(via)] : [])],
    });
    rows.push(...claims.map(figureRow));
  }
  const own = body.claims.filter((c) => !c.source);
  if (own.length) {
    rows.push({ line: fit([{ text: 'the article itself', role: 'title' }, { text: ` — ${own.length === 1 ? '1 figure' : `${own.length} figures`} with no source named`, role: 'dim' }]), marks: [markOf(own[0]!.figure)] });
    rows.push(...own.map(figureRow));
  }
  const giving = new Set(body.claims.flatMap((c) => [key(c.source), key(c.via)]));
  const others = body.sources.filter((s) => !giving.has(s.name.toLowerCase()));
  if (others.length) {
    rows.push({ line: fit([{ text: 'other sources', role: 'title' }, { text: ' — named, but giving no figure', role: 'dim' }]), marks: [{ paragraph: others[0]!.paragraph, start: others[0]!.start, end: others[0]!.end }] });
    for (const s of others) {
      rows.push({ line: fit([{ text: '  ' }, { text: sanitize(s.name), role: 'source' }, { text: s.mentions > 1 ? ` ×${s.mentions}` : '', role: 'dim' }]), marks: [{ paragraph: s.paragraph, start: s.start, end: s.end }] });
    }
  }
  return rows;
}
