/** Where feeds live: the subscriptions (the user's config), the articles fetched (the user's data), the fetch state (a cache). */

import os from 'node:os';
import path from 'node:path';
import { cacheDir } from '../store/cache.js';

const xdg = (env: NodeJS.ProcessEnv, name: string, fallback: string[]) => {
  const v = env[name];
  return v && path.isAbsolute(v) ? v : path.join(os.homedir(), ...fallback);
};

/** `$XDG_CONFIG_HOME/krant/feeds` (default `~/.config/krant/feeds`): one subscription a line. */
export const subscriptionsFile = (env: NodeJS.ProcessEnv) => path.join(xdg(env, 'XDG_CONFIG_HOME', ['.config']), 'krant', 'feeds');

/** `$XDG_DATA_HOME/krant/articles` (default `~/.local/share/krant/articles`): where fetched articles go when no folder is named. */
export const dataFolder = (env: NodeJS.ProcessEnv) => path.join(xdg(env, 'XDG_DATA_HOME', ['.local', 'share']), 'krant', 'articles');

/** HTTP validators and each feed's last fetch: a cache (losing it costs one full fetch, never a duplicate). */
export const fetchStateFile = (env: NodeJS.ProcessEnv) => path.join(cacheDir(env), 'feeds.json');
