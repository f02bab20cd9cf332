/** The terminal is always given back: after q, Ctrl+C, SIGTERM, SIGHUP, SIGINT and an error while drawing; Ctrl+Z and fg. */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, describe, it } from 'node:test';
import { makeFolder } from '../helpers.js';
import { Tmux, assertFits, hasTmux } from './tmux.js';
import fs from 'node:fs';
import path from 'node:path';

/** A folder of its own, so that `pkill -f` finds exactly this reader. */
function ownFolder(): string {
  const dir = makeFolder();
  fs.copyFileSync(path.resolve('articles', '2022-01-almaty.txt'), path.join(dir, '2022-01-almaty.txt'));
  return dir;
}

describe('the terminal is given back', { skip: hasTmux ? false : 'tmux is not installed' }, () => {
  const t = new Tmux();
  after(() => t.kill());

  it('after q', async () => {
    t.start(80, 24);
    await t.waitFor(/1 article\b/);
    await t.keys('q');
    await t.assertShellBack();
  });

  it('after Ctrl+C, in the list and in an article', async () => {
    t.start(80, 24);
    await t.waitFor(/1 article\b/);
    await t.keys('C-c');
    await t.assertShellBack();
    t.start(80, 24);
    await t.waitFor(/1 article\b/);
    await t.keys('Enter');
    await t.waitFor('words');
    await t.keys('C-c');
    await t.assertShellBack();
  });

  for (const signal of ['TERM', 'HUP', 'INT']) {
    it(`after SIG${signal}`, async () => {
      const dir = ownFolder();
      t.start(80, 24, `--dir ${dir}`);
      await t.waitFor(/1 article\b/);
      const r = spawnSync('pkill', [`-${signal}`, '-f', `krant.js --dir ${dir}`]);
      assert.equal(r.status, 0, 'the reader was found and signalled');
      await t.assertShellBack();
    });
  }

  it('after an error while drawing, with one line saying what', async () => {
    t.start(80, 24, '', 'KRANT_FAULT=draw');
    await t.waitFor(/1 article\b/);
    await t.keys('Enter');
    // the shell's screen comes back first, then the one line that says what
    const s = await t.waitFor(/EARLIER-OUTPUT[\s\S]*krant: fault injected while drawing/);
    assert.ok(!/\bat .*\.js:\d+/.test(s), 'no stack trace');
    await t.assertShellBack();
  });

  it('Ctrl+Z suspends the reader and fg draws it again', async () => {
    t.start(80, 24);
    await t.waitFor(/1 article\b/);
    await t.keys('j');
    await t.keys('C-z');
    const s = await t.waitFor(/Stopped/);
    assert.match(s, /EARLIER-OUTPUT/);
    t.run('send-keys', '-t', t.session, 'fg', 'Enter');
    await t.waitFor(/1 article\b/);
    await t.waitFor(/▸. 2022-01/);
    await t.keys('q');
    await t.assertShellBack();
  });

  it('an unknown id on a terminal: one line and exit 3, the screen never taken', async () => {
    t.start(80, 24, 'nope; echo "exit=$?"');
    const s = await t.waitFor(/exit=\d+/);
    assert.match(s, /krant: no article with id "nope" \(.*\)\nexit=3/);
    assert.ok(s.includes('EARLIER-OUTPUT'));
  });

  it('TERM=dumb prints instead of drawing a full screen, from the first byte', async () => {
    t.start(80, 24, '', 'TERM=dumb');
    const s = await t.waitFor(/2022-01-almaty\s+2022-01/);
    assert.ok(s.includes('EARLIER-OUTPUT'), 'no alternate screen');
    await t.assertShellBack();
  });

  it('Ctrl+L draws the screen again; fg after a resize draws at the new size', async () => {
    t.start(80, 24);
    await t.waitFor(/1 article\b/);
    t.run('send-keys', '-t', t.session, 'C-l');
    await t.waitFor(/1 article\b/);
    t.run('send-keys', '-t', t.session, 'C-z');
    await t.waitFor(/Stopped|suspended/i);
    t.run('resize-window', '-t', t.session, '-x', '50', '-y', '16');
    t.run('send-keys', '-t', t.session, 'fg', 'Enter');
    const s = await t.waitFor(/1 article\b/);
    assertFits(s, 50);
    assert.match(s, /\? help · q quit/);
    await t.keys('q');
    // the shell is back (its earlier output scrolled away with the resize) and echoes what is typed
    t.run('send-keys', '-t', t.session, 'echo back-again', 'Enter');
    await t.waitFor(/\$ echo back-again\nback-again/);
  });
});
