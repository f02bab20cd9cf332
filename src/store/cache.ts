/** Where the index of a folder lives: one database per folder in the user's cache. */

import os from 'node:os';
import path from 'node:path';
import { sha1Hex } from '../core/sha1.js';

export function cacheDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(base, 'krant');
}

/** `<folder name>-<hash of its real path>.db`: readable in a listing, unique per folder. */
export function indexFileFor(realFolder: string, env: NodeJS.ProcessEnv): string {
  const hash = sha1Hex(realFolder).slice(0, 12);
  const name = path.basename(realFolder).replace(/[^\w.-]+/g, '_').slice(0, 40) || 'root';
  return path.join(cacheDir(env), `${name}-${hash}.db`);
}
