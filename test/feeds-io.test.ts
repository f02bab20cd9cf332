/** The feed commands' own parts: the request limiter, and writing articles that never overwrite and never show half. */

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { writeNewArticle } from '../src/feeds/files.js';
import { Limiter } from '../src/feeds/http.js';
import { makeFolder } from './helpers.js';

describe('the request limiter', () => {
  it('runs at most 4 requests at once, and 2 per host', async () => {
    const limiter = new Limiter();
    let running = 0;
    let most = 0;
    const perHost = new Map<string, number>();
    let mostPerHost = 0;
    const task = (host: string) => limiter.run(`https://${host}/feed`, async () => {
      running++;
      perHost.set(host, (perHost.get(host) ?? 0) + 1);
      most = Math.max(most, running);
      mostPerHost = Math.max(mostPerHost, perHost.get(host)!);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      perHost.set(host, perHost.get(host)! - 1);
      return host;
    });
    const hosts = ['a.example', 'a.example', 'a.example', 'a.example', 'b.example', 'b.example', 'b.example', 'c.example', 'd.example', 'e.example'];
    assert.deepEqual(await Promise.all(hosts.map(task)), hosts);
    assert.equal(most, 4);
    assert.equal(mostPerHost, 2);
  });
});

describe('writing a fetched article', () => {
  it('never overwrites: a name taken gets -2, -3; no temporary file is left; folders are made', () => {
    const root = makeFolder({ 'nos/2025/2025-01-01-storm.md': 'van de gebruiker\n' });
    assert.equal(writeNewArticle(root, 'nos/2025/2025-01-01-storm.md', 'een\n'), 'nos/2025/2025-01-01-storm-2.md');
    assert.equal(writeNewArticle(root, 'nos/2025/2025-01-01-storm.md', 'twee\n'), 'nos/2025/2025-01-01-storm-3.md');
    assert.equal(writeNewArticle(root, 'west/2024/2024-02-02-brand.md', 'drie\n'), 'west/2024/2024-02-02-brand.md');
    assert.equal(fs.readFileSync(path.join(root, 'nos/2025/2025-01-01-storm.md'), 'utf8'), 'van de gebruiker\n');
    assert.equal(fs.readFileSync(path.join(root, 'nos/2025/2025-01-01-storm-3.md'), 'utf8'), 'twee\n');
    assert.deepEqual(fs.readdirSync(path.join(root, 'nos/2025')).sort(), ['2025-01-01-storm-2.md', '2025-01-01-storm-3.md', '2025-01-01-storm.md']);
  });
  it('removes the temporary files a killed fetch left (an hour old), and no others', () => {
    const root = makeFolder({ 'nos/2025/.krant-tmp-1-oud-0': 'half', 'nos/2025/.krant-tmp-2-nieuw-0': 'bezig', 'nos/2025/.verborgen': 'van de gebruiker' });
    const old = new Date(Date.now() - 2 * 3600_000);
    fs.utimesSync(path.join(root, 'nos/2025/.krant-tmp-1-oud-0'), old, old);
    writeNewArticle(root, 'nos/2025/2025-01-01-kop.md', 'een\n');
    assert.deepEqual(fs.readdirSync(path.join(root, 'nos/2025')).sort(), ['.krant-tmp-2-nieuw-0', '.verborgen', '2025-01-01-kop.md']);
  });
  it('refuses a name that would leave the folder', () => {
    const root = makeFolder();
    assert.throws(() => writeNewArticle(root, '../buiten.md', 'x'), /outside the folder/);
    assert.equal(fs.existsSync(path.join(path.dirname(root), 'buiten.md')), false);
  });
});
