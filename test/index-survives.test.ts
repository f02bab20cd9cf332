/** The index is a cache that survives: a killed build, two krant processes at once, a damaged file. */

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { Store } from '../src/store/store.js';
import { BIN, ROOT, article, makeFolder } from './helpers.js';

/** Enough articles for a bulk build (batches on a worker thread). */
function bigFolder(n = 6000): string {
  const dir = makeFolder();
  for (let i = 0; i < n; i++) {
    const d = path.join(dir, String(2000 + (i % 20)));
    if (i < 20) fs.mkdirSync(d);
    fs.writeFileSync(path.join(d, `a${i}.txt`), article(`Artikel ${i} over de haven`, '2024-01-01', `De politie meldt dat er ${i} mensen zijn.\n\nMeer tekst over de storm in Zeeland. De veiligheidstroepen hebben ${i % 7 ? 'gezocht' : 'geëlimineerd'}.`));
  }
  return dir;
}

const run = (args: string[], cache: string) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: cache }, maxBuffer: 1 << 26 });

/** How many segments the full-text index of an index file is in. */
function segmentsOf(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT count(DISTINCT segid) FROM fts_idx').pluck().get() as number;
  } finally {
    db.close();
  }
}

const lines = (s: string) => s.trimEnd().split('\n').filter(Boolean).length;

describe('the index survives', () => {
  it('a first build killed half-way (SIGKILL) is taken up by the next run without error', async () => {
    const dir = bigFolder();
    const cache = makeFolder();
    const child = spawn(process.execPath, [BIN, '--reindex', '--dir', dir], { env: { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: cache }, stdio: 'ignore' });
    // kill it once the index file exists and has grown: mid-build
    const db = () => fs.readdirSync(path.join(cache, 'krant')).filter((f) => f.endsWith('.db-wal') || f.endsWith('.db')).map((f) => fs.statSync(path.join(cache, 'krant', f)).size).reduce((a, b) => a + b, 0);
    for (let t = 0; t < 200; t++) {
      await new Promise((r) => setTimeout(r, 10));
      try {
        if (db() > 200_000) break;
      } catch {
        // not created yet
      }
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const r = run(['--print', '--dir', dir], cache);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.equal(lines(r.stdout), 6000);
    assert.equal(lines(run(['--print', '--dir', dir, '--search', 'haven'], cache).stdout), 6000);
  });

  it('a first build leaves its full-text segments to be merged later, in steps that keep every answer', async () => {
    const dir = bigFolder();
    const cache = makeFolder();
    assert.equal(run(['--reindex', '--dir', dir], cache).status, 0);
    const store = new Store(dir, { env: { XDG_CACHE_HOME: cache } });
    const segments = () => segmentsOf(store.indexFile!);
    assert.ok(segments() > 1, `${segments()} segments`);
    // built on the parse workers, whose texts reach SQLite as UTF-8 bytes: found as a search reads them
    const queries = ['haven', '4321', 'zeeland storm', 'mensen', 'geelimineerd', 'troepen'];
    const before = queries.map((q) => store.search(q).map((r) => r.id));
    assert.deepEqual(before.map((ids) => ids.length), [6000, 1, 6000, 6000, 858, 6000]);
    // each file's words are its own (read while the scan went on, written in the order found)
    assert.deepEqual(before[1], ['2001/a4321']);
    assert.equal(store.get('2001/a4321')?.title, 'Artikel 4321 over de haven');
    let steps = 0;
    while (store.mergeStep()) steps++;
    assert.ok(steps >= 1);
    assert.equal(segments(), 1);
    assert.equal(store.mergeStep(), false, 'nothing more to merge');
    assert.deepEqual(queries.map((q) => store.search(q).map((r) => r.id)), before);
    // what later syncs add is merged as they go, not into one each time (the whole index rewritten)
    for (const n of [1, 2]) {
      fs.writeFileSync(path.join(dir, `later${n}.txt`), article(`Later ${n}`, '2024-02-01', 'Nieuw over de haven.'));
      await store.quickSync();
    }
    assert.equal(segments(), 3);
    assert.equal(store.mergeStep(), false);
    assert.equal(segments(), 3);
    assert.equal(store.search('haven').length, 6002);
    store.close();
  });

  it('the reader\'s index helper merges them when it has nothing else to do', async () => {
    const dir = bigFolder();
    const cache = makeFolder();
    assert.equal(run(['--reindex', '--dir', dir], cache).status, 0);
    const file = fs.readdirSync(path.join(cache, 'krant')).find((f) => f.endsWith('.db'))!;
    assert.ok(segmentsOf(path.join(cache, 'krant', file)) > 1);
    const helper = spawn(process.execPath, [path.join(ROOT, 'dist', 'index-helper.js'), dir], { env: { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: cache }, stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    helper.stdout.on('data', (d) => (out += d));
    try {
      for (let t = 0; t < 300 && segmentsOf(path.join(cache, 'krant', file)) > 1; t++) await new Promise((r) => setTimeout(r, 50));
      assert.equal(segmentsOf(path.join(cache, 'krant', file)), 1);
      assert.match(out, /"done"/);
      // and it still answers a search
      helper.stdin.write(JSON.stringify({ seq: 1, search: '4321', offset: 0, limit: 10 }) + '\n');
      for (let t = 0; t < 100 && !out.includes('"result"'); t++) await new Promise((r) => setTimeout(r, 20));
      assert.match(out, /"result":\{"seq":1,"count":1/);
    } finally {
      helper.stdin.end();
      await new Promise((r) => helper.once('exit', r));
    }
  });

  it('two krant processes on one folder at once both work', async () => {
    const dir = bigFolder(3000);
    const cache = makeFolder();
    const go = () =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        const c = spawn(process.execPath, [BIN, '--print', '--dir', dir], { env: { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: cache } });
        let out = '';
        let err = '';
        c.stdout.on('data', (d) => (out += d));
        c.stderr.on('data', (d) => (err += d));
        c.on('close', (code) => resolve({ code, out, err }));
      });
    const [a, b] = await Promise.all([go(), go()]);
    for (const r of [a, b]) {
      assert.equal(r.code, 0, r.err);
      assert.equal(lines(r.out), 3000);
    }
  });

  it('an index file full of garbage is moved aside and rebuilt, with one warning', () => {
    const dir = makeFolder({ 'a.txt': article('Een', '2024-01-01', 'Tekst.'), 'b.txt': article('Twee', '2024-01-02', 'Tekst.') });
    const cache = makeFolder();
    assert.equal(run(['--print', '--dir', dir], cache).status, 0);
    const file = fs.readdirSync(path.join(cache, 'krant')).find((f) => f.endsWith('.db'))!;
    for (const f of fs.readdirSync(path.join(cache, 'krant'))) fs.rmSync(path.join(cache, 'krant', f), { recursive: true });
    fs.writeFileSync(path.join(cache, 'krant', file), Buffer.alloc(65536, 'not a database '));
    const r = run(['--print', '--dir', dir], cache);
    assert.equal(r.status, 0);
    assert.equal(lines(r.stdout), 2);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /^krant: index was damaged, moved aside and rebuilt/);
    assert.ok(fs.readdirSync(path.join(cache, 'krant')).some((f) => f.includes('.broken-')));
    assert.equal(run(['--print', '--dir', dir], cache).stderr, '', 'said once');
  });
});
