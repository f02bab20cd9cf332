/** Reading state in the real reader: unread marks, saving, views, next unread, the place kept; never lost. */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { after, describe, it } from 'node:test';
import { BIN, SEED, article, makeFolder } from '../helpers.js';
import { Tmux, assertFits, hasTmux, sleep } from './tmux.js';

function folder(): string {
  return makeFolder({
    '2022-01-almaty.txt': fs.readFileSync(SEED),
    'storm.txt': article('Storm raast over Zeeland', '2024-03-05', 'Volgens het KNMI waaide het met 120 km per uur.'),
    'regen.txt': article('Regen in Limburg', '2024-03-04', 'Er viel 40 millimeter regen, meldt Weerplaza.'),
  });
}

/** The list line of an article, by a word of its title. */
const rowOf = (screen: string, word: string) => screen.split('\n').find((l) => l.includes(word)) ?? '';

describe('reading state in the reader', { skip: hasTmux ? false : 'tmux is not installed' }, () => {
  const t = new Tmux();
  after(() => t.kill());

  it('marks what was opened read, toggles, saves, cycles views and opens the next unread', async () => {
    const dir = folder();
    t.start(80, 24, `--dir ${dir}`, 'NO_COLOR=1');
    let s = await t.waitFor('3 articles · 3 unread');
    assert.match(rowOf(s, 'Storm'), /^▸● 2024-03-05/);
    await t.keys('Enter');
    await t.waitFor('Storm raast over Zeeland');
    await t.keys('q');
    s = await t.waitFor('3 articles · 2 unread');
    assert.match(rowOf(s, 'Storm'), /^▸  2024-03-05/, 'the read marker is gone');
    assert.match(rowOf(s, 'Regen'), /^ ● 2024-03-04/);
    await t.keys('m');
    s = await t.waitFor('3 articles · 3 unread');
    assert.match(s, /marked unread/);
    await t.keys('m', 'j', '*');
    s = await t.waitFor(/^ ★ 2024-03-04|▸★ 2024-03-04/m);
    await t.keys('v');
    s = await t.waitFor(/unread: \d+\/2 articles/);
    assert.ok(!rowOf(s, 'Storm'), 'the unread view leaves out what was read');
    await t.keys('v');
    s = await t.waitFor('saved: 1/1 article');
    assert.match(s, /Regen in Limburg/);
    await t.keys('v');
    await t.waitFor('3 articles · 2 unread');
    // u from the top: the first unread article below
    await t.keys('g', 'u');
    s = await t.waitFor('Regen in Limburg');
    assert.match(s, /2024-03-04 · NOS/);
    await t.keys('u');
    s = await t.waitFor('363 words');
    await t.keys('q');
    s = await t.waitFor('3 articles · 0 unread');
    await t.keys('q');
    await t.assertShellBack();
  });

  it('A marks all shown as read after asking', async () => {
    const dir = folder();
    t.start(80, 24, `--dir ${dir}`);
    await t.waitFor('3 unread');
    await t.keys('A');
    await t.waitFor('Mark all 3 articles as read? y/n');
    await t.keys('n');
    await t.waitFor('not marked');
    await t.keys('A', 'y');
    await t.waitFor('3 articles · 0 unread');
    await t.keys('q');
    await t.assertShellBack();
  });

  it('opens an article where reading stopped, at another width, after --reindex and a deleted cache', async () => {
    const dir = folder();
    t.start(100, 30, `--dir ${dir}`);
    await t.waitFor('3 unread');
    await t.keys('G', 'Enter');
    await t.waitFor('363 words');
    await t.keys('Space', 'Space');
    const s = await t.settle();
    // the first line of text shown: its opening words must be on screen again later
    const first = s.split('\n')[2]!.trim().split(' ').slice(0, 4).join(' ');
    assert.ok(first.length > 10, s);
    await t.keys('q', 'q');
    await t.assertShellBack();
    spawnSync(process.execPath, [BIN, '--dir', dir, '--reindex'], { env: { ...process.env, XDG_CACHE_HOME: t.cache, XDG_STATE_HOME: t.state } });
    fs.rmSync(t.cache, { recursive: true, force: true });
    t.start(60, 20, `--dir ${dir}`);
    await t.waitFor('2 unread');
    await t.keys('G', 'Enter');
    const again = await t.waitFor('363 words');
    assert.ok(again.replace(/\s+/g, ' ').includes(first), `"${first}" is not on:\n${again}`);
    assertFits(again, 60);
    await t.keys('q', 'q');
    await t.assertShellBack();
  });

  it('loses nothing to a SIGKILL right after a key', async () => {
    const dir = folder();
    t.start(80, 24, `--dir ${dir}`);
    await t.waitFor('3 unread');
    await t.keys('*');
    await t.waitFor(/▸★/);
    spawnSync('pkill', ['-KILL', '-f', `--dir ${dir}`]);
    await sleep(300);
    t.run('send-keys', '-t', t.session, 'reset', 'Enter');
    const out = spawnSync(process.execPath, [BIN, '--dir', dir, '--print', '--saved'], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: t.cache, XDG_STATE_HOME: t.state } });
    assert.match(out.stdout, /^storm\t/);
  });
});
