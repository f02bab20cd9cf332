/**
 * Dutch search in the built reader in a real terminal: a word finds its inflections and
 * compounds, the article opened from the search marks those forms and n/N walk them, and
 * a search no article has every word of shows the best with some, and says so.
 */

import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { article, makeFolder } from '../helpers.js';
import { Tmux, hasTmux } from './tmux.js';

function folder(): string {
  return makeFolder({
    'botsing.txt': article('Gewonden bij botsing op de A12', '2025-03-14', 'Drie zwaargewonden na een kettingbotsing in de mist.\n\nEen gewonde fietser werd ter plaatse geholpen. De gewonden zijn naar Utrecht gebracht.'),
    'fiets.txt': article('Fietser in Utrecht aangereden', '2025-03-01', 'Een fietser raakte gewond bij een aanrijding.'),
    'storm.txt': article('Storm in Zeeland', '2025-02-01', 'De storm raasde over Zeeland.'),
  });
}

/** The runs of text drawn in inverse video (how the mono theme marks a match), in screen order. */
function inverseRuns(t: Tmux): string[] {
  const raw = t.run('capture-pane', '-e', '-p', '-t', t.session);
  const runs: string[] = [];
  let on = false;
  let run = '';
  for (const part of raw.split(/(\x1b\[[\d;]*m)/)) {
    const sgr = /^\x1b\[([\d;]*)m$/.exec(part);
    if (!sgr) {
      if (on) run += part;
      continue;
    }
    for (const code of (sgr[1] || '0').split(';').map(Number)) {
      if (code === 7) on = true;
      if (code === 0 || code === 27) on = false;
    }
    if (!on && run) {
      runs.push(run);
      run = '';
    }
  }
  return runs.map((r) => r.trim()).filter(Boolean);
}

describe('Dutch search in the reader', { skip: hasTmux ? false : 'tmux is not installed' }, () => {
  const t = new Tmux();
  after(() => t.kill());

  it('finds the forms of a word, marks them in the article, and n/N walk them', async () => {
    t.start(80, 24, `--dir ${folder()}`, 'NO_COLOR=1');
    await t.waitFor(/1\/3 articles/);
    await t.keys('/');
    t.type('gewonden');
    let s = await t.waitFor(/1\/2 hits for "gewonden"/);
    assert.match(s, /Gewonden bij botsing/);
    assert.match(s, /Fietser in Utrecht aangereden/, '`gewond` is a form of `gewonden`');
    assert.doesNotMatch(s, /Storm in Zeeland/);
    await t.keys('Enter');
    s = await t.waitFor(/\[1\/3\]/);
    const marked = inverseRuns(t);
    for (const w of ['zwaargewonden', 'gewonde', 'gewonden']) assert.ok(marked.includes(w), `${w} marked: ${JSON.stringify(marked)}`);
    await t.keys('n');
    await t.waitFor(/\[2\/3\]/);
    await t.keys('n');
    await t.waitFor(/\[3\/3\]/);
    await t.keys('N');
    await t.waitFor(/\[2\/3\]/);
    await t.keys('/');
    t.type('gewond');
    await t.keys('Enter');
    await t.waitFor(/\[1\/3\]/);
    await t.keys('q');
    await t.waitFor(/hits for "gewonden"/);
    await t.keys('Escape');
    await t.waitFor(/\/3 articles/);
    await t.keys('/');
    t.type('storm walvisstranding');
    s = await t.waitFor(/1 hit with some of the words for "storm walvisstranding"/);
    assert.match(s, /Storm in Zeeland/);
    await t.keys('Escape', 'q');
    await t.assertShellBack();
  });

  it('a hit with the word in its title only: marked in the title, and the header says so', async () => {
    t.start(80, 24, `--dir ${folder()}`, 'NO_COLOR=1');
    await t.waitFor(/1\/3 articles/);
    await t.keys('/');
    t.type('aangereden');
    await t.waitFor(/1 hit for "aangereden"/);
    await t.keys('Enter');
    await t.waitFor(/\[in the title\]/);
    assert.deepEqual(inverseRuns(t), ['aangereden']);
    await t.keys('q', 'Escape', 'q');
    await t.assertShellBack();
  });
});
