/**
 * Writing into the articles folder and the config: atomically (a temporary file, then a
 * link or rename), so that a kill at any moment leaves no half file. An article never
 * replaces a file that is there: a name taken gets `-2`, `-3` …
 */

import fs from 'node:fs';
import path from 'node:path';
import { makeDir } from '../store/fs-util.js';

let serial = 0;
// folders made (or found) by this process: each is made once, not once per file
const made = new Set<string>();
// a dot-name: the scan never reads it, so a temporary file left by a kill is never an article
const tempName = (dir: string) => path.join(dir, `.krant-tmp-${process.pid}-${Date.now().toString(36)}-${serial++}`);

// a temporary file older than this was left by a process that was killed
const STALE_MS = 60 * 60_000;

/** Temporary files a killed fetch left in a folder, removed (they were never articles: dot-names). */
function removeStaleTemps(dir: string): void {
  try {
    for (const name of fs.readdirSync(dir)) {
      if (!name.startsWith('.krant-tmp-')) continue;
      const file = path.join(dir, name);
      if (Date.now() - fs.statSync(file).mtimeMs > STALE_MS) fs.rmSync(file, { force: true });
    }
  } catch {
    // gone meanwhile, or not ours to remove: harmless either way
  }
}

/**
 * The text in a new temporary file beside its final name. Not synced to disk: a kill
 * leaves the whole file or none (it appears by link or rename), and a sync per article
 * cost a third of a fetch's time.
 */
function writeTemp(dir: string, text: string): string {
  if (!made.has(dir)) {
    makeDir(dir);
    made.add(dir);
    removeStaleTemps(dir);
  }
  const tmp = tempName(dir);
  fs.writeFileSync(tmp, text, { flag: 'wx', mode: 0o644 });
  return tmp;
}

/** Writes a new article at `rel` inside `root` (never over a file that is there); the path it got, relative to root. */
export function writeNewArticle(root: string, rel: string, text: string): string {
  const file = path.join(root, rel);
  const dir = path.dirname(file);
  // the name was made by slug(): it cannot leave its folder, but check once more
  if (path.relative(root, file).split(path.sep).includes('..')) throw new Error(`a name outside the folder: ${rel}`);
  const tmp = writeTemp(dir, text);
  try {
    const ext = path.extname(file);
    const stem = file.slice(0, -ext.length);
    for (let n = 1; n < 100; n++) {
      const target = n === 1 ? file : `${stem}-${n}${ext}`;
      try {
        fs.linkSync(tmp, target); // fails when the name is taken: nothing is ever overwritten
        return path.relative(root, target).split(path.sep).join('/');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
    throw new Error(`no free name for ${rel}`);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** Replaces a file (the subscriptions, the fetch state) as a whole: the old one or the new one, never half. */
export function replaceFile(file: string, text: string): void {
  const tmp = writeTemp(path.dirname(file), text);
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** A file's text, '' when there is none. */
export function readIfThere(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw e;
  }
}
