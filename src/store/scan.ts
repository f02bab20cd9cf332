/** Finds the article files below a folder: .txt and .md, recursively, dot-names skipped. */

import fs from 'node:fs';
import path from 'node:path';

export interface FileEntry {
  /** Article id: the path relative to the folder, `/`-separated, without extension. */
  id: string;
  /** Path relative to the folder, `/`-separated, as found (through links). */
  rel: string;
  /** The folder part of `rel` ('' for the root). */
  dir: string;
  size: number;
  mtimeMs: number;
}

export interface Warning {
  what: string;
  path: string;
}

export interface Folder {
  rel: string;
  stat: fs.Stats;
}

export interface Listing {
  files: FileEntry[];
  subfolders: Folder[];
  warnings: Warning[];
}

export const ARTICLE_EXT = /\.(txt|md)$/i;

const errCode = (e: unknown) => ((e as NodeJS.ErrnoException).code ?? 'unreadable').toLowerCase();
const join = (dir: string, name: string) => (dir ? `${dir}/${name}` : name);

export function idFromRel(rel: string): string {
  return rel.replace(ARTICLE_EXT, '');
}

/** Lists one folder: its article files (stat'ed, links followed) and its sub-folders. */
export function listFolder(root: string, dir: string): Listing {
  const files: FileEntry[] = [];
  const subfolders: Folder[] = [];
  const warnings: Warning[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch (e) {
    warnings.push({ what: `cannot list folder: ${errCode(e)}`, path: dir || '.' });
    return { files, subfolders, warnings };
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const ent of entries) {
    if (ent.name.startsWith('.')) continue;
    const isArticle = ARTICLE_EXT.test(ent.name);
    if (!ent.isDirectory() && !ent.isSymbolicLink() && !(ent.isFile() && isArticle)) continue;
    const rel = join(dir, ent.name);
    let st: fs.Stats;
    try {
      st = fs.statSync(path.join(root, rel));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const what = !ent.isSymbolicLink() ? `cannot read: ${errCode(e)}` : code === 'ELOOP' ? 'link loop' : 'dangling link';
      warnings.push({ what, path: rel });
      continue;
    }
    if (st.isDirectory()) subfolders.push({ rel, stat: st });
    else if (st.isFile() && isArticle) files.push({ id: idFromRel(rel), rel, dir, size: st.size, mtimeMs: st.mtimeMs });
  }
  return { files, subfolders, warnings };
}

export interface Scan {
  files: FileEntry[];
  /** Every folder walked (relative path, '' for the root) and its own mtime. */
  folders: Map<string, number>;
  warnings: Warning[];
}

/**
 * Walks the whole tree. Links are followed; a folder reached a second time (a link
 * loop, or two links to one place) is not entered again. Of two files with one id
 * (`a.txt` and `a.md`) the first is kept.
 */
export function scanFolder(root: string): Scan {
  const out: Scan = { files: [], folders: new Map(), warnings: [] };
  const visited = new Set<string>();
  const ids = new Set<string>();
  const walk = (dir: string, st: fs.Stats) => {
    const key = `${st.dev}:${st.ino}`;
    if (visited.has(key)) {
      out.warnings.push({ what: 'folder reached twice (link loop?), not entered again', path: dir });
      return;
    }
    visited.add(key);
    out.folders.set(dir, st.mtimeMs);
    const listing = listFolder(root, dir);
    out.warnings.push(...listing.warnings);
    for (const f of listing.files) {
      if (ids.has(f.id)) out.warnings.push({ what: `another file has the id "${f.id}", skipped`, path: f.rel });
      else {
        ids.add(f.id);
        out.files.push(f);
      }
    }
    for (const sub of listing.subfolders) walk(sub.rel, sub.stat);
  };
  walk('', fs.statSync(root));
  return out;
}
