/**
 * Finds the article files below a folder: .txt and .md, recursively, dot-names
 * skipped, links followed (a folder reached twice is not entered again).
 */

import { describeError, osPath } from './fs-util.js';
import { nameFromBytes } from '../core/file-name.js';
import fs from 'node:fs';

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

/** One folder as listed: its article files and a signature of their names, sizes and mtimes. */
export interface FolderListing {
  dir: string;
  mtime: number;
  files: FileEntry[];
  /** Equal signatures: nothing in the folder's files changed, so its rows need no look. */
  sig: string;
}

export interface Scan {
  /** The folders that were listed (all of them, unless `listIf` said otherwise). */
  listed: FolderListing[];
  /** Every folder reached, listed or not, with its own mtime. */
  seen: Map<string, number>;
  warnings: Warning[];
}

export const ARTICLE_EXT = /\.(txt|md)$/i;

const errCode = (e: unknown) => describeError(e);
const join = (dir: string, name: string) => (dir ? `${dir}/${name}` : name);

/** A 32-bit hash of a file's name, size and mtime (FNV-1a over the name, then the numbers mixed in). */
function fileHash(name: string, size: number, mtime: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (size >>> 0), 0x01000193);
  h = Math.imul(h ^ (size / 4294967296) >>> 0, 0x01000193);
  h = Math.imul(h ^ (Math.floor(mtime) >>> 0), 0x01000193);
  h = Math.imul(h ^ (Math.floor(mtime / 4294967296) >>> 0), 0x01000193);
  return Math.imul(h ^ Math.round((mtime % 1) * 1e6), 0x01000193) >>> 0;
}

/** The length of `.txt` or `.md` at the end of a name (any case), or 0. Cheaper than a regular expression per file. */
function articleExtLength(name: string): number {
  const n = name.length;
  if (n > 4 && name.charCodeAt(n - 4) === 46 && (name.charCodeAt(n - 3) | 32) === 116 && (name.charCodeAt(n - 2) | 32) === 120 && (name.charCodeAt(n - 1) | 32) === 116) return 4;
  if (n > 3 && name.charCodeAt(n - 3) === 46 && (name.charCodeAt(n - 2) | 32) === 109 && (name.charCodeAt(n - 1) | 32) === 100) return 3;
  return 0;
}

interface Listed {
  listing: FolderListing;
  subfolders: Array<{ rel: string; stat: fs.Stats }>;
}

/** Lists one folder: its article files (stat'ed, links followed) and its sub-folders. */
function listFolder(root: string, dir: string, mtime: number, warnings: Warning[]): Listed {
  const files: FileEntry[] = [];
  const subfolders: Listed['subfolders'] = [];
  let entries: Array<fs.Dirent | fs.Dirent<Buffer>>;
  // names kept apart only for a folder listed by bytes; else each entry's own name (no copy per file)
  let names: string[] | null = null;
  try {
    const where = osPath(root + '/' + dir);
    entries = fs.readdirSync(where, { withFileTypes: true });
    // A name that is not valid UTF-8 comes back with U+FFFD in it, and that name is not the
    // file's: such a folder is listed again by bytes, and those names kept as they are.
    if (entries.some((ent) => (ent.name as string).includes('\uFFFD'))) {
      entries = fs.readdirSync(where, { withFileTypes: true, encoding: 'buffer' });
      names = entries.map((ent) => nameFromBytes(ent.name as Buffer));
    }
  } catch (e) {
    warnings.push({ what: `cannot list folder: ${errCode(e)}`, path: dir || '.' });
    return { listing: { dir, mtime, files, sig: '' }, subfolders };
  }
  // Order-free, so that the signature does not depend on the order readdir gives.
  let sum = 0;
  let xor = 0;
  const byId = new Map<string, number>();
  for (let i = 0; i < entries.length; i++) {
    const ent = entries[i]!;
    const name = names ? names[i]! : (ent.name as string);
    if (name.charCodeAt(0) === 46) continue; // dot-names
    const ext = articleExtLength(name);
    if (!ent.isDirectory() && !ent.isSymbolicLink() && !(ent.isFile() && ext)) continue;
    const rel = join(dir, name);
    let st: fs.Stats;
    try {
      st = fs.statSync(osPath(root + '/' + rel));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const what = !ent.isSymbolicLink() ? `cannot read: ${errCode(e)}` : code === 'ELOOP' ? 'link loop' : 'dangling link';
      warnings.push({ what, path: rel });
      continue;
    }
    if (st.isDirectory()) {
      subfolders.push({ rel, stat: st });
      continue;
    }
    if (!st.isFile() || !ext) continue;
    const file = { id: rel.slice(0, -ext), rel, dir, size: st.size, mtimeMs: st.mtimeMs };
    const twin = byId.get(file.id);
    if (twin !== undefined) {
      // `a.txt` and `a.md`: one id, the .txt is kept
      const keepNew = ext === 4; // .txt
      warnings.push({ what: `another file has the id "${file.id}", skipped`, path: keepNew ? files[twin]!.rel : rel });
      if (!keepNew) continue;
      files[twin] = file;
    } else {
      byId.set(file.id, files.length);
      files.push(file);
    }
    const h = fileHash(name, st.size, st.mtimeMs);
    sum = (sum + h) >>> 0;
    xor = (xor ^ h) >>> 0;
  }
  return { listing: { dir, mtime, files, sig: `${files.length}:${sum}:${xor}` }, subfolders };
}

export interface ScanOptions {
  /** Folders known from the last sync (relative path → mtime); with `listIf`, the unlisted ones are walked through. */
  known?: Map<string, number>;
  /** List this folder again? Without it, every folder is listed. */
  listIf?: (dir: string, mtime: number) => boolean;
  /** Called now and then with the number of files found so far. */
  onFound?: (files: number) => void;
  /** Called with each folder as soon as it is listed. */
  onListed?: (listing: FolderListing) => void;
}

export function scanTree(root: string, o: ScanOptions = {}): Scan {
  const out: Scan = { listed: [], seen: new Map(), warnings: [] };
  const visited = new Set<string>();
  const children = new Map<string, string[]>();
  for (const dir of o.known?.keys() ?? []) {
    if (dir === '') continue;
    const parent = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
    const list = children.get(parent);
    if (list) list.push(dir);
    else children.set(parent, [dir]);
  }
  let found = 0;
  let reported = Date.now();
  const walk = (dir: string, st: fs.Stats) => {
    const key = `${st.dev}:${st.ino}`;
    if (visited.has(key)) {
      out.warnings.push({ what: 'folder reached twice (link loop?), not entered again', path: dir });
      return;
    }
    visited.add(key);
    out.seen.set(dir, st.mtimeMs);
    if (o.listIf && !o.listIf(dir, st.mtimeMs)) {
      for (const sub of children.get(dir) ?? []) {
        try {
          const s = fs.statSync(osPath(root + '/' + sub));
          if (s.isDirectory()) walk(sub, s);
        } catch {
          // vanished: the sync drops its rows
        }
      }
      return;
    }
    const { listing, subfolders } = listFolder(root, dir, st.mtimeMs, out.warnings);
    out.listed.push(listing);
    o.onListed?.(listing);
    found += listing.files.length;
    if (o.onFound && Date.now() - reported > 100) {
      reported = Date.now();
      o.onFound(found);
    }
    for (const sub of subfolders) walk(sub.rel, sub.stat);
  };
  walk('', fs.statSync(root));
  return out;
}
