/**
 * R in the reader: the subscriptions fetched in the background from a local server, the
 * header telling how far, the new articles in the list as they land, keys answered all along.
 */

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, article, makeFolder } from '../helpers.js';
import { type FeedServer, selfSignedCert, startFeedServer } from '../feeds/server.js';
import { Tmux, hasTmux } from './tmux.js';

describe('fetching from the reader', { skip: hasTmux ? false : 'tmux is not installed' }, () => {
  const t = new Tmux();
  let server: FeedServer;
  before(async () => {
    server = await startFeedServer();
  });
  after(async () => {
    t.kill();
    await server.close();
  });

  it('R fetches every subscription in the background; the list shows the new articles, and keys go on working', async () => {
    const config = makeFolder();
    fs.mkdirSync(path.join(config, 'krant'));
    fs.writeFileSync(path.join(config, 'krant', 'feeds'), `${server.base}/nos.xml NOS\n${server.base}/rtl/feed.atom RTL\n${server.base}/gone.xml Weg\n`);
    const dir = makeFolder({ 'oud.txt': article('Een ouder bericht', '2020-01-01', 'Tekst.') });
    t.start(100, 20, `--dir ${dir}`, `XDG_CONFIG_HOME=${config}`);
    await t.waitFor(/1\/1 article\b/);
    await t.keys('R');
    let s = await t.waitFor(/4 new · 1 feed failed/);
    // the list is read again after the fetch's last line: its count follows within a frame or two
    s = await t.waitFor(/\/5 articles/, 3000);
    assert.match(s, /Storm raast over Zeeland/);
    assert.match(s, /Kabinet trekt 2 miljard uit voor woningbouw/);
    // the keys of the list work, and the new articles open with their highlights
    await t.keys('g', 'Enter');
    s = await t.waitFor(/words/);
    assert.match(s, /Storm raast over Zeeland/);
    await t.keys('q');
    await t.waitFor(/articles/);
    // R again while nothing is new: nothing written twice
    await t.keys('R');
    s = await t.waitFor(/0 new · 1 feed failed/);
    assert.match(s, /\/5 articles/);
    await t.keys('q');
    await t.assertShellBack();
    assert.equal((fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).length, 4);
  });

  const tls = selfSignedCert();
  it('R trusts the certificates of NODE_EXTRA_CA_CERTS, though the command keeps Node from reading them at start', { skip: tls ? false : 'openssl is not installed' }, async () => {
    const secure = await startFeedServer(undefined, tls!);
    try {
      const config = makeFolder();
      fs.mkdirSync(path.join(config, 'krant'));
      fs.writeFileSync(path.join(config, 'krant', 'feeds'), `${secure.base}/west.json West\n`);
      const dir = makeFolder({ 'oud.txt': article('Een ouder bericht', '2020-01-01', 'Tekst.') });
      t.start(100, 20, `--dir ${dir}`, `XDG_CONFIG_HOME=${config} NODE_EXTRA_CA_CERTS=${tls!.certFile}`, path.join(ROOT, 'bin', 'krant'));
      await t.waitFor(/1\/1 article\b/);
      await t.keys('R');
      await t.waitFor(/1 new/);
      await t.waitFor(/\/2 articles/, 3000);
      await t.keys('q');
      await t.assertShellBack();
    } finally {
      await secure.close();
    }
  });
});
