/**
 * `krant add`, `fetch`, `feeds`, `remove` end to end: the built command, spawned with
 * pipes, against a local server on 127.0.0.1 (test/feeds/server.ts).
 */

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BIN, makeFolder } from './helpers.js';
import { type FeedServer, startFeedServer } from './feeds/server.js';

let server: FeedServer;
before(async () => {
  server = await startFeedServer();
});
after(() => server.close());

interface Home {
  root: string;
  env: Record<string, string>;
  articles: string;
  feedsFile: string;
}

/** A user of their own: config, data, cache and state folders. */
function home(): Home {
  const root = makeFolder();
  const env = {
    PATH: process.env.PATH ?? '', HOME: root,
    XDG_CONFIG_HOME: path.join(root, 'config'), XDG_DATA_HOME: path.join(root, 'data'),
    XDG_CACHE_HOME: path.join(root, 'cache'), XDG_STATE_HOME: path.join(root, 'state'),
  };
  return { root, env, articles: path.join(root, 'data', 'krant', 'articles'), feedsFile: path.join(root, 'config', 'krant', 'feeds') };
}

/** The command, asynchronously: the server answers in this process. */
function krant(h: Home, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...h.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

/** Every article file under a folder, relative, sorted. */
function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).map((f) => f.split(path.sep).join('/')).sort();
}

const ESC = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

