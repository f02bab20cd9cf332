import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import { monoTheme } from '../src/core/theme.js';
import { Store } from '../src/store/store.js';
import { ReadingState } from '../src/store/reading.js';
import { App } from '../src/tui/app.js';
import { storeLibrary } from '../src/tui/library.js';
import { SEED, article, makeFolder, waitForFrame } from './helpers.js';



async function setup() {
  const dir = makeFolder({
    '2022-01-almaty.txt': fs.readFileSync(SEED),
    'storm.txt': article('Storm raast over Zeeland', '2024-03-05', 'Volgens het KNMI waaide het met 120 km per uur.'),
  });
  const store = new Store(dir, { memory: true });
  await store.fullSync();
  const state = new ReadingState(store.root, { XDG_STATE_HOME: makeFolder() });
  store.attachState(state.file);
  return { dir, store, state, library: storeLibrary(store, path.basename(dir), state) };
}

describe('reader components (ink-testing-library)', () => {
  it('draws the list with count, rows and footer, and the search prompt live', async () => {
    const { library } = await setup();
    const ui = render(<App library={library} theme={monoTheme} width={80} height={12} />);
    const frame = (re: RegExp) => waitForFrame(ui.lastFrame, (f) => re.test(f));
    let f = await frame(/Storm raast over Zeeland/);
    assert.match(f, /2 articles/);
    assert.match(f, /▸● 2024-03-05/);
    assert.match(f, /q quit/);
    ui.stdin.write('/');
    await frame(/search:/);
    ui.stdin.write('geelimineerd');
    f = await frame(/1 hit for/);
    assert.match(f, /search: geelimineerd/);
    assert.match(f, /1 hit for "geelimineerd"/);
    ui.unmount();
  });

  it('opens an article with its meta line and highlighted body, then the panel and help', async () => {
    const { library } = await setup();
    const ui = render(<App library={library} theme={monoTheme} width={80} height={20} />);
    const frame = (re: RegExp) => waitForFrame(ui.lastFrame, (f) => re.test(f));
    await frame(/Storm raast/);
    ui.stdin.write('j');
    await frame(/▸● 2022-01/);
    ui.stdin.write('\r');
    let f = await frame(/363 words/);
    assert.match(f, /2022-01 · — · 363 words/);
    assert.match(f, /Veiligheidstroepen/);
    ui.stdin.write('s');
    f = await frame(/Who says what/);
    assert.match(f, /Who says what · 1\/\d+/);
    assert.match(f, /▸ de politie via Interfax — tientallen/);
    ui.stdin.write('j');
    await frame(/Who says what · 2\//);
    ui.stdin.write('j');
    await frame(/Who says what · 3\//);
    ui.stdin.write('j');
    await frame(/Who says what · 4\//);
    ui.stdin.write('\r');
    f = await frame(/363 words/);
    const footer = f.trimEnd().split('\n').pop()!;
    assert.match(footer, /^2000 — het Kazachtse ministerie van Binnenlandse Zaken, v.* · \? help · q back$/, 'the footer names who gives the figure, and still how to go back');
    ui.stdin.write('?');
    assert.match(await frame(/keys on the article/), /Ctrl\+Z/);
    ui.unmount();
  });
});
