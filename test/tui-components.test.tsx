import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import { monoTheme } from '../src/core/theme.js';
import { Store } from '../src/store/store.js';
import { App } from '../src/tui/app.js';
import { storeLibrary } from '../src/tui/library.js';
import { SEED, article, makeFolder } from './helpers.js';

const tick = () => new Promise((r) => setTimeout(r, 60));

async function setup() {
  const dir = makeFolder({
    '2022-01-almaty.txt': fs.readFileSync(SEED),
    'storm.txt': article('Storm raast over Zeeland', '2024-03-05', 'Volgens het KNMI waaide het met 120 km per uur.'),
  });
  const store = new Store(dir, { memory: true });
  await store.fullSync();
  return { dir, store, library: storeLibrary(store, path.basename(dir)) };
}

describe('reader components (ink-testing-library)', () => {
  it('draws the list with count, rows and footer, and the search prompt live', async () => {
    const { library } = await setup();
    const ui = render(<App library={library} theme={monoTheme} width={80} height={12} />);
    await tick();
    let f = ui.lastFrame()!;
    assert.match(f, /2 articles/);
    assert.match(f, /▸ 2024-03-05/);
    assert.match(f, /Storm raast over Zeeland/);
    assert.match(f, /q quit/);
    ui.stdin.write('/');
    await tick();
    ui.stdin.write('geelimineerd');
    await tick();
    f = ui.lastFrame()!;
    assert.match(f, /search: geelimineerd/);
    assert.match(f, /1 hit for "geelimineerd"/);
    ui.unmount();
  });

  it('opens an article with its meta line and highlighted body, then the panel and help', async () => {
    const { library } = await setup();
    const ui = render(<App library={library} theme={monoTheme} width={80} height={20} />);
    await tick();
    ui.stdin.write('j');
    await tick();
    ui.stdin.write('\r');
    await tick();
    let f = ui.lastFrame()!;
    assert.match(f, /2022-01 · — · 363 words/);
    assert.match(f, /Veiligheidstroepen/);
    ui.stdin.write('s');
    await tick();
    f = ui.lastFrame()!;
    assert.match(f, /Sources and figures/);
    assert.match(f, /Interfax/);
    ui.stdin.write('\x1b');
    await tick();
    ui.stdin.write('?');
    await tick();
    assert.match(ui.lastFrame()!, /keys on the article/);
    ui.unmount();
  });
});
