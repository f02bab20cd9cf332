/**
 * The reader's frames, whole: golden frames at several sizes (test/fixtures/frames;
 * KRANT_UPDATE_GOLDEN=1 writes them anew, to be read before they are committed), and the
 * frame drawn before Ink loads, which must be the frame Ink then draws.
 */

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import { monoTheme } from '../src/core/theme.js';
import { createIndexStatus } from '../src/store/index-status.js';
import { storeLibrary } from '../src/store/library.js';
import { ReadingState } from '../src/store/reading.js';
import { Store } from '../src/store/store.js';
import { App } from '../src/tui/app.js';
import { firstFrameText } from '../src/tui/first-frame.js';
import { ROOT, SEED, article, makeFolder, waitForFrame } from './helpers.js';

const GOLDEN = path.join(ROOT, 'test', 'fixtures', 'frames');

async function library(extra = 0) {
  const files: Record<string, string | Buffer> = {
    '2022-01-almaty.txt': fs.readFileSync(SEED),
    'storm.txt': article('Storm raast over Zeeland', '2024-03-05', 'Volgens het KNMI waaide het met 120 km per uur. "Zo hard was het nooit", zegt een boer.'),
    'brand.txt': article('Brand in Rotterdamse haven onder controle', '2023-11-20', 'De brandweer zegt dat 3 loodsen zijn verwoest.', 'RTV Rijnmond'),
  };
  for (let i = 0; i < extra; i++) files[`extra-${i}.txt`] = article(`Bericht nummer ${i}`, `2021-05-${String(1 + (i % 28)).padStart(2, '0')}`, `Tekst ${i}.`);
  const dir = makeFolder(files);
  const store = new Store(dir, { memory: true });
  await store.fullSync();
  const state = new ReadingState(store.root, { XDG_STATE_HOME: makeFolder() });
  store.attachState(state.file);
  return storeLibrary(store, 'articles', state);
}

/** What a terminal shows after the first frame's bytes: home, lines, a jump to the last row, erase to the end of line. */
function screenOf(bytes: string, height: number): string[] {
  const lines: string[] = Array(height).fill('');
  let row = 0;
  const re = /\x1b\[(\d*)(?:;(\d+))?([HKm])|\r\n|([^\x1b\r]+)/g;
  for (let m = re.exec(bytes); m; m = re.exec(bytes)) {
    if (m[0] === '\r\n') row++;
    else if (m[3] === 'H') row = m[1] ? Number(m[1]) - 1 : 0;
    else if (m[4]) lines[row] += m[4];
  }
  return lines;
}

const trimmed = (lines: string[]) => lines.map((l) => l.replace(/\s+$/, ''));

function golden(name: string, frame: string) {
  const file = path.join(GOLDEN, `${name}.txt`);
  const text = trimmed(stripAnsi(frame).split('\n')).join('\n') + '\n';
  if (process.env.KRANT_UPDATE_GOLDEN === '1') fs.writeFileSync(file, text);
  assert.equal(text, fs.readFileSync(file, 'utf8'), `${name}: the frame differs from ${path.relative(ROOT, file)}`);
}

describe('the first frame, before Ink', () => {
  for (const [width, height] of [[80, 24], [40, 12], [30, 8]] as const) {
    it(`is the frame Ink then draws, at ${width}x${height}`, async () => {
      const lib = await library(30);
      const status = 'checking the folder for changes…';
      const before = trimmed(screenOf(firstFrameText(lib, monoTheme, width, height, status), height));
      const sync = createIndexStatus(status);
      // the count of unread articles is not in either: it follows the first frame
      const ui = render(<App library={{ ...lib, count: (v) => (v === 'unread' ? NaN : lib.count(v)) }} theme={monoTheme} width={width} height={height} sync={sync} />);
      const ink = await waitForFrame(ui.lastFrame, (f) => f.includes('Bericht'));
      ui.unmount();
      assert.deepEqual(trimmed(stripAnsi(ink).split('\n')), before);
    });
  }
});

describe('golden frames', () => {
  const sizes = [[80, 24], [40, 12], [30, 8]] as const;
  for (const [width, height] of sizes) {
    it(`list, article, who says what and help at ${width}x${height}`, async () => {
      const lib = await library();
      const ui = render(<App library={lib} theme={monoTheme} width={width} height={height} />);
      const frame = (ok: (f: string) => boolean) => waitForFrame(ui.lastFrame, ok);
      const first = (f: string) => f.split('\n')[0] ?? '';
      golden(`list-${width}x${height}`, await frame((f) => /3 unre/.test(first(f))));
      ui.stdin.write('G');
      await frame((f) => /▸● 2022-01/.test(f));
      ui.stdin.write('\r');
      golden(`article-${width}x${height}`, await frame((f) => first(f).includes('Veiligheid')));
      ui.stdin.write('s');
      golden(`panel-${width}x${height}`, await frame((f) => first(f).startsWith('Who says')));
      ui.stdin.write('s');
      await frame((f) => first(f).includes('Veiligheid'));
      ui.stdin.write('?');
      golden(`help-${width}x${height}`, await frame((f) => first(f).startsWith('krant · keys')));
      ui.unmount();
    });
  }
});
