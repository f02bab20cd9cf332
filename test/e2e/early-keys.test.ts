/**
 * Keys typed at once — while krant starts, before React and Ink are loaded — are all
 * applied, in order: moves are answered at once by the frame drawn before Ink, and the
 * first key that needs the reader (Enter) waits for it and still comes after them.
 */

import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { article, makeFolder } from '../helpers.js';
import { Tmux, hasTmux } from './tmux.js';

function folder(): string {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 9; i++) files[`a-${i}.txt`] = article(`Bericht nummer ${i}`, `2024-01-0${i}`, `Tekst ${i}.`);
  return makeFolder(files);
}

describe('keys typed while krant starts', { skip: hasTmux ? false : 'tmux is not installed' }, () => {
  const t = new Tmux();
  after(() => t.kill());

  it('moves typed at the first frame are drawn before Ink is loaded, and Enter after them opens the right article', async () => {
    const dir = folder();
    for (let round = 0; round < 3; round++) {
      t.start(80, 24, `--dir ${dir}`);
      await t.waitFor(/\/9 articles/);
      t.type('jjj');
      await t.keys('Enter');
      const s = await t.waitFor(/words/);
      assert.match(s, /Bericht nummer 6/, `round ${round}: the fourth row, newest first`);
      await t.keys('q');
      await t.waitFor(/4\/9 articles/);
      await t.keys('q');
      await t.assertShellBack();
    }
  });

  it('keys typed before krant has even started are applied too', async () => {
    const dir = folder();
    // a first run builds the index (keys typed at an empty list have nothing to move)
    t.start(80, 24, `--dir ${dir}`);
    await t.waitFor(/\/9 articles/);
    await t.keys('q');
    await t.assertShellBack();
    // typed straight after the command, while Node is still starting
    t.start(80, 24, `--dir ${dir}`);
    t.type('jj');
    await t.keys('Enter');
    const s = await t.waitFor(/words/);
    assert.match(s, /Bericht nummer 7/);
    await t.keys('q', 'q');
    await t.assertShellBack();
  });
});
