/**
 * A folder of 1 000 files, good and bad mixed: `--print` lists every readable
 * article, names every skipped file, finishes in bounded time, writes no article
 * file; the reader's open path takes every readable one.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Store } from '../src/store/store.js';
import { initialState, reducer } from '../src/tui/state.js';
import { prepareArticle } from '../src/tui/open-article.js';
import { displayWidth } from '../src/core/width.js';
import { BIN, article, makeFolder, writeFile } from './helpers.js';

const ESCAPES = ['\x1b[2J', '\x1b]0;PWNED\x07', '\x1b]52;c;ZXZpbA==\x1b\\', '\u009b31m', '\x07', '\b', '\r', '\u202e', '\x00'];

function buildFolder() {
  const dir = makeFolder();
  const readable = new Set<string>();
  const skipped = new Set<string>();
  let i = 0;
  const add = (rel: string, content: string | Buffer, ok: boolean) => {
    writeFile(dir, rel, content);
    (ok ? readable : skipped).add(rel);
    i++;
  };
  for (let k = 0; k < 881; k++) {
    const title = `Bericht ${k} ${ESCAPES[k % ESCAPES.length]}over de haven`;
    const body = `De politie meldt dat er ${k} mensen zijn opgepakt.\n\n"Het is rustig," zegt een woordvoerder.${ESCAPES[(k + 3) % ESCAPES.length]}`;
    const form = k % 4;
    const text = form === 0 ? article(title, `20${10 + (k % 15)}-01-0${1 + (k % 9)}`, body)
      : form === 1 ? `---\ntitle: ${title}\ndate: 2020-02-02\n---\n\n${body}\n`
      : form === 2 ? `date 2021-03 ${body}` : article(title, '', body).replace(/\n/g, '\r\n');
    add(`${2010 + (k % 15)}/a${k}.${k % 7 === 0 ? 'md' : 'txt'}`, text, true);
  }
  for (let k = 0; k < 20; k++) add(`bad/leeg-${k}.txt`, k % 2 ? '' : '  \n\n \t\n', false);
  for (let k = 0; k < 20; k++) add(`bad/binair-${k}.txt`, Buffer.from(Array.from({ length: 4000 }, (_, b) => (b * 7 + k) % 256 & (b % 3 ? 0xff : 0))), false);
  for (let k = 0; k < 20; k++) add(`enc/kapot-${k}.txt`, Buffer.concat([Buffer.from(`title: Afgebroken ${k}\n\nGeëlimineerd en `), Buffer.from('één', 'utf8').subarray(0, 1 + (k % 3))]), true);
  for (let k = 0; k < 20; k++) add(`enc/cp1252-${k}.txt`, Buffer.from(`title: Caf\xe9 ${k}\n\nDe prijs is \x80 14 en \x93goed\x94.\n`, 'latin1'), true);
  for (let k = 0; k < 30; k++) add(`crlf/c-${k}.txt`, `title: Windows ${k}\r\n\r\nEen\r\nregel.\r\n\r\nTwee.\r\n`, true);
  const para = 'Dit is een zin over de storm van vannacht met 120 kilometer per uur. ';
  add('groot/twintig-mb.txt', 'title: Heel groot\n\n' + Array.from({ length: 20 * 1024 * 1024 / para.length / 20 }, () => para.repeat(20)).join('\n\n'), true);
  add('groot/tienduizend.txt', 'title: Tienduizend alinea\'s\n\n' + Array.from({ length: 10_000 }, (_, k) => `Alinea ${k}.`).join('\n\n'), true);
  for (let k = 0; k < 5; k++) {
    fs.symlinkSync(path.join(dir, `weg-${k}.txt`), path.join(dir, `los-${k}.txt`));
    skipped.add(`los-${k}.txt`);
    i++;
  }
  fs.symlinkSync(dir, path.join(dir, 'lus-map'));
  fs.symlinkSync(path.join(dir, 'zelf.txt'), path.join(dir, 'zelf.txt'));
  skipped.add('zelf.txt');
  i += 2;
  return { dir, readable, skipped, count: i };
}

function snapshot(dir: string): string {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isSymbolicLink()) continue;
      if (e.isDirectory()) walk(p);
      else {
        const st = fs.statSync(p);
        out.push(`${p} ${st.size} ${st.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return out.sort().join('\n');
}

describe('a folder of 1 000 good and bad files', () => {
  const { dir, readable, skipped, count } = buildFolder();
  const cache = makeFolder();

  it('has 1 000 files', () => assert.ok(count >= 1000, String(count)));

  it('--print lists every readable article, names every skipped file, in bounded time, writing no article', () => {
    const before = snapshot(dir);
    const started = Date.now();
    const r = spawnSync(process.execPath, [BIN, '--print', '--dir', dir], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: cache }, maxBuffer: 1 << 26, timeout: 120_000 });
    const secs = (Date.now() - started) / 1000;
    assert.equal(r.status, 0, r.stderr);
    assert.ok(secs < 60, `took ${secs} s`);
    const ids = new Set(r.stdout.trimEnd().split('\n').map((l) => l.split('\t')[0]));
    for (const rel of readable) assert.ok(ids.has(rel.replace(/\.(txt|md)$/, '')), `not listed: ${rel}`);
    assert.equal(ids.size, readable.size);
    for (const rel of skipped) assert.ok(r.stderr.includes(`(${rel})`), `not named: ${rel}`);
    assert.match(r.stderr, /lus-map/);
    assert.ok(!/[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f\u202a-\u202e]/.test(r.stdout + r.stderr), 'no control character reaches the terminal');
    assert.equal(snapshot(dir), before, 'no article file was written or touched');
  });

  it('the reader opens every readable article, and draws it within the width', async () => {
    const store = new Store(dir, { memory: true });
    await store.fullSync();
    let state = reducer(initialState(80, 24), { type: 'listCount', count: store.count() });
    const rows = store.all();
    assert.equal(rows.length, readable.size);
    for (const [index, row] of rows.entries()) {
      const opened = reducer(state, { type: 'opened', index, ...prepareArticle(row, store.read(row)) });
      assert.equal(opened.screen, 'article');
      for (const line of opened.article!.lines.slice(0, 50)) assert.ok(displayWidth(line.text) <= 78);
      state = reducer(opened, { type: 'back' });
    }
    store.close();
  });
});
