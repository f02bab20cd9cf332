/**
 * npm run bench [-- --sizes 20000,200000] : generates archives, measures krant against
 * its targets (each named beside its figure), each as a ratio taken in the same run,
 * and writes the results to BENCHMARKS.md.
 */

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { articleWords } from '../src/core/article.js';
import { highlightArticle } from '../src/core/highlight/article.js';
import { ReadingState } from '../src/store/reading.js';
import { Store } from '../src/store/store.js';
import { parseArticle } from '../src/core/parse.js';
import { formatCount } from '../src/tui/list-frame.js';
import { COMMON_WORD, RARE_WORD, TWO_WORDS, generateArchive, makeArticle } from './generate.js';
import { fetchRows } from './fetch.js';
import { formKinds, formsShare } from './search-forms.js';
import '../src/store/lexicon-file.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const BIN = path.join(ROOT, 'bin', 'krant');
const args = process.argv.slice(2);
const arg = (name: string, def: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : def;
};
const SIZES = arg('--sizes', '20000,200000').split(',').map(Number);
const WORK = arg('--work', path.join(os.tmpdir(), 'krant-bench'));
const GENERATOR_VERSION = 2; // bump when generate.ts changes what it writes

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function timeOnce(cmd: string, argv: string[], env: NodeJS.ProcessEnv = process.env, shell = false): number {
  const t = performance.now();
  const r = spawnSync(cmd, argv, { env, stdio: ['ignore', 'ignore', 'ignore'], shell });
  if (r.error) throw r.error;
  return performance.now() - t;
}

/** Runs the commands in turn, `runs` times round, so that load on the machine falls on all alike. */
function interleaved(cmds: Record<string, () => number>, runs: number): Record<string, number> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(cmds).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) for (const [k, f] of Object.entries(cmds)) times[k]!.push(f());
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

