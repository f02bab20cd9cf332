/**
 * The messages between the reader and its index helper process (index-helper.ts), one
 * JSON object a line: searches in on the helper's stdin, progress, results and the end
 * of the sync out on its stdout. One definition for both sides.
 */

import type { SyncProgress } from './progress.js';
import type { Warning } from './scan.js';
import type { ListRow } from './store.js';
import type { View } from './views.js';

/** Reader → helper: a search (in a view); only the newest is answered. */
export interface SearchRequest {
  seq: number;
  view: View;
  search: string;
  offset: number;
  limit: number;
}

/** Helper → reader. */
export interface HelperMessage {
  progress?: SyncProgress;
  done?: { added: number; changed: number; removed: number; ms: number; warnings: Warning[] };
  failed?: string;
  /** Said once to the user after the reader ends (an index rebuilt, a cache in memory). */
  notice?: string;
  result?: { seq: number; count: number; rows: ListRow[]; partial?: boolean; error?: string };
}

/** The helper's arguments: the folder, and the reading state's file ('' for none). */
export const helperArgs = (folder: string, stateFile: string | null) => [folder, stateFile ?? ''];
