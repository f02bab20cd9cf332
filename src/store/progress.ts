/** How far an index build is, in words: for stderr and for the reader's header. */

export interface SyncProgress {
  /** Files read and indexed so far, of `total` to do. */
  done: number;
  total: number;
  /** While the folder is still being scanned: files found so far. */
  found?: number;
  startedAt: number;
}

export function progressText(p: SyncProgress, now = Date.now()): string {
  if (p.found !== undefined) return `scanning the folder: ${p.found} articles found`;
  const secs = Math.max((now - p.startedAt) / 1000, 0.001);
  const rate = p.done / secs;
  const left = rate > 0 ? Math.ceil((p.total - p.done) / rate) : 0;
  return `indexing ${p.done}/${p.total} articles (${Math.round(rate)}/s, ${left}s left)`;
}
