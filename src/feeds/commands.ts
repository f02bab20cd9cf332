/**
 * `krant add`, `krant fetch`, `krant feeds`, `krant remove`: subscriptions and fetching,
 * as the command line runs them. Results on stdout, one line each; failures on stderr,
 * one line each (`krant: NOS Sport: timed out after 20 s (https://…)`), the others go on.
 */

import fs from 'node:fs';
import path from 'node:path';
import { articleFileName, articleFileText, slug } from '../core/feed/article-file.js';
import { decodeDocument } from '../core/feed/charset.js';
import { isoInAmsterdam } from '../core/feed/dates.js';
import { extractArticle } from '../core/feed/extract.js';
import { FeedParseError, feedLinks, parseFeedText } from '../core/feed/feed-items.js';
import { OpmlError, opmlFromSubscriptions, subscriptionsFromOpml } from '../core/feed/opml.js';
import { type Subscription, feedFolder, feedName, findSubscriptions, isWebAddress, parseSubscriptions, subscriptionLine, withAdded, withRemoved } from '../core/feed/subscriptions.js';
import { KrantError } from '../core/errors.js';
import { EXIT } from '../core/exit-codes.js';
import { sanitize } from '../core/sanitize.js';
import { warn, writeOut } from '../print/output.js';
import { describeError } from '../store/fs-util.js';
import { articleKey } from '../store/index-doc.js';
import { ARTICLE_EXT } from '../store/scan.js';
import { Store } from '../store/store.js';
import { FetchState } from './fetch-state.js';
import { type FeedReport, FEED_ACCEPT, fetchFeeds } from './fetch-feeds.js';
import { readIfThere, replaceFile, writeNewArticle } from './files.js';
import { HttpError, Limiter, get } from './http.js';
import { fetchStateFile, subscriptionsFile } from './places.js';

export interface FeedsEnv {
  env: NodeJS.ProcessEnv;
  /** The articles folder fetched articles go into (made when missing). */
  dir: string;
  version: string;
}

const userAgent = (version: string) => `krant/${version} (terminal news reader)`;

function readSubscriptions(file: string): Subscription[] {
  let text: string;
  try {
    text = readIfThere(file);
  } catch (e) {
    throw new KrantError(`cannot read the subscriptions: ${describeError(e)}`, EXIT.usage, file);
  }
  const { subscriptions, problems } = parseSubscriptions(text);
  for (const p of problems) warn(`line ${p.line} skipped: ${p.what}`, file);
  return subscriptions;
}

function saveSubscriptions(file: string, change: (text: string) => string): void {
  try {
    replaceFile(file, change(readIfThere(file)));
  } catch (e) {
    throw new KrantError(`cannot write the subscriptions: ${describeError(e)}`, EXIT.usage, file);
  }
}

/** The articles folder's index, to know which articles are there already. */
async function openKnown(dir: string) {
  const store = new Store(dir);
  await store.quickSync();
  const seen = new Set<number>();
  return { store, known: { has: (k: number) => seen.has(k) || store.hasKey(k), add: (k: number) => void seen.add(k) } };
}

interface AddOptions {
  opml?: string;
  all?: boolean;
  name?: string;
  tag?: string[];
}

