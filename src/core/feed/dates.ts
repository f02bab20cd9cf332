/**
 * Dates as feeds and pages give them, to one ISO form in Dutch time (`2025-01-14T10:00+01:00`).
 *
 * ISO 8601 and RFC 822 with any zone (also the `CET`/`CEST` no parser knows), and Dutch
 * dates (`dinsdag 14 januari 2025, 10:00`). A time without a zone is Amsterdam time, not
 * the machine's: the news is Dutch.
 */


// RFC 822 zones and the European ones feeds use; minutes east of UTC
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0, west: 60, bst: 60, cet: 60, met: 60, cest: 120, mest: 120, eet: 120, eest: 180,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
};

import { MONTHS } from '../date.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** The last Sunday of a month, as a day of the month (UTC). */
function lastSunday(y: number, month: number): number {
  const last = new Date(Date.UTC(y, month, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/** Amsterdam's offset from UTC at an instant: summer time from the last Sunday of March to that of October, 01:00 UTC. */
export function amsterdamOffset(utcMs: number): number {
  const y = new Date(utcMs).getUTCFullYear();
  const start = Date.UTC(y, 2, lastSunday(y, 3), 1);
  const end = Date.UTC(y, 9, lastSunday(y, 10), 1);
  return utcMs >= start && utcMs < end ? 120 : 60;
}

/** A wall-clock time in Amsterdam to its instant (in the autumn's repeated hour, the winter one; in spring's gap, as winter). */
function fromAmsterdam(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  for (const off of [60, 120]) if (amsterdamOffset(wall - off * 60_000) === off) return wall - off * 60_000;
  return wall - 60 * 60_000;
}

/** An instant as Amsterdam's wall clock with its offset: `2025-01-14T10:00+01:00`. */
export function isoInAmsterdam(utcMs: number): string {
  const off = amsterdamOffset(utcMs);
  const t = new Date(utcMs + off * 60_000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}+${pad(off / 60)}:00`;
}

function valid(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): boolean {
  return y >= 1900 && y <= 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 24 && mi < 60 && s < 61;
}

function zoneMinutes(zone: string): number | undefined {
  const z = zone.toLowerCase();
  if (z in ZONES) return ZONES[z];
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  return m ? (m[1] === '-' ? -1 : 1) * (+m[2]! * 60 + +m[3]!) : undefined;
}

export interface FeedInstant {
  /** ms since 1970 (a date without a time: its noon in Amsterdam) */
  at: number;
  /** false for a date without a time of day */
  timed: boolean;
}

/** The instant a date string names, or undefined when it names none. */
export function parseFeedDate(raw: string | undefined | null): FeedInstant | undefined {
  const s = (raw ?? '').trim();
  if (!s) return undefined;
  // ISO 8601: 2025-01-14, 2025-01-14T10:00:00.000+01:00, 2025-01-14 10:00 Z
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[A-Za-z]{1,5})?)?$/.exec(s);
  if (m) {
    const [y, mo, d, h, mi, sec] = [+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 12), +(m[5] ?? 0), +(m[6] ?? 0)];
    if (!valid(y, mo, d, h, mi, sec)) return undefined;
    const off = m[7] ? zoneMinutes(m[7]) : undefined;
    if (m[7] && off === undefined) return undefined;
    return { at: off === undefined ? fromAmsterdam(y, mo, d, h, mi, sec) : Date.UTC(y, mo - 1, d, h, mi, sec) - off * 60_000, timed: m[4] !== undefined };
  }
  // RFC 822 and Dutch: [weekday[,]] 14 jan[uari] 2025[,] [om] [10:00[:00]] [zone]
  m = /^(?:[A-Za-z]+\.?,?\s+)?(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4}|\d{2})(?!\d),?\s*(?:(?:om\s+)?(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?:\s*uur)?)?\s*(\S+)?$/i.exec(s);
  if (m && MONTHS[m[2]!.toLowerCase()]) {
    const y = m[3]!.length === 2 ? 2000 + +m[3]! : +m[3]!;
    const [mo, d, h, mi, sec] = [MONTHS[m[2]!.toLowerCase()]!, +m[1]!, +(m[4] ?? 12), +(m[5] ?? 0), +(m[6] ?? 0)];
    if (!valid(y, mo, d, h, mi, sec)) return undefined;
    const off = m[7] ? zoneMinutes(m[7]) : undefined;
    if (m[7] && off === undefined) return undefined;
    return { at: off === undefined ? fromAmsterdam(y, mo, d, h, mi, sec) : Date.UTC(y, mo - 1, d, h, mi, sec) - off * 60_000, timed: m[4] !== undefined };
  }
  return undefined;
}

/** A feed's date as the article header writes it, or '' when it gives none that can be read. */
export function feedDate(raw: string | undefined | null): string {
  const t = parseFeedDate(raw);
  if (!t) return '';
  const iso = isoInAmsterdam(t.at);
  return t.timed ? iso : iso.slice(0, 10);
}
