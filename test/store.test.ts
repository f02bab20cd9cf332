import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { articleKey } from '../src/store/index-doc.js';
import { ReadingState } from '../src/store/reading.js';
import { Store } from '../src/store/store.js';
import { SEED, article, makeFolder, writeFile } from './helpers.js';

function folderWithThree() {
  return makeFolder({
    '2022-01-almaty.txt': fs.readFileSync(SEED),
    '2024/storm.txt': article('Storm raast over Zeeland', '2024-03-05', 'De storm heeft tienduizenden huishoudens zonder stroom gezet.\n\nDe cocaïne was nat.'),
    '2023/kabinet.md': '---\ntitle: Kabinet valt\ndate: 2023-07-07\nsource: ANP\n---\n\nHet kabinet is gevallen over de lpg-prijs en de demonstranten.\n',
    '.verborgen.txt': article('Verborgen', '2020-01-01', 'Niet tonen.'),
    'notities.doc': 'geen artikel',
  });
}

const env = (dir: string) => ({ XDG_CACHE_HOME: path.join(dir, '.cache') });

describe('an article\'s key', () => {
  it('is what it was when reading state was written by it (state follows a moved file by its key)', () => {
    assert.equal(articleKey('https://nos.nl/artikel/1', 'de tekst'), 133322313251690);
    assert.equal(articleKey('', 'De storm raast over Zeeland.'), 98005025521565);
  });
});