/** `krant add URL…` / `krant add --opml FILE`. */
export async function addCommand(urls: string[], o: AddOptions, f: FeedsEnv): Promise<number> {
  const file = subscriptionsFile(f.env);
  if (o.opml !== undefined) {
    if (urls.length) throw new KrantError('--opml FILE or URLs: one at a time', EXIT.usage);
    let subs: Subscription[];
    try {
      subs = subscriptionsFromOpml(fs.readFileSync(o.opml, 'utf8'));
    } catch (e) {
      throw new KrantError(e instanceof OpmlError ? e.message : `cannot read: ${describeError(e)}`, EXIT.usage, o.opml);
    }
    const before = new Set(readSubscriptions(file).map((s) => s.url));
    const fresh = subs.filter((s) => !before.has(s.url));
    saveSubscriptions(file, (t) => withAdded(t, fresh));
    writeOut(`imported ${fresh.length} of ${subs.length} subscriptions${subs.length > fresh.length ? ` (${subs.length - fresh.length} already there)` : ''}\n`);
    return EXIT.ok;
  }
  if (urls.length === 0) throw new KrantError('add what? krant add URL (a feed, or a page that announces one)', EXIT.usage);
  if (o.name && urls.length > 1) throw new KrantError('--name goes with one URL', EXIT.usage);
  const limiter = new Limiter();
  const have = readSubscriptions(file);
  const added: Subscription[] = [];
  let code: number = EXIT.ok;
  const failed = (what: string, url: string) => {
    warn(what, url);
    code = EXIT.feedFailed;
  };
  for (const url of urls) {
    if (!isWebAddress(url)) {
      failed('not an http(s) address', url);
      continue;
    }
    const subscribe = (feedUrl: string, title: string) => {
      const sub = { url: feedUrl, name: o.name || title, tags: o.tag ?? [] };
      const there = [...have, ...added].find((s) => s.url === feedUrl);
      if (there) return writeOut(`already subscribed: ${sanitize(feedName(there))} (${sanitize(feedUrl)})\n`);
      added.push(sub);
      writeOut(`added: ${sanitize(feedName(sub))} (${sanitize(feedUrl)})\n`);
    };
    let res;
    try {
      res = await limiter.run(url, () => get(url, { accept: FEED_ACCEPT + ', text/html;q=0.7', userAgent: userAgent(f.version) }));
    } catch (e) {
      failed(e instanceof HttpError ? e.what : describeError(e), url);
      continue;
    }
    if (res.status !== 'ok') continue;
    const text = decodeDocument(res.bytes, res.contentType);
    try {
      subscribe(url, parseFeedText(text, res.url).title);
      continue;
    } catch (e) {
      if (!(e instanceof FeedParseError)) throw e;
      if (!/<html|<head|<body|<!doctype html/i.test(text.slice(0, 4096))) {
        failed(`neither a feed nor a web page (${e.message})`, url);
        continue;
      }
    }
    // a page: the feeds it announces, else the article it is
    const links = feedLinks(text, res.url);
    if (links.length > 0) {
      const chosen = o.all ? links : links.slice(0, 1);
      if (links.length > 1 && !o.all) {
        writeOut(`the page announces ${links.length} feeds; adding the first (krant add --all URL adds every one):\n`);
        for (const l of links) writeOut(`  ${sanitize(l.url)}${l.title ? `  ${sanitize(l.title)}` : ''}\n`);
      }
      for (const l of chosen) {
        try {
          const r = await limiter.run(l.url, () => get(l.url, { accept: FEED_ACCEPT, userAgent: userAgent(f.version) }));
          if (r.status === 'ok') subscribe(l.url, parseFeedText(decodeDocument(r.bytes, r.contentType), r.url).title || l.title);
        } catch (e) {
          failed(`the feed the page announces cannot be read: ${e instanceof HttpError || e instanceof FeedParseError ? e.message : describeError(e)}`, l.url);
        }
      }
      continue;
    }
    const page = extractArticle(text, res.url);
    if (!page) {
      failed('neither a feed nor an article: the page announces no feed and holds no article to read', url);
      continue;
    }
    const site = page.site || new URL(res.url).hostname.replace(/^www\./, '');
    fs.mkdirSync(f.dir, { recursive: true });
    const { store, known } = await openKnown(f.dir);
    try {
      const body = articleFileText({ title: page.title, date: page.date || isoInAmsterdam(Date.now()), source: site, url: res.url, author: page.author, guid: '', paragraphs: page.paragraphs, note: '' });
      if (known.has(articleKey(res.url, ''))) {
        writeOut(`already saved: ${sanitize(page.title)}\n`);
        continue;
      }
      const rel = writeNewArticle(f.dir, `${slug(site, 60, 'pages')}/${articleFileName({ date: page.date, title: page.title }, isoInAmsterdam(Date.now()).slice(0, 10))}`, body);
      writeOut(`saved the article: ${sanitize(page.title)} (krant ${sanitize(rel.replace(/\.md$/, ''))})\n`);
    } finally {
      store.close();
    }
  }
  if (added.length) {
    saveSubscriptions(file, (t) => withAdded(t, added));
    writeOut(`krant fetch brings in their articles\n`);
  }
  return code;
}

interface FetchOptions {
  /** JSON lines on stdout, one per feed and one at the end: for the reader. */
  report?: 'json';
  /** Progress on stderr (a terminal). */
  progress?: boolean;
  timeoutMs?: number;
}

