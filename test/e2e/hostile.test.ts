/**
 * Hostile articles in the real reader: everything it writes to the terminal is
 * recorded (tmux pipe-pane) while the list, an article, the sources panel, find and
 * help are shown, and no sequence from the files is in it.
 */

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { makeFolder, writeFile } from '../helpers.js';
import { Tmux, assertFits, hasTmux } from './tmux.js';

// Each is something krant itself never writes: its own output is SGR colours, cursor moves and screen switches only.
const FORBIDDEN: Array<[string, RegExp]> = [
  ['OSC (title, clipboard, link)', /\x1b\]/],
  ['DCS / SOS / PM / APC string', /\x1b[PX^_]/],
  ['BEL', /\x07/],
  ['backspace', /\x08/],
  ['8-bit C1 control', /[\u0080-\u009f]/],
  ['bidirectional control', /[\u202a-\u202e\u2066-\u2069]/],
  ['the files\' own CSI', /\x1b\[(?:6666|1;5r)/],
  ['NUL or DEL', /[\x00\x7f]/],
];

function hostileFolder(): string {
  const dir = makeFolder();
  const payload = 'A\x1b]0;PWNED\x07B\x1b]52;c;ZXZpbA==\x1b\\C\x1b]8;;http://e.org\x1b\\link\x1b]8;;\x1b\\D\x1bPq#0\x1b\\E\x1b_apc\x1b\\F\u009b6666;7777HG\x1b[6666;7777H\x1b[1;5rH\x07\x08\u202eI\u2066J\x00K\x7f';
  writeFile(dir, 'kwaad-\x1b]0;NAAM\x07.txt', `title: Kop ${payload}\ndate: 2024-05-05\nsource: Bron ${payload}\n\nDe politie meldt ${payload} dat 20 mensen "iets ${payload} zeiden".\n\nTweede alinea ${payload} - ANP`);
  writeFile(dir, 'gewoon.txt', 'title: Gewoon\ndate: 2024-05-04\n\nNiets bijzonders.');
  const para = 'Dit is een zin over de storm van vannacht met 120 kilometer per uur. ';
  writeFile(dir, 'groot.txt', 'title: Heel groot\ndate: 2024-05-03\n\n' + Array.from({ length: 20 * 1024 * 1024 / para.length / 20 }, () => para.repeat(20)).join('\n\n'));
  return dir;
}

describe('hostile files in the reader', { skip: hasTmux ? false : 'tmux is not installed' }, () => {
  const t = new Tmux();
  after(() => t.kill());

  it('writes no escape sequence or control character from a file to the terminal', async () => {
    const dir = hostileFolder();
    const raw = path.join(makeFolder(), 'raw');
    t.start(100, 30, `--dir ${dir}`);
    t.run('pipe-pane', '-o', '-t', t.session, `cat >> ${raw}`);
    await t.waitFor(/3 articles\b/);
    await t.keys('/', 'k', 'o', 'p');
    await t.waitFor(/1 hit/);
    // Enter in the search prompt opens the selected hit
    await t.keys('Enter');
    let s = await t.waitFor(/Kop A/);
    assertFits(s, 100);
    await t.keys('/', 'p', 'o', 'l', 'Enter', 'n', 's');
    s = await t.waitFor('Who says what');
    await t.keys('Enter', '?', 'Escape', 'q', 'Escape');
    // the 20 MB article opens, cut at 1 MB with a note
    await t.keys('G', 'Enter');
    s = await t.waitFor('Heel groot', 20000);
    await t.keys('G');
    s = await t.waitFor(/the article is cut here/, 20000);
    await t.keys('q', 'q');
    await t.assertShellBack();
    t.run('pipe-pane', '-t', t.session);
    const out = fs.readFileSync(raw, 'latin1');
    const text = Buffer.from(out, 'latin1').toString('utf8');
    assert.ok(out.length > 1000, 'the output was recorded');
    for (const [what, re] of FORBIDDEN) assert.ok(!re.test(text), `${what} reached the terminal`);
  });
});
