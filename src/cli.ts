/**
 * The krant command: picks the printer or the reader. The only module that reads
 * argv and the environment. What `--print ID` needs is imported here; the store
 * (SQLite), wrapping, highlighting, colour and the reader (React, Ink) are loaded only
 * on the paths that use them, so that `--print ID` starts fast.
 */

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { EXIT } from './core/exit-codes.js';
import { KrantError, isKrantError } from './core/errors.js';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { Painter } from './core/paint.js';
import type { ColourMode } from './core/theme.js';
import { renderArticle } from './print/article.js';
import { fileForId, readArticleFile } from './store/read.js';
import { resolveFolder } from './store/folder.js';
import { quietOnClosedPipe, warn, writeOut } from './print/output.js';
import type { Snippet } from './core/snippet.js';
import type { ListRow } from './store/store.js';
import { type SyncProgress, progressText } from './store/progress.js';
import { dataFolder } from './feeds/places.js';
import { runAgain, withExtraCa } from './feeds/extra-ca.js';

export { EXIT };

/** A wrong use of the command line, or an id that is not there. */
export class UserError extends KrantError {}

interface Options {
  print?: boolean;
  json?: boolean;
  search?: string;
  dir?: string;
  width?: number;
  color: 'auto' | 'always' | 'never';
  reindex?: boolean;
  claims?: boolean;
  unread?: boolean;
  saved?: boolean;
  markRead?: string[];
  markUnread?: string[];
}

const here = path.dirname(fileURLToPath(import.meta.url));
// The bundled articles: `articles/` beside `dist/` (or beside `src/` when run from source).
const BUNDLED = path.resolve(here, '..', 'articles');

// Set by the build: the version (so that `--version` reads no file at start-up), and the reader's bundle.
declare const KRANT_VERSION: string | undefined;
declare const KRANT_READER: string | undefined;
declare const KRANT_FEEDS: string | undefined;

