/** `krant --print` lists: one article a line, `id<TAB>date<TAB>source<TAB>title`; an empty field where there is none. */

import { sanitize } from '../core/sanitize.js';
import type { ListRow } from '../store/store.js';

// Fields never hold a tab or newline: sanitize turns both into spaces.
const field = (s: string) => sanitize(s);

export function listLine(row: Pick<ListRow, 'id' | 'date' | 'source' | 'title'>): string {
  return `${field(row.id)}\t${field(row.date)}\t${field(row.source)}\t${field(row.title)}`;
}

export function renderList(rows: Iterable<Pick<ListRow, 'id' | 'date' | 'source' | 'title'>>): string {
  let out = '';
  for (const r of rows) out += listLine(r) + '\n';
  return out;
}
