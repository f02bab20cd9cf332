/** Where the index of a folder lives: one database per folder in the user's cache. */

import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

export function cacheDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(base, 'krant');
}

/** `<folder name>-<hash of its real path>.db`: readable in a listing, unique per folder. */
export function indexFileFor(realFolder: string, env: NodeJS.ProcessEnv): string {
  const hash = crypto.createHash('sha1').update(realFolder).digest('hex').slice(0, 12);
  const name = path.basename(realFolder).replace(/[^\w.-]+/g, '_').slice(0, 40) || 'root';
  return path.join(cacheDir(env), `${name}-${hash}.db`);
}
