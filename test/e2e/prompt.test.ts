/**
 * The list's search prompt and the colour decision, in the built reader in a real
 * terminal: ↓/↑ through hits while typing, Enter opens the chosen one, Esc keeps the
 * selection on its article; --color never and NO_COLOR reach the reader.
 */

import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { article, makeFolder } from '../helpers.js';
import { Tmux, hasTmux } from './tmux.js';

function folder(): string {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 30; i++) {
    const day = String(i).padStart(2, '0');
    files[`a-${day}.txt`] = article(i % 3 === 0 ? `Storm nummer ${i}` : `Gewoon bericht ${i}`, `2024-01-${day}`, `Volgens het KNMI waaide het ${i} keer.`);
  }
  return makeFolder(files);
}

/** SGR parameters on the screen (tmux capture-pane -e). */
function sgrCodes(t: Tmux): Set<number> {
  const raw = t.run('capture-pane', '-e', '-p', '-t', t.session);
  const codes = new Set<number>();
  for (const m of raw.matchAll(/\x1b\[([\d;]*)m/g)) for (const c of m[1]!.split(';')) if (c) codes.add(Number(c));
  return codes;
}
const isColour = (c: number) => (c >= 30 && c <= 37) || (c >= 40 && c <= 47) || (c >= 90 && c <= 97) || (c >= 100 && c <= 107) || c === 38 || c === 48;

describe('the list search prompt in a terminal', { skip: hasTmux ? false : 'tmux is not installed' }, () => {
  const t = new Tmux();
  after(() => t.kill());

  it('moves through hits while typing, opens the chosen one, and Esc keeps the selection on it', async () => {
    t.start(80, 24, `--dir ${folder()}`);
    await t.waitFor(/1\/30 articles/);
    await t.keys('/');
    t.type('storm');
    await t.waitFor(/1\/10 hits for "storm"/);
    await t.keys('Down', 'Down', 'Down', 'Up');
    let s = await t.waitFor(/3\/10 hits/);
    assert.match(s, /search: storm/, 'still typing');
    await t.keys('Enter');
    s = await t.waitFor(/words/);
    assert.match(s, /Storm nummer 24/, 'the third hit, newest first');
    await t.keys('q');
    await t.waitFor(/3\/10 hits/);
    await t.keys('Escape');
    s = await t.waitFor(/\d+\/30 articles/);
    assert.match(s, /7\/30 articles/);
    assert.match(s, /▸.*Storm nummer 24/);
    await t.keys('q');
    await t.assertShellBack();
  });

  it('edits the query: ← → move, Ctrl+W deletes a word, a long query shows its end', async () => {
    t.start(40, 10, `--dir ${folder()}`);
    await t.waitFor(/30 articles/);
    await t.keys('/');
    t.type('stom');
    await t.keys('Left');
    t.type('r');
    await t.waitFor(/10 hits for "storm"/);
    // Ctrl+W deletes the word before the cursor: at the end, all of it
    await t.keys('C-w');
    await t.waitFor(/hits for "m"/);
    await t.keys('End', 'C-w');
    await t.waitFor(/^search: *$/m);
    t.type('een hele lange zoekvraag over het weer van morgen');
    const s = await t.waitFor(/van morgen/);
    const footer = s.split('\n').filter((l) => l.startsWith('search:')).pop()!;
    assert.match(footer, /^search: …/, 'the start is cut, with a sign');
    assert.ok([...footer].length <= 40);
    await t.keys('Escape', 'q');
    await t.assertShellBack();
  });
});

describe('colour is decided once, for --print and the reader alike', { skip: hasTmux ? false : 'tmux is not installed' }, () => {
  const t = new Tmux();
  after(() => t.kill());

  it('draws colour by default, none with --color never or NO_COLOR (still a visible selection)', async () => {
    const dir = folder();
    t.start(80, 24, `--dir ${dir}`);
    await t.waitFor(/30 articles/);
    await t.settle();
    assert.ok([...sgrCodes(t)].some(isColour), 'colour on a terminal by default');
    await t.keys('q');
    for (const [args, env] of [[`--color never --dir ${dir}`, ''], [`--dir ${dir}`, 'NO_COLOR=1 FORCE_COLOR=1']]) {
      t.start(80, 24, args, env);
      await t.waitFor(/30 articles/);
      await t.settle();
      const codes = sgrCodes(t);
      assert.ok(![...codes].some(isColour), `${env} ${args}: no colour, got ${[...codes]}`);
      assert.ok(codes.has(7), `${env} ${args}: the selection is drawn inverse\n${JSON.stringify(t.run('capture-pane', '-e', '-p', '-t', t.session))}`);
      await t.keys('q');
    }
  });
});
