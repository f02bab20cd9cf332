/** A real terminal for the end-to-end tests: tmux runs the built CLI, send-keys types, capture-pane reads. */

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN, makeFolder } from '../helpers.js';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Sockets live in a folder of the tests' own, removed when each server is: no `krant-e2e-*` left behind.
const SOCKETS = fs.mkdtempSync(path.join(os.tmpdir(), 'krant-e2e-'));
process.on('exit', () => fs.rmSync(SOCKETS, { recursive: true, force: true }));

export class Tmux {
  /** The session of the current start; each start gets a new server on a socket of its own. */
  session = '';
  private socket = '';
  readonly cache = makeFolder();
  /** Reading state of this terminal's runs: kept across its starts, never the user's own. */
  readonly state = makeFolder();

  run(...args: string[]): string {
    return execFileSync('tmux', ['-S', this.socket, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  screen(): string {
    return this.run('capture-pane', '-p', '-t', this.session);
  }

  /** A shell at cols × rows that has printed EARLIER-OUTPUT, then runs krant with `args`. */
  start(cols: number, rows: number, args = '', env = '', command = `node ${BIN}`) {
    this.kill();
    this.session = `krant-${Math.random().toString(36).slice(2, 10)}`;
    this.socket = path.join(SOCKETS, this.session);
    // no user configuration; a server of its own, so a server still shutting down is never reused
    this.run('-f', '/dev/null', 'new-session', '-d', '-s', this.session, '-x', String(cols), '-y', String(rows), 'bash', '--norc', '--noprofile');
    this.waitForServer();
    this.run('send-keys', '-t', this.session, `export XDG_CACHE_HOME=${this.cache} XDG_STATE_HOME=${this.state} PS1='$ '; clear; echo EARLIER-OUTPUT; ${env} ${command} ${args}`, 'Enter');
  }

  private waitForServer() {
    const end = Date.now() + 5000;
    while (spawnSync('tmux', ['-S', this.socket, 'has-session', '-t', this.session]).status !== 0) {
      if (Date.now() > end) throw new Error(`tmux server for ${this.session} never came up`);
      spawnSync('sleep', ['0.02']);
    }
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

  /** Waits until the screen has stopped changing (two equal captures 150 ms apart). */
  async settle(ms = 5000): Promise<string> {
    const end = Date.now() + ms;
    let last = this.screen();
    for (;;) {
      await sleep(150);
      const s = this.screen();
      if (s === last || Date.now() > end) return s;
      last = s;
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
    if (!this.socket) return;
    spawnSync('tmux', ['-S', this.socket, 'kill-server']);
    fs.rmSync(this.socket, { force: true });
    this.socket = '';
  }
}

export function assertFits(s: string, cols: number) {
  for (const line of s.split('\n')) assert.ok([...line].length <= cols, `wider than ${cols}: ${line}`);
}