describe('krant add, fetch, feeds, remove', () => {
  it('subscribes to RSS, Atom, JSON Feed and a Windows-1252 feed, fetches the full articles, and reads them like any other', async () => {
    const h = home();
    const add = await krant(h, ['add', `${server.base}/nos.xml`, `${server.base}/rtl/feed.atom`, `${server.base}/west.json`, `${server.base}/dvhn.xml`]);
    assert.equal(add.code, 0, add.err);
    assert.match(add.out, /^added: NOS Nieuws - Algemeen \(http:\/\/127\.0\.0\.1:\d+\/nos\.xml\)$/m);
    assert.match(add.out, /^added: RTL Nieuws & Meer /m); // an HTML-typed Atom title, read as HTML
    assert.match(fs.readFileSync(h.feedsFile, 'utf8'), /^http:\/\/127\.0\.0\.1:\d+\/west\.json Omroep West$/m);

    const fetched = await krant(h, ['fetch']);
    assert.equal(fetched.code, 0, fetched.err); // the Atom feed links a page that is gone: its summary is kept, and the line says so
    assert.match(fetched.out, /^NOS Nieuws - Algemeen: 2 new$/m);
    assert.match(fetched.out, /^RTL Nieuws & Meer: 2 new \(1 as summary only/m);
    assert.match(fetched.out, /^Omroep West: 1 new$/m);
    assert.match(fetched.out, /^Dagblad van het Noorden: 1 new$/m);
    assert.match(fetched.out, /^6 new articles from 4 feeds/m);
    assert.deepEqual(files(h.articles), [
      'dagblad-van-het-noorden/2025/2025-03-03-creche-krijgt-2-miljoen.md',
      'nos-nieuws-algemeen/2022/2022-01-06-tientallen-doden-bij-onrust-in-almaty.md',
      'nos-nieuws-algemeen/2025/2025-06-15-storm-raast-over-zeeland.md', // 23:30 GMT on the 14th is the 15th in Amsterdam
      'omroep-west/2025/2025-02-10-brand-in-leidse-binnenstad.md',
      'rtl-nieuws-meer/2025/2025-03-01-kabinet-trekt-2-miljard-uit-voor-woningbouw.md',
      'rtl-nieuws-meer/2025/2025-03-01-pagina-die-niet-bestaat.md',
    ]);
    // the user agent names krant; only the local server was asked
    assert.ok(server.requests.every((r) => /^krant\/\d/.test(String(r.headers['user-agent']))));

    // the RSS item's own full text: a subhead, a caption with its credit, a link, a date in CET
    const nos = JSON.parse((await krant(h, ['--print', '--json', 'nos-nieuws-algemeen/2022/2022-01-06-tientallen-doden-bij-onrust-in-almaty'])).out);
    assert.equal(nos.source, 'NOS Nieuws - Algemeen');
    assert.equal(nos.date, '2022-01-06');
    assert.deepEqual(nos.paragraphs.map((p: { kind: string }) => p.kind), ['text', 'caption', 'heading', 'text', 'text']);
    assert.equal(nos.paragraphs[1].text, 'Demonstranten op het plein in Almaty - ANP');
    const [link] = nos.paragraphs[0].links;
    assert.equal(nos.paragraphs[0].text.slice(link.start, link.end), 'Interfax');
    assert.equal(link.url, 'https://interfax.example/');
    assert.ok(!JSON.stringify(nos).includes('Lees ook'));
    assert.ok(!JSON.stringify(nos).includes('Deel op X'));
    assert.ok(nos.figures.some((f: { text: string }) => f.text === '353'), JSON.stringify(nos.figures));
    assert.ok(nos.sources.some((s: { name: string }) => /politie/.test(s.name)));

    // the Atom item was a summary: the page was read in reader mode, its boilerplate left out
    const rtl = JSON.parse((await krant(h, ['--print', '--json', 'rtl-nieuws-meer/2025/2025-03-01-kabinet-trekt-2-miljard-uit-voor-woningbouw'])).out);
    const text = rtl.paragraphs.map((p: { text: string }) => p.text).join('\n');
    assert.match(text, /390\.000 huizen/);
    assert.equal(rtl.paragraphs.find((p: { kind: string }) => p.kind === 'heading')?.text, 'Kritiek van de oppositie');
    assert.ok(rtl.paragraphs.some((p: { kind: string; text: string }) => p.kind === 'caption' && p.text === 'Een bouwplaats in Utrecht - ANP'));
    for (const junk of ['cookies', 'Lees ook', 'nieuwsbrief', 'Advertentie', 'Deel op', 'Home', 'Meer nieuws', '© RTL']) assert.ok(!text.includes(junk), junk);
    const summary = fs.readFileSync(path.join(h.articles, 'rtl-nieuws-meer/2025/2025-03-01-pagina-die-niet-bestaat.md'), 'utf8');
    assert.match(summary, /^note: summary only: HTTP 404 Not Found$/m);
    assert.match(summary, /\n\nEen korte samenvatting van een verdwenen stuk\.\n\n\(krant: summary only: HTTP 404 Not Found; the whole article is at its url\)\n$/);

    // Windows-1252 read right (€ and the curly quotes are in 0x80-0x9F)
    const list = (await krant(h, ['--print'])).out;
    assert.match(list, /\tDagblad van het Noorden\tCrèche krijgt € 2 miljoen$/m);
    const dvhn = (await krant(h, ['--print', 'dagblad-van-het-noorden/2025/2025-03-03-creche-krijgt-2-miljoen'])).out;
    assert.match(dvhn, /“Eindelijk,” zegt de directeur/);

    // search finds fetched articles; the feed list says what happened
    assert.match((await krant(h, ['--print', '--search', 'woningtekort'])).out, /kabinet-trekt-2-miljard/);
    const feeds = (await krant(h, ['feeds'])).out.trim().split('\n').map((l) => l.split('\t'));
    assert.deepEqual(feeds.map((r) => [r[0], r[2], r[4]]), [['NOS Nieuws - Algemeen', '2', 'ok'], ['RTL Nieuws & Meer', '2', 'ok'], ['Omroep West', '1', 'ok'], ['Dagblad van het Noorden', '1', 'ok']]);

    // again: nothing new, nothing written twice — also with the cache (validators, fetch state) gone
    const again = await krant(h, ['fetch']);
    assert.match(again.out, /^0 new articles from 4 feeds/m);
    fs.rmSync(path.join(h.root, 'cache'), { recursive: true, force: true });
    const afterCache = await krant(h, ['fetch']);
    assert.match(afterCache.out, /^0 new articles from 4 feeds/m, afterCache.out + afterCache.err);
    assert.equal(files(h.articles).length, 6);
  });

  it('asks again with the validators it was given: 304 is "not modified"', async () => {
    const h = home();
    await krant(h, ['add', `${server.base}/etag.xml`]);
    assert.match((await krant(h, ['fetch'])).out, /^Etag Nieuws: 1 new$/m);
    const second = await krant(h, ['fetch', 'etag nieuws']);
    assert.equal(second.code, 0);
    assert.match(second.out, /^Etag Nieuws: not modified$/m);
    assert.equal(server.requests.filter((r) => r.path === '/etag.xml').at(-1)!.headers['if-none-match'], '"v1"');
  });

  it('reads a gzip-compressed feed', async () => {
    const h = home();
    await krant(h, ['add', '--name', 'Gezipt', '--tag', 'nieuws', '--tag', 'test', `${server.base}/gzip.xml`]);
    assert.match(fs.readFileSync(h.feedsFile, 'utf8'), /\/gzip\.xml Gezipt #nieuws #test$/m);
    assert.match((await krant(h, ['fetch'])).out, /^Gezipt: 2 new$/m);
  });

  it('gives one clear line for each feed that fails, and goes on with the others', async () => {
    const h = home();
    const bad = ['malformed.xml', 'html-as-feed.xml', 'empty.xml', 'nope.xml', 'redirect-loop', 'redirect-file', 'huge.xml', 'gone.xml', 'busy.xml', 'slow.xml'];
    fs.mkdirSync(path.dirname(h.feedsFile), { recursive: true });
    fs.writeFileSync(h.feedsFile, `# by hand\n${bad.map((b) => `${server.base}/${b} ${b}`).join('\n')}\n${server.base}/west.json West\nftp://elders.example/feed ftp\n`);
    const started = Date.now();
    const r = await krant(h, ['fetch', '--timeout', '2']);
    assert.ok(Date.now() - started < 20_000);
    assert.equal(r.code, 4);
    assert.match(r.out, /^West: 1 new$/m);
    assert.match(r.out, /^1 new article from 11 feeds, 10 failed/m);
    const lines = r.err.trim().split('\n');
    const line = (name: string) => lines.find((l) => l.startsWith(`krant: ${name}: `)) ?? '';
    assert.match(line('malformed.xml'), /not a feed/);
    assert.match(line('html-as-feed.xml'), /an HTML page, not a feed/);
    assert.match(line('empty.xml'), /empty response, not a feed/);
    assert.match(line('nope.xml'), /HTTP 404 Not Found \(http:\/\/127\.0\.0\.1:\d+\/nope\.xml\)$/);
    assert.match(line('redirect-loop'), /more than 5 redirects/);
    assert.match(line('redirect-file'), /redirected to file, not http\(s\)/);
    assert.match(line('huge.xml'), /response larger than 10 MB, stopped/);
    assert.match(line('gone.xml'), /HTTP 410 Gone: it is no more \(krant remove it\)/);
    assert.match(line('busy.xml'), /HTTP 429: asked to wait 120 s, skipped this time/);
    assert.match(line('slow.xml'), /timed out after 2 s/);
    assert.match(r.err, /^krant: line 13 skipped: not an http\(s\) address: ftp:\/\/elders\.example\/feed/m);
    for (const l of lines) assert.ok(!/\n|    at /.test(l) && !ESC.test(l), l);
  });

  it('keeps the items of a feed that is not well-formed, and cleans hostile text; file names never leave their folder', async () => {
    const h = home();
    fs.mkdirSync(path.dirname(h.feedsFile), { recursive: true });
    fs.writeFileSync(h.feedsFile, ['unterminated-cdata.xml Cdata', 'bare-amp.xml Amp', 'hostile.xml', 'no-link-no-date.xml Zonder'].map((l) => `${server.base}/${l}`).join('\n'));
    const r = await krant(h, ['fetch']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Cdata: 2 new$/m); // an unterminated CDATA does not swallow the next item
    assert.match(r.out, /^Amp: 1 new$/m);
    assert.match(r.out, /^Vijandig Nieuws: 6 new$/m);
    assert.match(r.out, /^Zonder: 2 new$/m);
    assert.ok(!ESC.test(r.out + r.err));
    const all = files(h.articles);
    assert.equal(all.length, 11, all.join('\n'));
    // the year in Amsterdam, whatever the machine's zone (an hour either way of midnight on 31 December)
    const years = [new Date().toISOString().slice(0, 4), new Date(Date.now() + 2 * 3600_000).toISOString().slice(0, 4)];
    for (const f of all) {
      assert.match(f, /^[a-z0-9-]+\/\d{4}\/\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$/, f);
      assert.ok(Buffer.byteLength(path.basename(f)) <= 200, f);
      assert.ok(!ESC.test(fs.readFileSync(path.join(h.articles, f), 'utf8').replace(/\n/g, '')), f);
    }
    assert.equal(all.filter((f) => f.startsWith('vijandig-nieuws/')).length, 6, all.join('\n'));
    assert.equal(all.filter((f) => /dubbel(-2)?\.md$/.test(f)).length, 2); // one title twice: two files
    assert.ok(all.some((f) => /\d-con-artikel\.md$/.test(f)), all.join('\n'));
    assert.ok(all.some((f) => /-etc-passwd\.md$/.test(f)));
    // no date in the feed: the day it was fetched
    assert.ok(all.filter((f) => f.startsWith('zonder/')).every((f) => years.some((y) => f.startsWith(`zonder/${y}/${y}-`))));
    const list = (await krant(h, ['--print'])).out;
    assert.match(list, /\tVijandig Nieuws\tRood gevaar en \.\.\/\.\.\/etc\/passwd$/m);
    assert.match(list, /\tAmp\tRock & roll in Ahoy$/m);
  });

  it('subscribes through a page that announces feeds, and saves a page that is an article', async () => {
    const h = home();
    const one = await krant(h, ['add', `${server.base}/site`]);
    assert.equal(one.code, 0, one.err);
    assert.match(one.out, /^the page announces 2 feeds; adding the first/m);
    assert.match(one.out, /^added: NOS Nieuws - Algemeen \(.*\/nos\.xml\)$/m);
    const all = await krant(h, ['add', '--all', `${server.base}/site`]);
    assert.match(all.out, /^already subscribed: NOS Nieuws - Algemeen/m);
    assert.match(all.out, /^added: Omroep West/m);
    const page = await krant(h, ['add', `${server.base}/los-artikel`]);
    assert.equal(page.code, 0, page.err);
    assert.match(page.out, /^saved the article: Kabinet trekt 2 miljard uit voor woningbouw \(krant rtl-nieuws\/2025\/2025-03-01-kabinet-trekt-2-miljard-uit-voor-woningbouw\)$/m);
    assert.match((await krant(h, ['--print', 'rtl-nieuws/2025/2025-03-01-kabinet-trekt-2-miljard-uit-voor-woningbouw'])).out, /^Kabinet trekt 2 miljard/);
    assert.match((await krant(h, ['add', `${server.base}/los-artikel`])).out, /^already saved/m);
    const none = await krant(h, ['add', `${server.base}/geen-artikel`, 'file:///etc/passwd']);
    assert.equal(none.code, 4);
    assert.match(none.err, /^krant: neither a feed nor an article: .*\(http:\/\/127\.0\.0\.1:\d+\/geen-artikel\)$/m);
    assert.match(none.err, /^krant: not an http\(s\) address \(file:\/\/\/etc\/passwd\)$/m);
  });

  it('imports and exports OPML, folders as tags, and removes a feed keeping its articles', async () => {
    const h = home();
    const opml = path.join(h.root, 'in.opml');
    fs.writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body><outline text="Nieuws"><outline text="Regio"><outline text="Omroep West" type="rss" xmlUrl="${server.base}/west.json"/></outline><outline text="NOS" type="rss" xmlUrl="${server.base}/nos.xml"/></outline></body></opml>`);
    const r = await krant(h, ['add', '--opml', opml]);
    assert.equal(r.out, 'imported 2 of 2 subscriptions\n');
    assert.match(fs.readFileSync(h.feedsFile, 'utf8'), /west\.json Omroep West #Nieuws #Regio$/m);
    const out = (await krant(h, ['feeds', '--opml'])).out;
    const back = path.join(h.root, 'out.opml');
    fs.writeFileSync(back, out);
    const h2 = home();
    await krant(h2, ['add', '--opml', back]);
    assert.equal(fs.readFileSync(h2.feedsFile, 'utf8'), fs.readFileSync(h.feedsFile, 'utf8'));

    await krant(h, ['fetch', 'Omroep West']);
    const removed = await krant(h, ['remove', 'omroep west']);
    assert.equal(removed.code, 0);
    assert.match(removed.out, /^removed: .*west\.json Omroep West #Nieuws #Regio \(its articles stay\)$/m);
    assert.doesNotMatch(fs.readFileSync(h.feedsFile, 'utf8'), /west\.json/);
    assert.equal(files(path.join(h.articles, 'omroep-west')).length, 1);
    const unknown = await krant(h, ['remove', 'Bestaat Niet']);
    assert.equal(unknown.code, 3);
    assert.equal(unknown.err, 'krant: no subscription "Bestaat Niet" (krant feeds lists them)\n');
  });

  it('never writes into the bundled articles: the reader opens the data folder once there is one, and an id named like a command opens with its extension', async () => {
    const h = home();
    const before = (await krant(h, ['--print'])).out;
    assert.match(before, /^2022-01-almaty\t/m); // no data folder: the bundled article
    await krant(h, ['add', `${server.base}/west.json`]);
    await krant(h, ['fetch']);
    assert.match((await krant(h, ['--print'])).out, /^omroep-west\/2025\/2025-02-10-brand-in-leidse-binnenstad\t/);
    const dir = makeFolder({ 'add.txt': 'title: Optellen\n\nTekst.\n' });
    assert.match((await krant(h, ['--print', '--dir', dir, 'add.txt'])).out, /^Optellen\n/);
  });
});
