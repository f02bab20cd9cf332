/** The built reader in a real terminal. */

import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Tmux, assertFits, hasTmux, sleep } from './tmux.js';

describe('the reader in a terminal', { skip: hasTmux ? false : 'tmux is not installed' }, () => {
  const t = new Tmux();
  after(() => t.kill());

  it('opens, moves, finds with n, jumps from the panel, resizes, helps and quits clean', async () => {
    t.start(100, 30);
    let s = await t.waitFor(/1 article\b/);
    assert.match(s, /▸● 2022-01/);
    assert.ok(!s.includes('EARLIER-OUTPUT'), 'the alternate screen hides the shell');
    await t.keys('j', 'Enter');
    s = await t.waitFor('363 words');
    assert.match(s, /Veiligheidstroepen hebben vannacht/);
    await t.keys('/', 'a', 'l', 'm', 'a', 't', 'y', 'Enter');
    s = await t.waitFor(/\[1\/5\]/);
    await t.keys('n');
    s = await t.waitFor(/\[2\/5\]/);
    await t.keys('s');
    s = await t.waitFor('Who says what');
    assert.match(s, /▸ de politie via Interfax — tientallen/);
    assert.match(s, /het ministerie van Gezondheid — duizend · 400 · 62/);
    await t.keys('Down', 'Down', 'Down', 'Enter');
    s = await t.waitFor('363 words');
    assert.match(s, /2000 — het Kazachtse ministerie van Binnenlandse Zaken, via TASS/, 'the footer names who gives the figure');
    t.run('resize-window', '-t', t.session, '-x', '60', '-y', '20');
    await sleep(400);
    s = t.screen();
    assertFits(s, 60);
    assert.match(s, /363 words/);
    await t.keys('?');
    s = await t.waitFor('keys on the article');
    assert.match(s, /next match/);
    await t.keys('Escape', 'q');
    s = await t.waitFor(/1 article\b/);
    await t.keys('q');
    await t.assertShellBack();
  });

  it('draws within 80x24, 60x20 and 40x12, also without colour', async () => {
    for (const [cols, rows] of [[80, 24], [60, 20], [40, 12]] as const) {
      t.start(cols, rows, '', 'NO_COLOR=1');
      let s = await t.waitFor('krant');
      assertFits(s, cols);
      await t.keys('Enter');
      s = await t.waitFor('words');
      assertFits(s, cols);
      assert.equal(s.replace(/\n$/, '').split('\n').length, rows);
      await t.keys('q', 'q');
      await t.assertShellBack();
    }
  });
});