/** `krant fetch [NAME|URL…]`. */
export async function fetchCommand(which: string[], o: FetchOptions, f: FeedsEnv): Promise<number> {
  const all = readSubscriptions(subscriptionsFile(f.env));
  let subs = all;
  if (which.length) {
    subs = [];
    for (const w of which) {
      const found = findSubscriptions(all, w);
      if (found.length === 0) throw new KrantError(`no subscription "${w}" (krant feeds lists them)`, EXIT.unknownId);
      subs.push(...found.filter((s) => !subs.includes(s)));
    }
  }
  if (subs.length === 0) {
    if (o.report === 'json') writeOut(JSON.stringify({ end: { written: 0, failed: 0, feeds: 0 } }) + '\n');
    else warn('no subscriptions yet: krant add URL subscribes to a feed', subscriptionsFile(f.env));
    return EXIT.nothingFound;
  }
  fs.mkdirSync(f.dir, { recursive: true });
  const { store, known } = await openKnown(f.dir);
  const state = new FetchState(fetchStateFile(f.env));
  let done = 0;
  let written = 0;
  // the index learns of each feed's articles as they are written: the reader's list shows them
  let synced = Promise.resolve();
  const progress = (text: string) => o.progress && process.stderr.write(`\r\x1b[Kkrant: ${text}`);
  progress(`fetching ${subs.length} ${subs.length === 1 ? 'feed' : 'feeds'}…`);
  let reports: FeedReport[];
  try {
    reports = await fetchFeeds(subs, {
      root: f.dir, userAgent: userAgent(f.version), state, known, limiter: new Limiter(), now: Date.now, timeoutMs: o.timeoutMs,
      onFeed: (r) => {
        done++;
        written += r.written;
        // for the reader (--report): its list shows each feed's articles as they land; on the command line the next start syncs
        if (r.written > 0 && o.report === 'json') synced = synced.then(() => store.quickSync().then(() => {}, () => {}));
        const line = { feed: { name: r.name, written: r.written, status: r.status, error: r.error }, done, total: subs.length, written };
        if (o.report === 'json') void synced.then(() => writeOut(JSON.stringify(line) + '\n'));
        progress(`fetched ${done} of ${subs.length} feeds · ${written} new…`);
      },
    });
    await synced;
  } finally {
    state.save();
    store.close();
  }
  if (o.progress) process.stderr.write('\r\x1b[K');
  const failed = reports.filter((r) => r.status === 'failed');
  if (o.report === 'json') writeOut(JSON.stringify({ end: { written, failed: failed.length, feeds: reports.length } }) + '\n');
  else {
    for (const r of reports) {
      if (r.status === 'failed') warn(`${r.name}: ${r.error}`, r.url);
      else writeOut(`${sanitize(r.name)}: ${r.status === 'not modified' ? 'not modified' : `${r.written} new`}${r.summaries ? ` (${r.summaries} as summary only: the page could not be read)` : ''}\n`);
    }
    writeOut(`${written} new ${written === 1 ? 'article' : 'articles'} from ${reports.length} ${reports.length === 1 ? 'feed' : 'feeds'}${failed.length ? `, ${failed.length} failed` : ''} (${sanitize(f.dir)})\n`);
  }
  return failed.length ? EXIT.feedFailed : EXIT.ok;
}

/** Article files in a feed's folder. */
function countArticles(dir: string): number {
  try {
    return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((n) => ARTICLE_EXT.test(n) && !path.basename(n).startsWith('.')).length;
  } catch {
    return 0;
  }
}

/** `krant feeds [--opml]`. */
export function feedsCommand(o: { opml?: boolean }, f: FeedsEnv): number {
  const subs = readSubscriptions(subscriptionsFile(f.env));
  if (o.opml) {
    writeOut(opmlFromSubscriptions(subs));
    return EXIT.ok;
  }
  const state = new FetchState(fetchStateFile(f.env));
  const rows = subs.map((s) => {
    const st = state.get(s.url);
    return [feedName(s) === s.url ? st.title || feedName(s) : feedName(s), s.url, String(countArticles(path.join(f.dir, feedFolder(s)))), st.fetched ? isoInAmsterdam(Date.parse(st.fetched)).replace('T', ' ').slice(0, 16) : 'never', st.status ?? ''].map((v) => sanitize(v).replace(/\t/g, ' '));
  });
  if (!process.stdout.isTTY) {
    writeOut(rows.map((r) => r.join('\t') + '\n').join(''));
    return EXIT.ok;
  }
  if (rows.length === 0) {
    writeOut('no subscriptions yet: krant add URL subscribes to a feed\n');
    return EXIT.ok;
  }
  const head = ['name', 'url', 'articles', 'last fetched', 'last status'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const r of [head, ...rows]) writeOut(r.map((v, i) => (i === r.length - 1 ? v : v.padEnd(widths[i]!))).join('  ').trimEnd() + '\n');
  return EXIT.ok;
}

/** `krant remove NAME|URL…`: the articles written stay. */
export function removeCommand(which: string[], f: FeedsEnv): number {
  const file = subscriptionsFile(f.env);
  const all = readSubscriptions(file);
  const gone = new Set<string>();
  for (const w of which) {
    const found = findSubscriptions(all, w);
    if (found.length === 0) throw new KrantError(`no subscription "${w}" (krant feeds lists them)`, EXIT.unknownId);
    for (const s of found) gone.add(s.url);
  }
  saveSubscriptions(file, (t) => withRemoved(t, gone));
  for (const s of all.filter((s) => gone.has(s.url))) writeOut(`removed: ${sanitize(subscriptionLine(s))} (its articles stay)\n`);
  return EXIT.ok;
}
