import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import { monoTheme } from '../src/core/theme.js';
import { Store } from '../src/store/store.js';
import { ReadingState } from '../src/store/reading.js';
import { App } from '../src/tui/app.js';
import { storeLibrary } from '../src/store/library.js';
import { SEED, article, makeFolder, waitForFrame, writeFile } from './helpers.js';
import { createIndexStatus } from '../src/store/index-status.js';



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

  it('a hit found in the title only: the header says where', async () => {
    const { library } = await setup();
    const ui = render(<App library={library} theme={monoTheme} width={80} height={12} />);
    const frame = (re: RegExp) => waitForFrame(ui.lastFrame, (f) => re.test(f));
    await frame(/Storm raast/);
    ui.stdin.write('/');
    await frame(/search:/);
    ui.stdin.write('zeeland');
    await frame(/1 hit for/);
    ui.stdin.write('\r');
    const f = await frame(/in the title/);
    assert.match(f, /\[in the title\]/, 'not "no match": the title has it (marked there: test/e2e/dutch-search)');
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

  it('keeps the selection on its article when a build adds rows above it, and after Esc clears a search', async () => {
    const { dir, store, library } = await setup();
    const sync = createIndexStatus('indexing…');
    const ui = render(<App library={library} theme={monoTheme} width={80} height={12} sync={sync} />);
    const frame = (re: RegExp) => waitForFrame(ui.lastFrame, (f) => re.test(f));
    await frame(/Storm raast/);
    ui.stdin.write('j');
    await frame(/▸● 2022-01 /);
    // newer articles arrive: they sort above the selection
    for (let i = 1; i <= 3; i++) writeFile(dir, `new-${i}.txt`, article(`Nieuw bericht ${i}`, `2025-01-0${i}`, 'Tekst.'));
    await store.fullSync();
    sync.update({ bump: true });
    let f = await frame(/5 articles/);
    f = await frame(/▸● 2022-01 /);
    assert.match(f, /5\/5 articles/, 'the selection moved down with its article');
    // a search, a hit chosen with ↓ while typing, then Esc: the selection stays on that hit
    ui.stdin.write('/');
    await frame(/search:/);
    ui.stdin.write('bericht');
    await frame(/3 hits for "bericht"/);
    ui.stdin.write('\x1b[B');
    await frame(/2\/3 hits/);
    ui.stdin.write('\x1b');
    f = await frame(/2\/5 articles/);
    assert.match(f, /▸● 2025-01-02/);
    ui.unmount();
  });
});
