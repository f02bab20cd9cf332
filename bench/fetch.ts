/**
 * Fetching, measured: articles fetched, converted and written per second from local
 * full-content feeds; page extraction time per article; the reader's keys while a fetch
 * runs. Feeds and pages are made from the generated archive's articles and served on
 * 127.0.0.1 by a process of their own (this one blocks while krant runs).
 */

import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractArticle } from '../src/core/feed/extract.js';
import { parseArticle } from '../src/core/parse.js';
import { makeArticle } from './generate.js';

export interface FetchRow {
  what: string;
  measured: string;
  target: string;
  ok: boolean | null;
}

const FEEDS = 10;
const ITEMS = 300;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A feed of full articles (content:encoded), RSS as Dutch broadcasters write it. */
function feedXml(f: number, port: string): string {
  const items: string[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const a = parseArticle('x', makeArticle(f * ITEMS + i, 7).text);
    const html = a.paragraphs.map((p, k) => (k === 2 ? `<h2>${esc(p.text.split(' ').slice(0, 4).join(' '))}</h2>` : '') + `<p>${esc(p.text)}</p>`).join('') + '<figure><img src="/x.jpg"><figcaption>Een foto <span class="credit">ANP</span></figcaption></figure>';
    items.push(`<item><title>${esc(a.title)}</title><link>http://127.0.0.1:${port}/a/${f}/${i}</link><guid>a-${f}-${i}</guid><pubDate>Mon, 03 Mar 2025 08:${String(i % 60).padStart(2, '0')}:00 +0100</pubDate><content:encoded><![CDATA[${html}]]></content:encoded></item>`);
  }
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench ${f}</title><link>http://127.0.0.1/</link>${items.join('')}</channel></rss>`;
}

