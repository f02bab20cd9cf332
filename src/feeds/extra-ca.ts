/**
 * The certificates of NODE_EXTRA_CA_CERTS, for the commands that fetch. Node 20 reads them
 * as it starts, before any of krant runs (65 ms on the machines krant is measured on, half
 * the reader's start), so the command `bin/krant` moves the variable aside to
 * KRANT_EXTRA_CA_CERTS, and what fetches puts it back: `krant add` and `krant fetch` run
 * again with it, the reader's fetch (R) starts its process with it.
 */

import { createRequire } from 'node:module';

const MOVED = 'KRANT_EXTRA_CA_CERTS';
const NODE = 'NODE_EXTRA_CA_CERTS';

/** The environment with NODE_EXTRA_CA_CERTS put back, or null when it was not moved aside (or is there). */
export function withExtraCa(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv | null {
  if (!env[MOVED] || env[NODE]) return null;
  const out: NodeJS.ProcessEnv = { ...env, [NODE]: env[MOVED] };
  delete out[MOVED];
  return out;
}

/**
 * Runs this command again in `env`, in this terminal, and gives its exit code. Signals from
 * the terminal reach both processes: this one waits for the other to end rather than end first.
 */
export function runAgain(env: NodeJS.ProcessEnv): Promise<number> {
  // required here: only these commands, and only when the variable was moved aside, use them
  const load = createRequire(import.meta.url);
  const { spawn } = load('node:child_process') as typeof import('node:child_process');
  const { signals: numbers } = (load('node:os') as typeof import('node:os')).constants;
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { env, stdio: 'inherit' });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  // one sent to this process alone (kill PID) is passed on
  const pass = (s: NodeJS.Signals) => child.kill(s);
  for (const s of signals) process.on(s, pass);
  return new Promise((resolve) => {
    const done = (code: number) => {
      for (const s of signals) process.off(s, pass);
      resolve(code);
    };
    child.on('error', () => done(1));
    child.on('exit', (code, signal) => done(code ?? 128 + (signal ? numbers[signal] : 0)));
  });
}
