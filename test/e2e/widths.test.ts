/**
 * Text whose width terminals and width tables disagree on (spacing vowel signs, emoji
 * sequences, format characters, kaomoji, combining floods) in every header and the body:
 * no line krant draws may wrap in the terminal. tmux's `capture-pane -J` joins wrapped
 * lines, so a screen with a wrapped line has fewer joined lines than rows.
 */

import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, makeFolder } from '../helpers.js';
import { Tmux, hasTmux } from './tmux.js';

const HARD = [
  '\u0c95\u0cbe'.repeat(40), // Kannada ka + vowel sign aa (a spacing mark)
  '👨\u200d👩\u200d👧 '.repeat(15), // zero-width-joined family
  '👍🏽'.repeat(30), // skin tones
  '\u200b\u2060\u00ad\ufeff'.repeat(40) + 'einde', // a line of format characters
  '( ͡° ͜ʖ ͡°) '.repeat(10), // kaomoji
  'a\u0300\u0301\u0302\u0303'.repeat(30), // a combining flood
  '🇳🇱'.repeat(30), // flags
  '❤\ufe0f'.repeat(40), // a text symbol made emoji
  '中文报道'.repeat(20),
];

function folder(): string {
  const files: Record<string, string> = {};
  HARD.forEach((h, i) => {
    files[`w${i}.txt`] = `title: ${h}\ndate: 2024-02-${String(10 + i).padStart(2, '0')}\nsource: ${h}\nauthor: ${h}\n\n${h} ${h}\n\nDe politie zegt ${h}.\n`;
  });
  return makeFolder(files);
}

function joinedLines(t: Tmux): number {
  return t.run('capture-pane', '-p', '-J', '-t', t.session).replace(/\n+$/, '').split('\n').length;
}

describe('no line wraps, whatever the text', { skip: hasTmux ? false : 'tmux is not installed' }, () => {
  const t = new Tmux();
  after(() => t.kill());

  for (const [cols, rows] of [[60, 16], [33, 10]] as const) {
    it(`in the list and every article at ${cols}x${rows}`, async () => {
      const dir = folder();
      t.start(cols, rows, `--dir ${dir}`);
      let s = await t.waitFor(new RegExp(`${HARD.length} articles`));
      s = await t.settle();
      assert.ok(s.startsWith('krant'), `the header is still the first line:\n${s}`);
      assert.equal(joinedLines(t), rows, `a list line wrapped:\n${s}`);
      for (let i = 0; i < HARD.length; i++) {
        await t.keys('Enter');
        s = await t.waitFor(/^ *2024-02-\d\d ·/m);
        s = await t.settle();
        assert.equal(joinedLines(t), rows, `article ${i}: a line wrapped:\n${s}`);
        assert.match(s.trimEnd().split('\n').pop()!, /\? help/, `article ${i}: the footer is on the last line`);
        await t.keys('q');
        await t.waitFor(/articles/);
        await t.keys('j');
      }
      await t.keys('q');
      await t.assertShellBack();
    });
  }

  it('--print --width keeps every line within the width', async () => {
    const dir = folder();
    t.start(60, 40, '', '', 'true;');
    for (let i = 0; i < HARD.length; i++) {
      // printed with colour as to a terminal, then shown by cat in a window of its own (no prompt, no typed line)
      const out = spawnSync(process.execPath, [BIN, '--print', '--color', 'always', '--width', '60', '--dir', dir, `w${i}`], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: t.cache } });
      assert.equal(out.status, 0, out.stderr);
      const file = path.join(makeFolder(), 'out');
      fs.writeFileSync(file, out.stdout);
      t.run('new-window', '-t', t.session, '-n', `w${i}`, `cat ${file}; echo END-${i}; sleep 60`);
      const target = `${t.session}:w${i}`;
      const end = Date.now() + 10000;
      let plain = '';
      while (!new RegExp(`^END-${i}$`, 'm').test(plain) && Date.now() < end) {
        await new Promise((r) => setTimeout(r, 50));
        plain = t.run('capture-pane', '-p', '-t', target);
      }
      const joined = t.run('capture-pane', '-p', '-J', '-t', target);
      assert.equal(joined.trimEnd().split('\n').length, plain.trimEnd().split('\n').length, `w${i}: a printed line wrapped:\n${plain}`);
      t.run('kill-window', '-t', target);
    }
  });
});
