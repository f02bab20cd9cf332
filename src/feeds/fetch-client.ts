/**
 * The reader's fetch (R): `krant fetch --report json` as a process of its own at low
 * priority, so that neither its network waits nor its parsing touch the reader's keys.
 * Its lines tell how far it is; each feed's articles are in the index when its line
 * comes (the fetch syncs the index as it writes), so the list is read again at each.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import readline from 'node:readline';
import type { IndexStatusSource } from '../store/index-status.js';

export interface FeedFetcher {
  /** Starts a fetch; what to tell the user ('' when the header says it). */
  start(): string;
  stop(): void;
}

interface ReportLine {
  feed?: { name: string; written: number; status: string; error?: string };
  done?: number;
  total?: number;
  written?: number;
  end?: { written: number; failed: number; feeds: number };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** How the reader runs `krant fetch`. */
export interface FetchCommand {
  /** How to run krant: node's arguments and krant's entry. */
  command: string[];
  /** The folder fetched into (null: krant's default, the user's data folder). */
  dir: string | null;
  /** The folder written into, when it is not the one shown. */
  elsewhere: string | null;
  /** Its environment (with the certificates of NODE_EXTRA_CA_CERTS: feeds/extra-ca.ts). */
  env: NodeJS.ProcessEnv;
}

/** `status`: the header's fetch line; `changed`: the list should be read again. */
export function feedFetcher({ command, dir, elsewhere, env }: FetchCommand, status: IndexStatusSource, changed: () => void): FeedFetcher {
  let child: ChildProcess | null = null;
  return {
    start() {
      if (child) return 'already fetching';
      status.update({ text: 'fetching feeds…' });
      const c = spawn(process.execPath, [...command, 'fetch', '--report', 'json', ...(dir ? ['--dir', dir] : [])], { env, stdio: ['ignore', 'pipe', 'ignore'] });
      child = c;
      try {
        if (c.pid) os.setPriority(c.pid, 10);
      } catch {
        // not allowed here: it runs at normal priority
      }
      let ended = false;
      readline.createInterface({ input: c.stdout! }).on('line', (raw) => {
        let line: ReportLine;
        try {
          line = JSON.parse(raw);
        } catch {
          return;
        }
        if (line.end) {
          ended = true;
          const { written, failed, feeds } = line.end;
          status.update({ text: feeds === 0 ? 'no subscriptions yet: krant add URL' : `${written} new${failed ? ` · ${plural(failed, 'feed', 'feeds')} failed (krant feeds says why)` : ''}${elsewhere && written ? ` in ${elsewhere}` : ''}` });
        } else if (line.feed) {
          status.update({ text: `fetching feeds ${line.done}/${line.total} · ${line.written} new` });
        }
        if (line.feed?.written) changed();
      });
      c.on('error', () => status.update({ text: 'fetch could not start' }));
      c.on('close', () => {
        child = null;
        if (!ended) status.update({ text: 'fetch stopped' });
        changed();
      });
      return '';
    },
    stop() {
      if (child && child.exitCode === null) child.kill('SIGTERM'); // what it wrote is whole: files appear by rename
    },
  };
}
