/** The built reader in a real terminal: tmux runs it, send-keys types, capture-pane reads the screen. */

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { after, describe, it } from 'node:test';
import { BIN, makeFolder } from '../helpers.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const session = `krant-e2e-${process.pid}`;
const cache = makeFolder();
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', session, ...args], { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', session);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(text: string | RegExp, ms = 8000): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const s = screen();
    if (typeof text === 'string' ? s.includes(text) : text.test(s)) return s;
    if (Date.now() > end) throw new Error(`never saw ${text} on:\n${s}`);
    await sleep(50);
  }
}

async function keys(...k: string[]) {
  for (const key of k) {
    tmux('send-keys', '-t', session, key);
    await sleep(120);
  }
}

function start(cols: number, rows: number, env = '') {
  spawnSync('tmux', ['-L', session, 'kill-session', '-t', session]);
  tmux('new-session', '-d', '-s', session, '-x', String(cols), '-y', String(rows), 'bash', '--norc', '--noprofile');
  tmux('send-keys', '-t', session, `export XDG_CACHE_HOME=${cache} PS1='$ '; clear; echo EARLIER-OUTPUT; ${env} node ${BIN}`, 'Enter');
}

function assertFits(s: string, cols: number) {
  for (const line of s.split('\n')) assert.ok([...line].length <= cols, `wider than ${cols}: ${line}`);
}

describe('the reader in a terminal', { skip: hasTmux ? false : 'tmux is not installed' }, () => {
  after(() => {
    try {
      tmux('kill-server');
    } catch {
      // already gone
    }
  });

  it('opens, moves, finds with n, jumps from the panel, resizes, helps and quits clean', async () => {
    start(100, 30);
    let s = await waitFor('1 article');
    assert.match(s, /▸ 2022-01/);
    assert.ok(!s.includes('EARLIER-OUTPUT'), 'the alternate screen hides the shell');
    await keys('j', 'Enter');
    s = await waitFor('363 words');
    assert.match(s, /Veiligheidstroepen hebben vannacht/);
    await keys('/', 'a', 'l', 'm', 'a', 't', 'y', 'Enter');
    s = await waitFor(/\[1\/5\]/);
    await keys('n');
    s = await waitFor(/\[2\/5\]/);
    await keys('s');
    s = await waitFor('Sources and figures');
    assert.match(s, /source {2}Interfax/);
    await keys('Down', 'Down', 'Enter');
    s = await waitFor('363 words');
    tmux('resize-window', '-t', session, '-x', '60', '-y', '20');
    await sleep(400);
    s = screen();
    assertFits(s, 60);
    assert.match(s, /363 words/);
    await keys('?');
    s = await waitFor('keys on the article');
    assert.match(s, /next match/);
    await keys('Escape', 'q');
    s = await waitFor('1 article');
    await keys('q');
    s = await waitFor('EARLIER-OUTPUT');
    tmux('send-keys', '-t', session, 'echo typed-after', 'Enter');
    await waitFor(/\$ echo typed-after\ntyped-after/);
    tmux('kill-session', '-t', session);
  });

  it('draws within 80x24, 60x20 and 40x12, also without colour', async () => {
    for (const [cols, rows] of [[80, 24], [60, 20], [40, 12]] as const) {
      start(cols, rows, 'NO_COLOR=1');
      let s = await waitFor('krant');
      assertFits(s, cols);
      await keys('Enter');
      s = await waitFor('words');
      assertFits(s, cols);
      assert.equal(s.replace(/\n$/, '').split('\n').length, rows);
      await keys('q', 'q');
      await waitFor('EARLIER-OUTPUT');
      tmux('kill-session', '-t', session);
    }
  });

  it('gives the terminal back on Ctrl+C and SIGTERM', async () => {
    start(80, 24);
    await waitFor('1 article');
    await keys('C-c');
    await waitFor('EARLIER-OUTPUT');
    tmux('send-keys', '-t', session, `node ${BIN} & sleep 1.5; kill %1; wait; echo after-term`, 'Enter');
    await waitFor('after-term', 10000);
    tmux('kill-session', '-t', session);
  });
});
