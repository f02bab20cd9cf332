/** Article dates: whatever a header says, to a sortable `YYYY[-MM[-DD]]`, or '' when unknown. */

/** Month names and abbreviations, Dutch and English, to their number. */
export const MONTHS: Record<string, number> = {
  jan: 1, januari: 1, january: 1, feb: 2, februari: 2, february: 2, mrt: 3, maart: 3, mar: 3, march: 3,
  apr: 4, april: 4, mei: 5, may: 5, jun: 6, juni: 6, june: 6, jul: 7, juli: 7, july: 7, aug: 8, augustus: 8,
  august: 8, sep: 9, sept: 9, september: 9, okt: 10, oktober: 10, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m?: number, d?: number): boolean {
  if (y < 1000 || y > 9999) return false;
  if (m !== undefined && (m < 1 || m > 12)) return false;
  if (d !== undefined && (d < 1 || d > 31)) return false;
  return true;
}

export function normaliseDate(raw: string): string {
  const s = raw.trim().toLowerCase();
  let m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[t\s].*)?$/.exec(s);
  if (m) {
    const y = +m[1]!, mo = m[2] ? +m[2] : undefined, d = m[3] ? +m[3] : undefined;
    if (!valid(y, mo, d)) return '';
    return `${y}${mo ? '-' + pad(mo) : ''}${mo && d ? '-' + pad(d) : ''}`;
  }
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) {
    const d = +m[1]!, mo = +m[2]!, y = +m[3]!;
    return valid(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : '';
  }
  m = /^(?:[a-z]+,?\s+)?(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})\b/.exec(s);
  if (m && MONTHS[m[2]!]) {
    const d = +m[1]!, mo = MONTHS[m[2]!]!, y = +m[3]!;
    return valid(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : '';
  }
  return '';
}