describe('Store', () => {
  it('indexes .txt and .md recursively, skips dot-files, sorts newest first', async () => {
    const dir = folderWithThree();
    const store = new Store(dir, { env: env(dir) });
    const r = await store.fullSync();
    assert.equal(r.added, 3);
    assert.deepEqual(store.all().map((a) => a.id), ['2024/storm', '2023/kabinet', '2022-01-almaty']);
    assert.equal(store.get('2023/kabinet')?.source, 'ANP');
    assert.ok(store.indexFile?.startsWith(path.join(dir, '.cache', 'krant')));
    store.close();
  });

  it('syncs only what changed: add, change, delete between runs; nothing changed parses nothing', async () => {
    const dir = folderWithThree();
    let store = new Store(dir, { env: env(dir) });
    await store.fullSync();
    store.close();
    store = new Store(dir, { env: env(dir) });
    const same = await store.fullSync();
    assert.equal(same.parsed, 0);
    assert.equal((await store.quickSync()).parsed, 0);
    writeFile(dir, '2024/nieuw.txt', article('Nieuw stuk', '2024-05-01', 'Over de haven.'));
    fs.rmSync(path.join(dir, '2023/kabinet.md'));
    const later = new Date(Date.now() + 5000);
    fs.writeFileSync(path.join(dir, '2024/storm.txt'), article('Storm gaat liggen', '2024-03-06', 'Rustig weer.'));
    fs.utimesSync(path.join(dir, '2024/storm.txt'), later, later);
    const r = await store.fullSync();
    assert.deepEqual([r.added, r.changed, r.removed, r.parsed], [1, 1, 1, 2]);
    assert.equal(store.get('2024/storm')?.title, 'Storm gaat liggen');
    assert.equal(store.get('2023/kabinet'), undefined);
    assert.equal(store.search('kabinet').length, 0);
    assert.equal(store.search('rustig').length, 1);
    assert.equal(store.search('zeeland').length, 0, 'the old text is gone from the full-text index');
    store.close();
  });

  it('quick sync catches added, removed and renamed files through folder mtimes', async () => {
    const dir = folderWithThree();
    const store = new Store(dir, { env: env(dir) });
    await store.quickSync();
    writeFile(dir, '2023/extra.txt', article('Extra', '2023-01-01', 'Een haven.'));
    fs.renameSync(path.join(dir, '2024/storm.txt'), path.join(dir, '2024/storm-2.txt'));
    const r = await store.quickSync();
    assert.equal(r.parsed, 2);
    assert.ok(store.get('2023/extra'));
    assert.ok(store.get('2024/storm-2'));
    assert.equal(store.get('2024/storm'), undefined);
    fs.rmSync(path.join(dir, '2023'), { recursive: true });
    await store.quickSync();
    assert.equal(store.get('2023/extra'), undefined);
    store.close();
  });

  it('searches ignoring case and accents, by prefix, phrase and AND', async () => {
    const dir = folderWithThree();
    const store = new Store(dir, { env: env(dir) });
    await store.fullSync();
    const ids = (q: string) => store.search(q).map((r) => r.id);
    assert.deepEqual(ids('geelimineerd'), ['2022-01-almaty']);
    assert.deepEqual(ids('GEËLIMINEERD'), ['2022-01-almaty']);
    assert.deepEqual(ids('cocaine'), ['2024/storm']);
    assert.deepEqual(ids('demonstrant'), ids('demonstranten'));
    assert.equal(ids('demonstrant').length, 2);
    assert.deepEqual(ids('demonstrant kabinet'), ['2023/kabinet']);
    assert.deepEqual(ids('"centrale plein"'), ['2022-01-almaty']);
    assert.deepEqual(ids('"plein centrale"'), []);
    assert.deepEqual(ids('lpg-prijs'), ['2023/kabinet', '2022-01-almaty'].filter((i) => ids('lpg-prijs').includes(i)));
    assert.deepEqual(ids('storm'), ['2024/storm'], 'a title match');
    store.close();
  });

  it('leaves stopwords out of the index, not out of what a search finds', async () => {
    const dir = folderWithThree();
    const store = new Store(dir, { env: env(dir) });
    await store.fullSync();
    const ids = (q: string) => store.search(q).map((r) => r.id);
    assert.deepEqual(ids('"ministerie van Binnenlandse Zaken"'), ['2022-01-almaty']);
    assert.deepEqual(ids('"ministerie Binnenlandse Zaken"'), ['2022-01-almaty'], 'stopwords do not count in a phrase');
    assert.deepEqual(ids('de politie van almaty'), ['2022-01-almaty']);
    assert.deepEqual(ids('kabinet het'), ['2023/kabinet'], 'a stopword among other words is ignored');
    assert.deepEqual(ids('de').sort(), ['2022-01-almaty', '2023/kabinet'], 'a stopword alone is a prefix: demonstranten');
    assert.deepEqual(ids('"van de"'), ids('van de'), 'stopwords only: one rule, quoted or not');
    assert.ok(ids('van de').includes('2022-01-almaty'), 'van… and de… as prefixes: vannacht, demonstranten');
    store.close();
  });

  it('never errors on FTS5 syntax typed as a query', async () => {
    const dir = folderWithThree();
    const store = new Store(dir, { env: env(dir) });
    await store.fullSync();
    for (const q of ['(', '"', '*', '-', 'AND', 'NEAR', '^', ':', 'a OR b', 'NOT x', '"unclosed', 'title:storm', 'a AND (b', '{x}', "'", '', '   ']) {
      assert.doesNotThrow(() => store.search(q), q);
    }
    store.close();
  });

  it('skips bad files with a warning naming them, and keeps the rest', async () => {
    const dir = folderWithThree();
    writeFile(dir, 'leeg.txt', '');
    writeFile(dir, 'binair.txt', Buffer.from([0, 1, 2, 0, 0, 0, 255, 0]));
    writeFile(dir, 'latin.txt', Buffer.from('title: Caf\xe9\n\nKoffie.', 'latin1'));
    fs.symlinkSync(path.join(dir, 'bestaat-niet.txt'), path.join(dir, 'los.txt'));
    fs.symlinkSync(dir, path.join(dir, 'lus'));
    const store = new Store(dir, { env: env(dir) });
    const r = await store.fullSync();
    const skipped = [...r.warnings, ...store.skipped()].map((w) => `${w.path}: ${w.what}`);
    assert.ok(skipped.some((s) => s.startsWith('leeg.txt: empty')), skipped.join('\n'));
    assert.ok(skipped.some((s) => s.startsWith('binair.txt: binary')));
    assert.ok(skipped.some((s) => s.startsWith('los.txt: dangling link')));
    assert.ok(skipped.some((s) => s.startsWith('lus')));
    assert.equal(store.get('latin')?.title, 'Café');
    assert.equal(store.count(), 4);
    store.close();
  });

  it('falls back to an in-memory index, saying so, when the cache cannot be written', async () => {
    const dir = folderWithThree();
    fs.writeFileSync(path.join(dir, 'not-a-folder'), 'x');
    const store = new Store(dir, { env: { XDG_CACHE_HOME: path.join(dir, 'not-a-folder') } });
    assert.equal(store.indexFile, null);
    assert.match(store.notice ?? '', /in memory/);
    await store.fullSync();
    assert.equal(store.count(), 3);
    store.close();
  });

  it('moves a damaged index aside and rebuilds it', async () => {
    const dir = folderWithThree();
    let store = new Store(dir, { env: env(dir) });
    await store.fullSync();
    const file = store.indexFile!;
    store.close();
    fs.writeFileSync(file, Buffer.alloc(8192, 'garbage!'));
    store = new Store(dir, { env: env(dir) });
    assert.match(store.notice ?? '', /damaged/);
    await store.fullSync();
    assert.equal(store.count(), 3);
    store.close();
  });

  it('keeps the index small: under half the articles\' text', async () => {
    const files: Record<string, string> = {};
    const words = fs.readFileSync(SEED, 'utf8').split(/\s+/); // real Dutch words in their real proportions
    for (let i = 0; i < 1500; i++) {
      const body = Array.from({ length: 6 }, (_, p) => Array.from({ length: 90 }, (_, k) => words[(i * 31 + p * 17 + k * k * 7 + k) % words.length]).join(' ')).join('\n\n');
      files[`${i}.txt`] = article(`Artikel ${i}`, '2024-01-01', body);
    }
    const dir = makeFolder(files);
    const store = new Store(dir, { env: env(dir) });
    await store.fullSync();
    store.close();
    const textBytes = Object.values(files).reduce((n, s) => n + Buffer.byteLength(s), 0);
    const db = store.indexFile!;
    const size = fs.statSync(db).size + (fs.existsSync(db + '-wal') ? fs.statSync(db + '-wal').size : 0);
    assert.ok(size <= 0.5 * textBytes, `index ${size} B for ${textBytes} B of text`);
  });

  it('counts a search once for its pages, and again after any write: its own, another process\'s, a mark', async () => {
    const dir = folderWithThree();
    const stateEnv = { ...env(dir), XDG_STATE_HOME: path.join(dir, '.state') };
    const store = new Store(dir, { env: stateEnv });
    await store.fullSync();
    const state = new ReadingState(store.root, stateEnv);
    store.attachState(state.file);
    assert.equal(store.searchIn('unread', 'storm zeeland', 1, 0).count, 1);
    assert.equal(store.searchIn('all', 'storm', 1, 0).count, 1);
    // its own write: a file found by a sync of this store
    writeFile(dir, '2024/storm2.txt', article('Weer storm', '2024-03-06', 'Opnieuw storm in Zeeland.'));
    await store.quickSync();
    assert.equal(store.searchIn('all', 'storm', 1, 0).count, 2);
    assert.equal(store.searchIn('all', 'storm', 1, 1).count, 2, 'the second page, the same count');
    // another process's write: an article indexed by a second store of the same folder
    writeFile(dir, '2024/storm3.txt', article('Storm voorbij', '2024-03-07', 'De storm is voorbij in Zeeland.'));
    const other = new Store(dir, { env: stateEnv });
    await other.quickSync();
    other.close();
    assert.equal(store.searchIn('all', 'storm', 1, 0).count, 3);
    assert.equal(store.searchIn('unread', 'storm zeeland', 1, 0).count, 3);
    assert.equal(store.searchIn('unread', 'storm zeeland', 1, 1).count, 3);
    // a mark made by another process: the unread view counts one fewer
    state.setRead([{ id: '2024/storm2', key: 0 }], true);
    state.close();
    assert.equal(store.searchIn('unread', 'storm zeeland', 1, 0).count, 2);
    store.close();
  });
});
