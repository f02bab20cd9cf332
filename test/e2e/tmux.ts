/** A real terminal for the end-to-end tests: tmux runs the built CLI, send-keys types, capture-pane reads. */

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { BIN, makeFolder } from '../helpers.js';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Tmux {
  readonly session = `krant-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  readonly cache = makeFolder();

  run(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.session, ...args], { encoding: 'utf8' });
  }

  screen(): string {
    return this.run('capture-pane', '-p', '-t', this.session);
  }

  /** A shell at cols × rows that has printed EARLIER-OUTPUT, then runs krant with `args`. */
  start(cols: number, rows: number, args = '', env = '') {
    this.kill();
    this.run('new-session', '-d', '-s', this.session, '-x', String(cols), '-y', String(rows), 'bash', '--norc', '--noprofile');
    this.run('send-keys', '-t', this.session, `export XDG_CACHE_HOME=${this.cache} PS1='$ '; clear; echo EARLIER-OUTPUT; ${env} node ${BIN} ${args}`, 'Enter');
  }

  async waitFor(text: string | RegExp, ms = 10000): Promise<string> {
    const end = Date.now() + ms;
    for (;;) {
      const s = this.screen();
      if (typeof text === 'string' ? s.includes(text) : text.test(s)) return s;
      if (Date.now() > end) throw new Error(`never saw ${text} on:\n${s}`);
      await sleep(50);
    }
  }

  async keys(...k: string[]) {
    for (const key of k) {
      this.run('send-keys', '-t', this.session, key);
      await sleep(120);
    }
  }

  type(text: string) {
    this.run('send-keys', '-t', this.session, '-l', text);
  }

  /** The reader is gone and the shell is as it was: its earlier output is back, and what is typed echoes. */
  async assertShellBack() {
    await this.waitFor('EARLIER-OUTPUT');
    const word = `typed-${Math.random().toString(36).slice(2, 7)}`;
    this.run('send-keys', '-t', this.session, `echo ${word}`, 'Enter');
    await this.waitFor(new RegExp(`\\$ echo ${word}\\n${word}`));
  }

  kill() {
    spawnSync('tmux', ['-L', this.session, 'kill-server']);
  }
}

export function assertFits(s: string, cols: number) {
  for (const line of s.split('\n')) assert.ok([...line].length <= cols, `wider than ${cols}: ${line}`);
}