function archive(n: number): { dir: string; bytes: number } {
  const dir = path.join(WORK, `archive-${n}`);
  const stamp = path.join(dir, '.generated');
  if (fs.existsSync(stamp)) {
    const s = JSON.parse(fs.readFileSync(stamp, 'utf8'));
    if (s.version === GENERATOR_VERSION && s.n === n) return { dir, bytes: s.bytes };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  process.stderr.write(`generating ${n} articles in ${dir}…\n`);
  const bytes = generateArchive(dir, n);
  fs.writeFileSync(stamp, JSON.stringify({ version: GENERATOR_VERSION, n, bytes }));
  return { dir, bytes };
}

function pty(mode: string, opts: string[], cmd: string[]): Record<string, unknown> {
  const out = execFileSync('python3', [path.join(ROOT, 'bench', 'ptydrive.py'), mode, ...opts, '--', ...cmd], { encoding: 'utf8', timeout: 600_000 });
  return JSON.parse(out);
}

interface Row {
  what: string;
  measured: string;
  target: string;
  ok: boolean | null;
}

function benchSize(n: number, baseline: { node: number }, newsboat: Rival | null): Row[] {
  const { dir, bytes } = archive(n);
  const cache = path.join(WORK, `cache-${n}`);
  fs.rmSync(cache, { recursive: true, force: true });
  const stateHome = path.join(WORK, `state-${n}`);
  fs.rmSync(stateHome, { recursive: true, force: true });
  const env = { ...process.env, XDG_CACHE_HOME: cache, XDG_STATE_HOME: stateHome };
  const rows: Row[] = [];
  const label = (s: string) => `${s} (${n.toLocaleString('en')})`;

  // First index build, from nothing (median of three, each from an empty cache)
  const build = median([1, 2, 3].map(() => {
    fs.rmSync(cache, { recursive: true, force: true });
    return timeOnce(BIN, ['--reindex', '--dir', dir], env) / 1000;
  }));
  const rate = n / build;
  rows.push({ what: label('first index build'), measured: `${Math.round(rate).toLocaleString('en')} articles/s (${build.toFixed(1)} s)`, target: '≥ 10,000 articles/s', ok: rate >= 10_000 });

  const dbFile = fs.readdirSync(path.join(cache, 'krant')).find((f) => f.endsWith('.db'))!;
  const dbBytes = fs.statSync(path.join(cache, 'krant', dbFile)).size;
  const ratio = dbBytes / bytes;
  rows.push({ what: label('index size / articles\' text'), measured: `${ratio.toFixed(2)} (${(dbBytes / 1e6).toFixed(0)} MB / ${(bytes / 1e6).toFixed(0)} MB)`, target: '≤ 0.75', ok: ratio <= 0.75 });
  // what the Dutch analysis adds: the forms' share of the index's tokens, and those forms by kind (a sample of 2,000 articles)
  const share = formsShare(path.join(cache, 'krant', dbFile));
  const formsPart = share.forms / (share.words + share.forms);
  const kinds = formKinds(Array.from({ length: Math.min(n, 2000) }, (_, i) => makeArticle(i).text));
  const total = kinds.stems + kinds.parts + kinds.numbers + kinds.joined;
  const mb = (x: number) => `${((x / total) * formsPart * dbBytes / 1e6).toFixed(1)} MB`;
  rows.push({
    what: label('index: what the Dutch analysis adds (forms beside the words)'),
    measured: `${(formsPart * 100).toFixed(0)} % of its tokens, ~${(formsPart * dbBytes / 1e6).toFixed(0)} MB: stems ${mb(kinds.stems)}, compound parts ${mb(kinds.parts)}, numbers ${mb(kinds.numbers)}, joined hyphens ${mb(kinds.joined)}`,
    target: '—', ok: null,
  });

  // Re-sync with nothing changed: the reader's full sync (a stat of every file), timed inside the sync process
  const syncChild = path.join(ROOT, 'dist', 'index-helper.js');
  const syncs = [1, 2, 3].map(() => {
    const out = execFileSync('node', [syncChild, dir], { env, encoding: 'utf8' });
    const done = out.trim().split('\n').map((l) => JSON.parse(l)).find((m) => m.done)!.done;
    return done.ms as number;
  });
  const resync = median(syncs);
  rows.push({ what: label('re-sync, nothing changed (full: stat of every file)'), measured: `${(resync / 1000).toFixed(2)} s, in a background process`, target: '≤ 1 s at 200,000, never before the first frame', ok: n < 200_000 ? null : resync <= 1000 });

  // --print ID against a bare node start
  const someId = execFileSync(BIN, ['--print', '--dir', dir], { env, encoding: 'utf8', maxBuffer: 1 << 30 }).split('\n')[n >> 1]!.split('\t')[0]!;
  const t = interleaved({
    node: () => timeOnce('node', ['-e', '0'], env),
    print: () => timeOnce(BIN, ['--print', '--dir', dir, someId], env),
  }, 21);
  rows.push({ what: label('`--print ID` / bare `node -e 0`'), measured: `${(t.print! / t.node!).toFixed(2)}× (${t.print!.toFixed(0)} / ${t.node!.toFixed(0)} ms)`, target: '≤ 1.3×', ok: t.print! / t.node! <= 1.3 });

  // --print --search against grep -ril over the same folder
  const [w1, w2] = TWO_WORDS.split(' ');
  for (const [name, query, grep] of [
    ['rare word', RARE_WORD, `grep -ril ${RARE_WORD} ${dir} > /dev/null`],
    ['common word', COMMON_WORD, `grep -ril ${COMMON_WORD} ${dir} > /dev/null`],
    ['two words', TWO_WORDS, `grep -rilZ ${w1} ${dir} | xargs -0 grep -il ${w2} > /dev/null`],
  ] as const) {
    const s = interleaved({
      grep: () => timeOnce('bash', ['-c', grep], env),
      krant: () => timeOnce(BIN, ['--print', '--dir', dir, '--search', query], env),
    }, 5);
    const r = s.krant! / s.grep!;
    const limit = n >= 200_000 ? 0.2 : 1;
    rows.push({ what: label(`\`--print --search\` ${name} / \`grep -ril\``), measured: `${r.toFixed(2)}× (${s.krant!.toFixed(0)} / ${s.grep!.toFixed(0)} ms)`, target: n >= 200_000 ? '≤ 0.2×' : '< 1×', ok: r <= limit });
  }

  // Reading state as a reader's after a while: half of the articles read
  const stateFile = halfRead(dir, env);
  const stateBytes = fs.statSync(stateFile).size + (fs.existsSync(`${stateFile}-wal`) ? fs.statSync(`${stateFile}-wal`).size : 0);
  rows.push({ what: label('reading state file, half of the articles read'), measured: `${(stateBytes / 1e6).toFixed(1)} MB`, target: '≤ 20 MB', ok: stateBytes <= 20e6 });
  const envArgs = ['--env', `XDG_CACHE_HOME=${cache}`, '--env', `XDG_STATE_HOME=${stateHome}`];

  // The reader in a pseudo-terminal, warm index
  const ready = `${formatCount(n)} articles`;
  // First frames: krant, a bare node printing, and newsboat when installed, taken in turn, round by
  // round, so that what loads the machine falls on all alike; medians of the rounds.
  const frames: Record<'krant' | 'key' | 'node' | 'newsboat', number[]> = { krant: [], key: [], node: [], newsboat: [] };
  for (let round = 0; round < 4; round++) {
    frames.node.push(pty('first-frame', ['--runs', '3', '--no-key', '--marker', 'hello'], ['node', '-e', 'console.log("hello")']).first_frame_ms as number);
    const ff = pty('first-frame', ['--runs', '3', '--marker', ready, ...envArgs], [BIN, '--dir', dir]);
    frames.krant.push(ff.first_frame_ms as number);
    frames.key.push(ff.first_key_answered_ms as number);
    if (newsboat) frames.newsboat.push(pty('first-frame', ['--runs', '3', '--no-key', '--marker', newsboat.marker, ...newsboat.env], newsboat.cmd).first_frame_ms as number);
  }
  const first = median(frames.krant);
  const bare = median(frames.node);
  const key = median(frames.key);
  rows.push({ what: label('reader first frame / bare node start (pty)'), measured: `${(first / bare).toFixed(2)}× (${first.toFixed(0)} / ${bare.toFixed(0)} ms)`, target: '≤ 2.5×', ok: first / bare <= 2.5 });
  rows.push({ what: label('reader: first key answered (a `j` sent at the first frame)'), measured: `${key.toFixed(0)} ms after start (${(key / bare).toFixed(2)}× a bare node start)`, target: '≤ 150 ms', ok: key <= 150 });
  if (newsboat) {
    const nb = median(frames.newsboat);
    rows.push({ what: label('reader first frame / newsboat\'s first frame (pty, one feed of 20,000 items)'), measured: `${(first / nb).toFixed(2)}× (${first.toFixed(0)} / ${nb.toFixed(0)} ms)`, target: '≤ 1×', ok: first <= nb });
  }

  const s = pty('session', ['--ready', ready, '--word', COMMON_WORD, ...envArgs], [BIN, '--dir', dir]);
  const k = (x: unknown) => x as { first_byte_ms: number; frame_ms: number };
  for (const [name, v] of [['list', k(s.list_keys)], ['toggling read (m)', k(s.read_keys)], ['live search', k(s.search_keys)], ['article', k(s.article_keys)]] as const) {
    rows.push({ what: label(`key to next frame, ${name}`), measured: `${v.frame_ms} ms (first byte ${v.first_byte_ms} ms)`, target: '≤ 33 ms', ok: v.frame_ms <= 33 });
  }
  const uv = s.unread_view_ms as number;
  rows.push({ what: label('unread view: v to its first page drawn (half read)'), measured: `${uv} ms`, target: '≤ 50 ms', ok: uv <= 50 });
  const hits = Number(s.search_results_ms);
  rows.push({ what: label(`live search: "${COMMON_WORD}" typed to its hits listed`), measured: `${s.search_results_ms} ms (the prompt answers every key at once; hits follow from the index helper)`, target: '≤ 250 ms', ok: hits <= 250 });
  const rss = s.reader_peak_rss_mb as number;
  rows.push({ what: label('reader peak RSS'), measured: `${rss.toFixed(0)} MB (its sync process: ${Number(s.sync_child_peak_rss_mb ?? 0).toFixed(0)} MB)`, target: '≤ 120 MB', ok: rss <= 120 });
  return rows;
}

/** A program to time beside krant's reader in the pseudo-terminal: the command, its environment, the text its first frame shows. */
interface Rival {
  cmd: string[];
  env: string[];
  marker: string;
  stop(): void;
}

/**
 * newsboat on a feed of `n` items (the same generated articles) served on 127.0.0.1 and
 * imported with `newsboat -x reload` into a temporary HOME; null when it is not installed.
 */
async function newsboatRival(n: number): Promise<Rival | null> {
  if (spawnSync('sh', ['-c', 'command -v newsboat']).status !== 0) return null;
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'krant-bench-newsboat-'));
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const items: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = parseArticle('x', makeArticle(i).text);
    items.push(`<item><title>${esc(a.title)}</title><link>http://127.0.0.1/a/${i}</link><guid>a-${i}</guid><description>${esc(a.paragraphs[0]?.text ?? '')}</description></item>`);
  }
  const feed = path.join(home, 'feed.xml');
  fs.writeFileSync(feed, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench feed</title><link>http://127.0.0.1/</link><description>bench</description>${items.join('')}</channel></rss>`);
  // served by a process of its own: this one blocks while newsboat imports
  const server = spawn(process.execPath, ['-e', `const fs=require('fs');const s=require('http').createServer((q,r)=>{r.setHeader('content-type','application/rss+xml');fs.createReadStream(${JSON.stringify(feed)}).pipe(r)}).listen(0,'127.0.0.1',()=>console.log(s.address().port))`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const stop = () => {
    server.kill();
    fs.rmSync(home, { recursive: true, force: true });
  };
  try {
    const port = await new Promise<string>((resolve) => server.stdout!.once('data', (d) => resolve(String(d).trim())));
    fs.mkdirSync(path.join(home, '.newsboat'));
    fs.writeFileSync(path.join(home, '.newsboat', 'urls'), `http://127.0.0.1:${port}/feed.xml\n`);
    const env = { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local', 'share') };
    execFileSync('newsboat', ['-x', 'reload'], { env: { ...process.env, ...env }, stdio: 'ignore', timeout: 300_000 });
    return { cmd: ['newsboat'], env: Object.entries(env).flatMap(([k, v]) => ['--env', `${k}=${v}`]), marker: 'Bench feed', stop };
  } catch (e) {
    stop();
    throw e;
  }
}

/** Marks every other article of the archive read, as a reader's state might be; the state file. */
function halfRead(dir: string, env: NodeJS.ProcessEnv): string {
  const store = new Store(dir, { env });
  const state = new ReadingState(store.root, env);
  const refs = store.all().filter((_, i) => i % 2 === 0).map((r) => ({ id: r.id, key: r.key }));
  state.setRead(refs, true);
  const file = state.file!;
  state.close();
  store.close();
  return file;
}

/** The highlighter on an article of about 400 words (the seed with a paragraph more), per article. */
function highlightSpeed(): Row {
  const seed = fs.readFileSync(path.join(ROOT, 'articles', '2022-01-almaty.txt'), 'utf8');
  const a = parseArticle('seed', seed + '\n\nVolgens de politie zijn er ruim 200 mensen opgepakt, meldt persbureau Reuters. "We weten het niet," zegt een woordvoerder van het ministerie van Binnenlandse Zaken. Zo\'n 40 procent van de bevolking woont in de stad.');
  const words = articleWords(a);
  for (let i = 0; i < 200; i++) highlightArticle(a); // warm up
  const runs = 2000;
  const t = performance.now();
  for (let i = 0; i < runs; i++) highlightArticle(a);
  const ms = (performance.now() - t) / runs;
  return { what: `highlighter with claims, one article of ${words} words`, measured: `${ms.toFixed(3)} ms`, target: '< 1 ms', ok: ms < 1 };
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${os.release()}, Node ${process.version}`;
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.cjs'))) execFileSync('node', [path.join(ROOT, 'scripts', 'build.js')]);
  fs.mkdirSync(WORK, { recursive: true });
  const node = interleaved({ node: () => timeOnce('node', ['-e', '0']) }, 11).node!;
  const newsboat = await newsboatRival(20_000);
  const baseline = { node };
  const rows: Row[] = [highlightSpeed()];
  try {
    for (const n of SIZES) rows.push(...benchSize(n, baseline, newsboat));
  } finally {
    newsboat?.stop();
  }
  rows.push(...(await fetchRows(BIN, path.join(ROOT, 'bench', 'ptydrive.py'))));
  const verdict = (ok: boolean | null) => (ok === null ? '—' : ok ? 'met' : '**not met**');
  const table = ['| what | measured | target | |', '|---|---|---|---|', ...rows.map((r) => `| ${r.what} | ${r.measured} | ${r.target} | ${verdict(r.ok)} |`)].join('\n');
  const doc = `# Benchmarks

Written by \`npm run bench\` (\`node --import tsx bench/run.ts --sizes ${SIZES.join(',')}\`) on ${new Date().toISOString().slice(0, 10)}.
Machine: ${machine()}.
Baselines in the same run: bare \`node -e 0\` ${baseline.node.toFixed(0)} ms; the first frames are each set against a bare node printing in a pseudo-terminal${newsboat === null ? '' : ' and newsboat (its list of one feed of 20,000 items, served on 127.0.0.1 and imported with \`newsboat -x reload\`)'}, taken in turn with krant's.
Archives: generated by \`bench/generate.ts\` (deterministic Dutch news paragraphs, 4–9 per article, 15 years in year folders).
Times are medians of interleaved runs; the machine is shared, so single figures move by 10–20 %.
krant is run as a user runs it, as the command \`bin/krant\`${process.env.NODE_EXTRA_CA_CERTS ? ', with NODE_EXTRA_CA_CERTS set as on this machine: Node reads those certificates as it starts (the bare node starts above include that), and \`bin/krant\` keeps it from doing so but for the commands that fetch' : ''}.

${table}

How each is taken:
- first index build: \`krant --reindex\` from an empty cache, wall time including start-up.
- re-sync: the reader's background full sync (\`dist/index-helper.js\`), its own time.
- \`--print --search\`: the whole command (start-up, quick sync, search, output) against \`grep -ril\` on the same folder (two words: one grep piped into another).
- reader first frame: \`bench/ptydrive.py\` starts \`krant\` in a pseudo-terminal and waits for the header with the article count; the list is drawn before React and Ink have loaded, and "first key answered" is when a \`j\` sent at that moment has moved the selection.
- keys: time from a key written to the pty to the end of the frame it causes (no output for 10 ms), median of 20–30 keys.
  In live search the frame after a key shows the typed text; the hits are searched by the index helper process
  and drawn when they come, so typing never waits for a search ("typed to its hits listed" times that).
- RSS: the reader's VmHWM after the keys above; its background sync runs in a separate process, reported beside it.
- reading state: before the reader runs, every other article of the archive is marked read (one transaction);
  the file's size is \`state.db\` and its WAL. "toggling read" is \`m\` on the selected article (written, committed,
  counted and drawn); "unread view" is \`v\` from the whole list to the unread view's first page drawn, median of 5.
- highlighter: \`highlightArticle\` (spans and claims) on the seed with a paragraph more, mean of 2 000 after 200 to warm up.
- fetching (\`bench/fetch.ts\`): feeds made from generated articles (RSS with the full text as HTML, a subhead and a captioned photo per article) served on 127.0.0.1 by a process of their own; \`krant fetch\` into an empty folder, the whole command, median of 3. Page extraction: \`extractArticle\` on 60 generated news pages (scripts, styles, cookie banner, navigation, share buttons, related links), median after 10 to warm up. Keys while fetching: the reader on a small folder, \`R\`, then 30 list keys timed as above while the fetch runs.
`;
  fs.writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), doc);
  process.stdout.write(table + '\n');
}

await main();