/** A news page as sites serve it: head, scripts, cookie banner, navigation, share buttons, the article, related links, footer. */
export function newsPage(i: number): string {
  const a = parseArticle('x', makeArticle(i, 11).text);
  const body = a.paragraphs.map((p) => `<p>${esc(p.text)}</p>`).join('\n');
  const nav = Array.from({ length: 30 }, (_, k) => `<li><a href="/rubriek/${k}">Rubriek ${k}</a></li>`).join('');
  const related = Array.from({ length: 12 }, (_, k) => `<li><a href="/artikel/${k}">Ander nieuws ${k} over iets heel anders</a></li>`).join('');
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${esc(a.title)} | Omroep</title>
<meta property="og:site_name" content="Omroep"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-03-03T08:00:00+01:00"}</script>
<script>${'var x=1;'.repeat(400)}</script><style>${'.c{color:red}'.repeat(400)}</style></head><body>
<div class="cookie-banner"><p>Wij gebruiken cookies.</p><button>Akkoord</button></div>
<header><nav><ul>${nav}</ul></nav></header><main><article><h1>${esc(a.title)}</h1>
<div class="share"><a href="#">Deel</a><a href="#">Tweet</a></div>${body}
<p>Lees ook: meer nieuws</p><div class="newsletter"><p>Meld je aan voor de nieuwsbrief.</p></div></article>
<aside class="related"><ul>${related}</ul></aside></main><footer><p>© Omroep</p></footer></body></html>`;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

function extractionRow(): FetchRow {
  const pages = Array.from({ length: 60 }, (_, i) => newsPage(i));
  for (const p of pages.slice(0, 10)) extractArticle(p, 'https://omroep.example/a'); // warm up
  const times = pages.map((p) => {
    const t = performance.now();
    const a = extractArticle(p, 'https://omroep.example/a');
    if (!a) throw new Error('bench page not read');
    return performance.now() - t;
  });
  const kb = Math.round(pages.reduce((n, p) => n + p.length, 0) / pages.length / 1024);
  const ms = median(times);
  return { what: `page extraction (Readability on linkedom, then paragraphs), one news page of ${kb} KB`, measured: `${ms.toFixed(1)} ms median`, target: '≤ 30 ms', ok: ms <= 30 };
}

export async function fetchRows(bin: string, ptydrive: string): Promise<FetchRow[]> {
  const rows: FetchRow[] = [extractionRow()];
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'krant-bench-fetch-'));
  // served by a process of its own; feeds written to files first
  const server = spawn(process.execPath, ['-e', `const fs=require('fs'),p=require('path');const s=require('http').createServer((q,r)=>{const f=p.join(${JSON.stringify(home)},'feeds',p.basename(q.url));if(!fs.existsSync(f)){r.writeHead(404);return r.end()}r.setHeader('content-type','application/rss+xml');fs.createReadStream(f).pipe(r)}).listen(0,'127.0.0.1',()=>console.log(s.address().port))`], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<string>((resolve) => server.stdout!.once('data', (d) => resolve(String(d).trim())));
    fs.mkdirSync(path.join(home, 'feeds'));
    for (let f = 0; f < FEEDS; f++) fs.writeFileSync(path.join(home, 'feeds', `f${f}.xml`), feedXml(f, port));
    const urls = Array.from({ length: FEEDS }, (_, f) => `http://127.0.0.1:${port}/f${f}.xml`).join('\n') + '\n';
    const user = (name: string) => {
      const root = path.join(home, name);
      fs.mkdirSync(path.join(root, 'config', 'krant'), { recursive: true });
      fs.writeFileSync(path.join(root, 'config', 'krant', 'feeds'), urls);
      fs.mkdirSync(path.join(root, 'articles'));
      return { root, env: { ...process.env, XDG_CONFIG_HOME: path.join(root, 'config'), XDG_CACHE_HOME: path.join(root, 'cache'), XDG_STATE_HOME: path.join(root, 'state'), XDG_DATA_HOME: path.join(root, 'data') } };
    };
    const rates: number[] = [];
    for (let run = 0; run < 3; run++) {
      const u = user(`run${run}`);
      const t = performance.now();
      execFileSync(bin, ['fetch', '--dir', path.join(u.root, 'articles')], { env: u.env, stdio: 'ignore' });
      const s = (performance.now() - t) / 1000;
      const written = (fs.readdirSync(path.join(u.root, 'articles'), { recursive: true }) as string[]).filter((n) => n.endsWith('.md')).length;
      if (written !== FEEDS * ITEMS) throw new Error(`fetch wrote ${written} of ${FEEDS * ITEMS}`);
      rates.push(written / s);
    }
    const rate = median(rates);
    rows.push({ what: `\`krant fetch\`: ${FEEDS} local feeds of ${ITEMS} full articles, fetched, converted and written (the whole command)`, measured: `${Math.round(rate).toLocaleString('en')} articles/s`, target: '≥ 500 articles/s', ok: rate >= 500 });

    // the reader's keys while R fetches the same feeds into its folder
    const u = user('reader');
    fs.writeFileSync(path.join(u.root, 'articles', 'een.txt'), 'title: Een\ndate: 2020-01-01\n\nTekst.\n');
    const envArgs = (['XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME', 'XDG_DATA_HOME'] as const).flatMap((k) => ['--env', `${k}=${u.env[k]}`]);
    const out = JSON.parse(execFileSync('python3', [ptydrive, 'fetch-keys', '--ready', '1/1 article', ...envArgs, '--', bin, '--dir', path.join(u.root, 'articles')], { encoding: 'utf8', timeout: 300_000 }));
    rows.push({ what: 'reader: key to next frame while R fetches (list keys, the fetch running throughout)', measured: `${out.frame_ms} ms (first byte ${out.first_byte_ms} ms; ${out.keys} keys, fetch still running after them: ${out.fetch_running_after ? 'yes' : 'no'})`, target: '≤ 33 ms', ok: out.frame_ms <= 33 && out.fetch_running_after });
  } finally {
    server.kill();
    fs.rmSync(home, { recursive: true, force: true });
  }
  return rows;
}
