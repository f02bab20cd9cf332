/** Writing to stdout and stderr: a closed pipe ends quietly; everything shown is sanitised. */

import { sanitize } from '../core/sanitize.js';

let pipeClosed = false;

/** `krant --print | head -1`: the reader went away, which is not an error. */
export function quietOnClosedPipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') {
      pipeClosed = true;
      process.exit(0);
    }
    throw e;
  });
}

export function writeOut(text: string): void {
  if (!pipeClosed) process.stdout.write(text);
}

/** `krant: <what> (<path>)` on stderr. */
export function warn(what: string, where?: string): void {
  process.stderr.write(`krant: ${sanitize(what)}${where !== undefined ? ` (${sanitize(where)})` : ''}\n`);
}
