/**
 * The terminal while the reader has it: alternate screen, hidden cursor, raw keys.
 * Given back on every way out: a normal end, SIGTERM, SIGINT, SIGHUP (an SSH link that
 * drops), an uncaught error (restored first, then the one-line message), and exit.
 */

import { EXIT } from '../core/exit-codes.js';
import { sanitize } from '../core/sanitize.js';

const ENTER = '\x1b[?1049h\x1b[?25l\x1b[H\x1b[2J';
const LEAVE = '\x1b[?25h\x1b[?1049l';

export interface Terminal {
  /**
   * stdout for Ink, shut while the terminal is given back: Ink writes its last frame
   * on exit (and on signals, through its own handlers), which must not land on the
   * restored screen.
   */
  output: NodeJS.WriteStream;
  /** Leave the alternate screen and raw mode (for good, or until `resume`). */
  release(): void;
  resume(): void;
  /** Give the terminal back for good; safe to call more than once. */
  restore(): void;
  /** Things to stop on any way out (the background sync). */
  onExit(fn: () => void): void;
}

function setRaw(on: boolean): void {
  try {
    if (process.stdin.isTTY) process.stdin.setRawMode(on);
  } catch {
    // stdin is gone (the SSH link dropped)
  }
}

function write(s: string): void {
  try {
    process.stdout.write(s);
  } catch {
    // nothing left to write to
  }
}

/** process.stdout, but writes are dropped while `gate.open` is false. */
function gatedStdout(gate: { open: boolean }): NodeJS.WriteStream {
  const out = process.stdout;
  return new Proxy(out, {
    get(target, prop) {
      if (prop === 'write') return (...args: Parameters<typeof out.write>) => (gate.open ? target.write(...args) : true);
      const v = Reflect.get(target, prop, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

export function takeTerminal(): Terminal {
  let restored = false;
  const gate = { open: true };
  const cleanups: Array<() => void> = [];
  // Node's own warnings (NO_COLOR beside FORCE_COLOR, say) would be written over the
  // screen, scrolling it: kept, and said once the terminal is back
  const warnings: string[] = [];
  process.removeAllListeners('warning');
  process.on('warning', (w) => void warnings.push(`${w.name}: ${w.message}`));
  const restore = () => {
    if (restored) return;
    restored = true;
    gate.open = false;
    for (const fn of cleanups.splice(0)) fn();
    setRaw(false);
    write(LEAVE);
    for (const w of warnings.splice(0)) process.stderr.write(`krant: node says: ${sanitize(w)}\n`);
  };
  const die = (code: number, message?: string) => {
    restore();
    if (message) process.stderr.write(`krant: ${sanitize(message.split('\n')[0] ?? '')}\n`);
    process.exit(code);
  };
  process.on('exit', restore);
  process.on('SIGTERM', () => die(EXIT.terminate));
  process.on('SIGHUP', () => die(EXIT.hangUp));
  // Ctrl+C is a key in raw mode; a SIGINT comes from `kill -INT`, and gives the terminal back as well
  process.on('SIGINT', () => die(EXIT.interrupt));
  process.on('uncaughtException', (e) => die(EXIT.internal, e.message));
  process.on('unhandledRejection', (e) => die(EXIT.internal, String((e as Error)?.message ?? e)));
  // Raw at once: keys typed while the reader loads wait for it instead of echoing on the screen.
  setRaw(true);
  write(ENTER);
  return {
    output: gatedStdout(gate),
    release: () => {
      gate.open = false;
      setRaw(false);
      write(LEAVE);
    },
    resume: () => {
      setRaw(true);
      write(ENTER);
      gate.open = true;
    },
    restore,
    onExit: (fn) => void cleanups.push(fn),
  };
}