function version(): string {
  if (typeof KRANT_VERSION === 'string') return KRANT_VERSION;
  try {
    return JSON.parse(fs.readFileSync(path.resolve(here, '..', 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

function parseWidth(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 10 || n > 10000) throw new InvalidArgumentError('must be a whole number from 10 to 10000.');
  return n;
}


/** `--color` wins; then NO_COLOR (off, bold and underline still on a terminal), FORCE_COLOR (on); else on a terminal only. */
export function colourMode(flag: Options['color'], env: NodeJS.ProcessEnv, isTTY: boolean): ColourMode {
  if (flag === 'always') return 'colour';
  if (flag === 'never') return 'plain';
  if (env.TERM === 'dumb') return 'plain'; // it shows escape sequences as text
  if (env.NO_COLOR) return isTTY ? 'mono' : 'plain';
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return 'colour';
  return isTTY ? 'colour' : 'plain';
}

/** A painter for colour or mono; none for plain text (chalk is not even loaded then). */
async function painterFor(mode: ColourMode): Promise<Painter | undefined> {
  if (mode === 'plain') return undefined;
  const { ansiPainter } = await import('./core/paint.js');
  const { colourTheme, monoTheme } = await import('./core/theme.js');
  return ansiPainter(mode === 'mono' ? monoTheme : colourTheme);
}

/** A subcommand as parsed: run after parsing, with the program's options (`--dir`) beside its own. */
interface Subcommand {
  name: 'add' | 'fetch' | 'feeds' | 'remove';
  args: string[];
  opts: Record<string, unknown>;
}

function subcommands(cmd: Command, ran: (s: Subcommand) => void): void {
  const record = (name: Subcommand['name']) => (...a: unknown[]) => {
    const sub = a[a.length - 1] as Command;
    ran({ name, args: sub.args, opts: sub.opts() });
  };
  cmd.command('add')
    .description('subscribe to feeds: a feed URL, or a page that announces one (a page that is an article is saved once)')
    .argument('[url...]', 'feed or page addresses (http or https)')
    .option('--opml <file>', 'import the subscriptions of an OPML file (folders become tags)')
    .option('--all', 'a page that announces several feeds: subscribe to all of them')
    .option('--name <name>', 'what to call the feed (default: its own title)')
    .option('--tag <tag>', 'a tag for the feed (again for more)', (tag: string, tags: string[] = []) => [...tags, tag])
    .action(record('add'));
  cmd.command('fetch')
    .description('fetch every subscription (or the ones named) and write their new articles into the folder')
    .argument('[feed...]', 'names or addresses of subscriptions')
    .addOption(new Option('--report <format>', 'JSON lines on stdout, one per feed').choices(['json']).hideHelp())
    .addOption(new Option('--timeout <seconds>', 'per request').argParser((v) => {
      const n = Number(v);
      if (!(n > 0 && n <= 600)) throw new InvalidArgumentError('must be a number of seconds from 0 to 600.');
      return n;
    }).default(20))
    .action(record('fetch'));
  cmd.command('feeds')
    .description('the subscriptions: name, url, articles, last fetched, last status (tab-separated when piped)')
    .option('--opml', 'as OPML, for another feed reader')
    .action(record('feeds'));
  cmd.command('remove')
    .description('unsubscribe (the articles already written stay)')
    .argument('<feed...>', 'names or addresses of subscriptions')
    .action(record('remove'));
}

function program(): Command {
  return new Command('krant')
    .description('A terminal reader for Dutch news: figures, sources and quotations highlighted.')
    .argument('[id]', 'an article id: its path in the folder without extension (2022-01-almaty)')
    .option('-p, --print', 'print instead of opening the reader: the list, or the article ID')
    .option('--json', 'print as JSON, with every highlight')
    .option('-s, --search <query>', 'articles matching QUERY, best first (words are prefixes, "…" a phrase)')
    .option('-d, --dir <folder>', 'the articles folder (default: $KRANT_DIR, else ~/.local/share/krant/articles when it exists, else the bundled articles)')
    .option('-w, --width <n>', 'wrap printed text at N columns', parseWidth)
    .addOption(new Option('--color <when>', 'colour: auto (on a terminal), always or never').choices(['auto', 'always', 'never']).default('auto'))
    .option('--claims', 'with an article ID: who gives each figure (figure, origin, via, sentence; tab-separated when piped)')
    .option('--unread', 'with --print: only the articles not read yet')
    .option('--saved', 'with --print: only the saved articles')
    .option('--mark-read <id...>', 'mark these articles read (ids as --print lists them)')
    .option('--mark-unread <id...>', 'mark these articles unread')
    .option('--reindex', 'rebuild the index of the folder from scratch')
    .version(version(), '-V, --version')
    .addHelpText('after', `
Examples:
  krant                                   open the reader on the articles folder
  krant 2022-01-almaty                    open one article in the reader
  krant --print                           list: id, date, source, title (tab-separated)
  krant --print 2022-01-almaty            print an article (plain text when piped)
  krant --print --width 72 2022-01-almaty print it wrapped at 72 columns
  krant --print --json 2022-01-almaty     the article as JSON with figures, sources and claims
  krant --print --claims 2022-01-almaty   who gives each figure: figure, origin, via, sentence
  krant --print --search geelimineerd     search all articles (case and accents ignored)
  krant --print --search '"de politie"' --json   a phrase, results as JSON with snippets
  krant --dir ~/nieuws --print            another folder (or KRANT_DIR=~/nieuws)
  krant --print --color always --width 80 ID | less -R
                                          keep colour through a pipe, wrapped
  krant --print --unread                  the articles not read yet (--saved: the saved ones)
  krant --print --unread | cut -f1 | xargs krant --mark-read
                                          mark them read, from a script
  krant --reindex                         rebuild the index (reading state is kept apart)

Feeds:
  krant add https://feeds.nos.nl/nosnieuwsalgemeen   subscribe (a page that announces a feed works too)
  krant add --opml subscriptions.opml     import subscriptions from another reader
  krant fetch                             fetch them all: the full articles, written into the folder
  krant fetch 'NOS Algemeen'              fetch one (by name or address)
  krant feeds                             the subscriptions (krant feeds --opml: as OPML)
  krant remove 'NOS Algemeen'             unsubscribe (its articles stay)
  krant add.md                            an article whose id is a command's name: give its extension
Subscriptions live in $XDG_CONFIG_HOME/krant/feeds (default ~/.config/krant/feeds), one feed a
line: URL [name] [#tag …]. Fetched articles go into the folder (--dir, $KRANT_DIR, else
~/.local/share/krant/articles), one subfolder per feed; in the reader, R fetches.

Exit codes: 0 ok, 1 nothing found, 2 usage or environment error, 3 unknown article id or
feed, 4 a feed or page could not be fetched (the others were), 70 internal error; the reader: 129, 130, 143 after SIGHUP, SIGINT, SIGTERM.
The index lives in $XDG_CACHE_HOME/krant (default ~/.cache/krant); it is a cache of the files.
Reading state (read, saved, where you stopped) lives in $XDG_STATE_HOME/krant (default
~/.local/state/krant): it survives --reindex and a cleared cache.`);
}

async function openStore(dir: string) {
  const { Store } = await import('./store/store.js');
  const store = new Store(dir);
  if (store.notice) warn(store.notice);
  return store;
}

/** The store with the reading state attached: rows carry read and saved, views work. */
async function openStoreWithState(dir: string) {
  const store = await openStore(dir);
  const { ReadingState } = await import('./store/reading.js');
  const state = new ReadingState(store.root, process.env);
  if (state.notice) warn(state.notice);
  store.attachState(state.file);
  return { store, state };
}

/** `--mark-read ID…` / `--mark-unread ID…`: every known id is marked; an unknown one is named, and the exit says so. */
async function markIds(dir: string, ids: string[], read: boolean): Promise<number> {
  const { store, state } = await openStoreWithState(dir);
  const result = await store.quickSync();
  reportWarnings(result.warnings);
  let code: number = EXIT.ok;
  const refs = [];
  for (const raw of ids) {
    const id = raw.replace(/\.(txt|md)$/i, '');
    const printed = store.idsPrintedAs(id);
    const row = store.get(id) ?? (printed.length === 1 ? store.get(printed[0]!) : undefined);
    if (row) refs.push({ id: row.id, key: row.key });
    else {
      warn(`no article with id "${id}"`, store.root);
      code = EXIT.unknownId;
    }
  }
  state.setRead(refs, read);
  state.close();
  store.close();
  return code;
}

/** Progress of a long index build on stderr (a terminal only), from the first second on. */
function progressReporter(enabled: boolean) {
  if (!enabled) return undefined;
  let shown = false;
  return (p: SyncProgress) => {
    const secs = (Date.now() - p.startedAt) / 1000;
    if (p.found === undefined && p.done >= p.total) {
      if (shown) process.stderr.write('\r\x1b[K');
      return;
    }
    if (secs < 0.3 && !shown) return;
    shown = true;
    process.stderr.write(`\r\x1b[Kkrant: ${progressText(p)}`);
  };
}

function reportWarnings(warnings: Array<{ what: string; path: string }>) {
  for (const w of warnings) warn(`skipped: ${w.what}`, w.path);
}

/**
 * The file of an article id as typed: its own file, or the one whose id prints as it (an id
 * holding a control character is printed without it). Throws when there is none, or several.
 */
async function articleFile(dir: string, typed: string): Promise<{ file: string; id: string }> {
  const direct = fileForId(dir, typed);
  if (direct) return { file: direct, id: typed.replace(/\.(txt|md)$/i, '') };
  const store = await openStore(dir);
  try {
    await store.quickSync();
    const ids = store.idsPrintedAs(typed);
    if (ids.length > 1) throw new UserError(`${ids.length} articles print their id as "${typed}"; open them in the reader`, EXIT.unknownId, dir);
    const file = ids[0] ? fileForId(dir, ids[0]) : null;
    if (!file) throw new UserError(`no article with id "${typed}"`, EXIT.unknownId, dir);
    return { file, id: ids[0]! };
  } finally {
    store.close();
  }
}

async function printArticle(dir: string, typed: string, opts: Options, mode: ColourMode) {
  const { file, id } = await articleFile(dir, typed);
  const { article } = readArticleFile(file, id);
  if (opts.claims) return printClaims(article, opts, mode);
  if (opts.json) {
    const { articleJson, toJson } = await import('./print/json.js');
    writeOut(toJson(articleJson(article, path.relative(dir, file).split(path.sep).join('/'))));
    return EXIT.ok;
  }
  const width = opts.width ?? (process.stdout.isTTY ? Math.min(process.stdout.columns || 80, 100) : undefined);
  const painter = await painterFor(mode);
  const wrap = width ? (await import('./core/layout.js')).wrap : undefined;
  const spans = painter ? (await import('./core/highlight/article.js')).highlightArticle(article).paragraphs.map((p) => p.spans) : undefined;
  writeOut(renderArticle(article, { wrap: wrap && ((text, s) => wrap(text, s, width!)), painter, spans }));
  return EXIT.ok;
}

/** `--claims`: tab-separated when piped, JSON with --json, else wrapped and styled for a terminal. */
async function printClaims(article: import('./core/article.js').Article, opts: Options, mode: ColourMode) {
  const { highlightArticle } = await import('./core/highlight/article.js');
  const { claimRows, claimsText, claimsTsv } = await import('./print/claims.js');
  const rows = claimRows(article, highlightArticle(article));
  if (opts.json) {
    const { toJson } = await import('./print/json.js');
    writeOut(toJson(rows.map((r) => ({ ...r.claim, sentence: r.sentence.text }))));
  } else if (!process.stdout.isTTY) {
    writeOut(claimsTsv(rows));
  } else {
    const width = Math.max(10, (opts.width ?? Math.min(process.stdout.columns || 80, 100)) - 4);
    const { wrap } = await import('./core/layout.js');
    writeOut(claimsText(rows, { painter: await painterFor(mode), wrap: (text, spans) => wrap(text, spans, width) }));
  }
  return EXIT.ok;
}

async function writeRows(rows: ListRow[], hits?: { snippets: Snippet[]; partial: boolean }) {
  const { listJson, toJson } = await import('./print/json.js');
  writeOut(toJson(listJson(rows, hits)));
}

async function printList(dir: string, opts: Options) {
  // the reading state only where it is shown or filtered by: a plain list or search goes without it
  const store = opts.unread || opts.saved || opts.json ? (await openStoreWithState(dir)).store : await openStore(dir);
  const result = await store.quickSync(progressReporter(!!process.stderr.isTTY));
  if (result.added + result.changed + result.removed > 0) store.reconcileState();
  reportWarnings(result.warnings);
  const view = opts.unread ? 'unread' : opts.saved ? 'saved' : 'all';
  const filtered = opts.search !== undefined || view !== 'all';
  // every word is required; when no article has them all, the best with some are shown, and said
  if (opts.search !== undefined && store.matchFor(view, opts.search).partial) {
    warn(`no article has every word of "${opts.search}": showing those with some of them`);
  }
  if (!opts.json) {
    // rows one at a time: a list of 200 000 never sits in memory as objects
    const { renderList } = await import('./print/list.js');
    const text = renderList(store.eachIn(view, opts.search));
    if (filtered && text === '') return EXIT.nothingFound;
    writeOut(text);
    return EXIT.ok;
  }
  if (opts.search === undefined) {
    const rows = [...store.eachIn(view)];
    await writeRows(rows);
    return rows.length === 0 && filtered ? EXIT.nothingFound : EXIT.ok;
  }
  const { rows, partial } = store.searchIn(view, opts.search);
  if (rows.length === 0) {
    writeOut('[]\n'); // JSON even when nothing matched: a script parses it either way
    return EXIT.nothingFound;
  }
  // snippets are cut from the article files themselves: the index keeps no copy of the text
  const { makeSnippet } = await import('./core/snippet.js');
  const { compileQuery } = await import('./core/query.js');
  const terms = compileQuery(opts.search).marked;
  const snippets: Snippet[] = rows.map((r) => {
    try {
      return makeSnippet(store.read(r), terms);
    } catch {
      return { text: '', spans: [], where: 'none' as const };
    }
  });
  await writeRows(rows, { snippets, partial });
  return EXIT.ok;
}

/** The folder read: --dir, $KRANT_DIR, the user's data folder when there is one (fetched articles), else the bundled articles. */
function readFolder(opts: Options, env: NodeJS.ProcessEnv): string {
  if (opts.dir !== undefined) return opts.dir;
  if (env.KRANT_DIR) return env.KRANT_DIR;
  const data = dataFolder(env);
  return fs.existsSync(data) ? data : BUNDLED;
}

async function runSubcommand(sub: Subcommand, opts: Options): Promise<number> {
  if (opts.dir === '') throw new UserError('--dir needs a folder', EXIT.usage);
  const env = process.env;
  // fetched articles go into the folder named, else the user's data folder: never into the installed package
  const dir = path.resolve(opts.dir ?? (env.KRANT_DIR || dataFolder(env)));
  // the commands that fetch run again with the certificates bin/krant moved aside
  const again = sub.name === 'add' || sub.name === 'fetch' ? withExtraCa(env) : null;
  if (again) return runAgain(again);
  quietOnClosedPipe();
  // built, the feed commands are a bundle of their own (feedsmith, Readability): the rest never loads them
  const commands = (typeof KRANT_FEEDS === 'string'
    ? (createRequire(import.meta.url)('./boot.cjs') as typeof import('./boot.js')).load(KRANT_FEEDS)
    : await import('./feeds/commands.js')) as typeof import('./feeds/commands.js');
  const f = { env, dir, version: version() };
  const o = sub.opts;
  switch (sub.name) {
    case 'add': return commands.addCommand(sub.args, o, f);
    case 'fetch': return commands.fetchCommand(sub.args, { report: o.report as 'json' | undefined, progress: !!process.stderr.isTTY && o.report === undefined, timeoutMs: (o.timeout as number) * 1000 }, f);
    case 'feeds': return commands.feedsCommand(o, f);
    case 'remove': return commands.removeCommand(sub.args, f);
  }
}

async function run(argv: string[]): Promise<number> {
  const cmd = program();
  let sub: Subcommand | undefined;
  subcommands(cmd, (s) => (sub = s));
  cmd.action(() => {});
  cmd.exitOverride();
  for (const c of cmd.commands) c.exitOverride();
  // one line, as every error of krant: what is wrong, and where to look
  cmd.configureOutput({ writeErr: (s) => process.stderr.write(s.replace(/^error: /, 'krant: ').replace(/\.?\n$/, ' (krant --help for usage)\n')) });
  try {
    cmd.parse(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    throw e;
  }
  const opts = cmd.opts<Options>();
  if (sub) return runSubcommand(sub, opts);
  const id = cmd.args[0];
  // Usage errors, one line each: what commander lets through
  if (opts.dir === '') throw new UserError('--dir needs a folder', EXIT.usage);
  if (id === '') throw new UserError('an empty article id', EXIT.usage);
  if (id !== undefined && opts.search !== undefined) throw new UserError(`an article id ("${id}") and --search go one at a time`, EXIT.usage);
  if (cmd.args.length > 1 && !opts.markRead && !opts.markUnread) throw new UserError(`one article id at a time (got ${cmd.args.length})`, EXIT.usage);
  const env = process.env;
  const folder = readFolder(opts, env);
  const dir = resolveFolder(folder);
  quietOnClosedPipe();

  if (opts.reindex) {
    // from nothing, whatever state the old index is in
    const { indexFileOf, removeIndex } = await import('./store/store.js');
    removeIndex(indexFileOf(dir, env));
    const store = await openStore(dir);
    const r = await store.reindex(progressReporter(!!process.stderr.isTTY));
    reportWarnings(r.warnings);
    const n = store.count();
    warn(`indexed ${n} ${n === 1 ? 'article' : 'articles'}`, dir);
    store.close();
    if (!opts.print && !id && opts.search === undefined) return EXIT.ok;
  }

  if (opts.markRead || opts.markUnread) {
    if (opts.markRead && opts.markUnread) throw new UserError('--mark-read and --mark-unread go one at a time', EXIT.usage);
    const ids = [...(opts.markRead ?? opts.markUnread ?? []), ...cmd.args];
    return markIds(dir, ids, !!opts.markRead);
  }
  if (opts.unread && opts.saved) throw new UserError('--unread and --saved go one at a time', EXIT.usage);
  if (opts.claims && (!id || opts.search !== undefined)) throw new UserError('--claims needs one article ID (krant --print --claims ID)', EXIT.usage);
  // a terminal that cannot draw a full screen gets what --print gives, from the first byte
  const printing = opts.print || opts.json || opts.claims || !process.stdout.isTTY || env.TERM === 'dumb';
  if (printing) {
    const mode = colourMode(opts.color, env, !!process.stdout.isTTY);
    if (id && opts.search === undefined) return printArticle(dir, id, opts, mode);
    return printList(dir, opts);
  }
  if (!process.stdin.isTTY) {
    throw new UserError('the reader needs a terminal; use --print to print instead', EXIT.usage);
  }
  // An unknown id is said before the terminal is taken, with its exit code
  const open = id ? (await articleFile(dir, id)).id : undefined;
  // Ink draws only a final frame when the environment says CI; the reader runs on a terminal
  // (checked above), so it is interactive whatever CI says.
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  // Ink's layout engine (yoga, built with Emscripten) asks `typeof fetch`, and Node 20 then
  // loads its whole HTTP client: about 15 ms of the first frame. krant never fetches.
  delete (globalThis as { fetch?: unknown }).fetch;
  // Built, the reader is a CommonJS bundle of its own beside this file (required: Node's ES
  // module loader costs start-up time); from source, the module itself.
  const { startReader } = (typeof KRANT_READER === 'string'
    ? (createRequire(import.meta.url)('./boot.cjs') as typeof import('./boot.js')).load(KRANT_READER)
    : await import('./tui/start.js')) as typeof import('./tui/start.js');
  const colour = colourMode(opts.color, env, true);
  // R fetches into the folder shown, unless that is the bundled one: then into the user's data folder
  const shown = folder !== BUNDLED;
  const fetch = { command: [...process.execArgv, process.argv[1]!], dir: shown ? dir : null, elsewhere: shown ? null : dataFolder(env), env: withExtraCa(env) ?? env };
  return startReader({ dir, id: open, search: opts.search, view: opts.unread ? 'unread' : opts.saved ? 'saved' : 'all', colour, env, fault: env.KRANT_FAULT, fetch });
}

export async function main(argv: string[]): Promise<void> {
  let code: number;
  try {
    code = await run(argv);
  } catch (e) {
    code = (await recovered(e, argv)) ?? report(e);
  }
  process.exitCode = code;
}

/**
 * A damaged index found while in use (not when it was opened): moved aside with one
 * line, and the command run again, once, on a new index. Undefined when it was not that.
 */
async function recovered(e: unknown, argv: string[]): Promise<number | undefined> {
  const { indexFileOf, isCorrupt, moveIndexAside } = await import('./store/store.js');
  if (!isCorrupt(e)) return undefined;
  let file: string;
  try {
    const dir = new Command().option('-d, --dir <folder>').allowUnknownOption().allowExcessArguments().exitOverride().parse(argv).opts().dir;
    file = indexFileOf(readFolder({ dir } as Options, process.env));
    warn(`index was damaged, moved aside and rebuilt (${moveIndexAside(file)})`);
  } catch {
    return undefined;
  }
  try {
    return await run(argv);
  } catch (again) {
    return report(again);
  }
}

function report(e: unknown): number {
  const err = e as Error & { code?: unknown; what?: string; file?: string; folder?: string; where?: string };
  if (process.env.KRANT_DEBUG === '1' && err?.stack) process.stderr.write(err.stack + '\n');
  if (isKrantError(e)) {
    warn(e.what, e.where);
    return e.exitCode;
  }
  warn(`${err?.message ?? String(e)}${process.env.KRANT_DEBUG === '1' ? '' : ' (KRANT_DEBUG=1 shows more)'}`);
  return EXIT.internal;
}
