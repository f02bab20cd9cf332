/** File-system helpers shared by the store: making folders safely, and naming errors in words. */

import fs from 'node:fs';
import path from 'node:path';
import { hasRawBytes, nameToBytes } from '../core/file-name.js';

/** A path as the system takes it: the string, or its bytes when a name in it is not UTF-8 (`core/file-name.ts`). */
export const osPath = (p: string): string | Buffer => (hasRawBytes(p) ? Buffer.from(nameToBytes(p)) : p);

/**
 * `mkdir -p`, one level at a time. Node's own recursive mkdir never returns for a path
 * under /proc (it retries for ever); this fails at once with the first real error.
 */
export function makeDir(dir: string): void {
  const missing: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    try {
      if (fs.statSync(d).isDirectory()) break;
      throw Object.assign(new Error(`not a folder: ${d}`), { code: 'ENOTDIR' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    missing.push(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    try {
      fs.mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/** Moves a database and its WAL and SHM out of the way, kept for a look; where it went. */
export function moveAside(file: string, suffix: string): string {
  const aside = `${file}.${suffix}`;
  fs.renameSync(file, aside);
  for (const ext of ['-wal', '-shm']) if (fs.existsSync(file + ext)) fs.renameSync(file + ext, aside + ext);
  return aside;
}

const WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left',
  EDQUOT: 'over the disk quota',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'not a folder',
  EEXIST: 'not a folder',
  EISDIR: 'a folder, not a file',
  ELOOP: 'link loop',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'name too long',
};

/** Why a file operation failed, in words a user reads (`permission denied`, not `eacces`). */
export function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code && WORDS[code]) return WORDS[code]!;
  return (e as Error).message ?? String(e);
}
