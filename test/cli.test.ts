import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { BIN, SEED, article, makeFolder, writeFile } from './helpers.js';

const cache = makeFolder();

function krant(args: string[], env: Record<string, string> = {}, input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    input,
    env: { PATH: process.env.PATH ?? '', HOME: cache, XDG_CACHE_HOME: cache, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function archive() {
  return makeFolder({
    '2022-01-almaty.txt': fs.readFileSync(SEED),
    '2024/storm.txt': article('Storm raast over Zeeland', '2024-03-05', 'De storm heeft tienduizenden huishoudens zonder stroom gezet, meldt Enexis.'),
    'evil.txt': 'title: Kop\x1b]0;pwned\x07\x1b[2J\u009b31m\n\nTekst \x1b[31mrood\x1b[0m en \u202eomgedraaid.\n',
  });
}

const ESC = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

describe('krant --print', () => {
  it('prints the seed article with the whole text and no escape codes when piped', () => {
    const r = krant(['--print', '2022-01-almaty']);
    assert.equal(r.code, 0);
    assert.ok(!ESC.test(r.out));
    const seed = fs.readFileSync(SEED, 'utf8');
    for (const sentence of ['Veiligheidstroepen hebben vannacht weer controle', 'geëlimineerd', 'Kazachstan zou zijn grenzen voor buitenlanders hebben gesloten.', 'buitgemaakt - AFP']) {
      assert.ok(seed.includes(sentence) && r.out.includes(sentence), sentence);
    }
    assert.match(r.out.split('\n')[1]!, /^2022-01 · — · \d+ words$/);
    assert.equal(r.out.split('\n')[2], '');
    assert.equal(r.out.trimEnd().split('\n\n').length, 6); // header block + 5 paragraphs
  });

  it('wraps at --width', () => {
    const r = krant(['--print', '--width', '40', '2022-01-almaty']);
    for (const line of r.out.split('\n')) assert.ok([...line].length <= 40, line);
    assert.ok(r.out.split('\n').length > 40);
  });

  it('colours only when asked, never when NO_COLOR or --color never', () => {
    assert.ok(!krant(['--print', '2022-01-almaty']).out.includes('\x1b['));
    const always = krant(['--print', '--color', 'always', '2022-01-almaty']).out;
    assert.ok(always.includes('\x1b[33m'), 'figures in their colour');
    assert.ok(krant(['--print', '2022-01-almaty'], { FORCE_COLOR: '1' }).out.includes('\x1b['));
    assert.ok(!krant(['--print', '--color', 'never', '2022-01-almaty'], { FORCE_COLOR: '1' }).out.includes('\x1b['));
    assert.ok(!krant(['--print', '2022-01-almaty'], { NO_COLOR: '1', FORCE_COLOR: '1' }).out.includes('\x1b['));
  });

  it('prints valid JSON with the five paragraphs verbatim and every highlight', () => {
    const r = krant(['--print', '--json', '2022-01-almaty']);
    const a = JSON.parse(r.out);
    assert.equal(a.id, '2022-01-almaty');
    assert.equal(a.date, '2022-01');
    assert.equal(a.paragraphs.length, 5);
    const raw = fs.readFileSync(SEED, 'utf8').trim().replace(/^date 2022-01 /, '').split(/\n\s*\n/);
    assert.deepEqual(a.paragraphs.map((p: { text: string }) => p.text), raw.map((p) => p.replace(/\s+/g, ' ').trim()));
    assert.deepEqual(a.paragraphs.map((p: { kind: string }) => p.kind), ['text', 'caption', 'text', 'caption', 'text']);
    assert.ok(a.figures.some((f: { text: string }) => f.text === '2000'));
    assert.ok(a.sources.some((s: { name: string; mentions: number }) => s.name === 'Interfax' && s.mentions === 1));
    assert.ok(a.paragraphs[0].spans.some((s: { type: string }) => s.type === 'quote'));
  });

  it('prints who gives each figure with --claims: tab-separated when piped, an empty field for none', () => {
    const r = krant(['--print', '--claims', '2022-01-almaty']);
    assert.equal(r.code, 0, r.err);
    const rows = r.out.trimEnd().split('\n').map((l) => l.split('\t'));
    assert.equal(rows.length, 10);
    for (const row of rows) assert.equal(row.length, 4);
    assert.deepEqual(rows[0]!.slice(0, 3), ['tientallen', '', '']);
    assert.deepEqual(rows[2]!.slice(0, 3), ['2000', 'het Kazachtse ministerie van Binnenlandse Zaken', 'TASS']);
    assert.match(rows[2]![3]!, /^Het Russische persbureau TASS hoorde van .* 2000 mensen zijn opgepakt\.$/);
    assert.deepEqual(rows[5]!, ['400', 'het ministerie van Gezondheid', '', 'Van hen zijn er 400 in het ziekenhuis opgenomen, van wie 62 op een IC.']);
    const json = JSON.parse(krant(['--print', '--claims', '--json', '2022-01-almaty']).out);
    assert.equal(json[1].via.text, 'Interfax');
    assert.equal(json[1].sentence.includes('tientallen relschoppers'), true);
    const bad = krant(['--print', '--claims']);
    assert.equal(bad.code, 2);
    assert.equal(bad.err.trim().split('\n').length, 1);
  });

  it('gives every figure its claim in the article JSON, as places in the paragraph', () => {
    const j = JSON.parse(krant(['--print', '--json', '2022-01-almaty']).out);
    assert.equal(j.claims.length, j.figures.length);
    for (const c of j.claims) {
      for (const place of [c.figure, c.source, c.via].filter(Boolean)) {
        assert.equal(j.paragraphs[place.paragraph].text.slice(place.start, place.end), place.text);
      }
    }
    const dertien = j.claims.find((c: { figure: { text: string } }) => c.figure.text === 'dertien');
    assert.equal(dertien.source.text, 'de politie van Almaty');
    assert.equal(dertien.via.text, 'RIA Novosti');
  });

  it('gives scripts what they parse: [] for a JSON search that finds nothing, empty fields, plurals', () => {
    const r = krant(['--print', '--search', 'zzzzzz', '--json']);
    assert.equal(r.code, 1);
    assert.deepEqual(JSON.parse(r.out), []);
    const list = krant(['--print']);
    assert.equal(list.out.split('\n').find((l) => l.startsWith('2022-01-almaty')), '2022-01-almaty\t2022-01\t\tVeiligheidstroepen hebben vannacht weer controle gekregen over het centrum van…');
    const one = makeFolder({ 'a.txt': article('Een', '2024-01-01', 'Tekst.') });
    assert.match(krant(['--dir', one, '--reindex']).err, /^krant: indexed 1 article \(/);
  });

  it('never hangs on a cache or state path that cannot be made: one warning, an index in memory', () => {
    for (const v of ['XDG_CACHE_HOME', 'XDG_STATE_HOME']) {
      const t0 = Date.now();
      // --json: its rows carry read and saved, so the reading state is opened too
      const r = spawnSync(process.execPath, [BIN, '--print', '--json'], { encoding: 'utf8', timeout: 20_000, env: { PATH: process.env.PATH ?? '', HOME: cache, XDG_CACHE_HOME: cache, [v]: '/proc/nope' } });
      assert.equal(r.status, 0, `${v}: ${r.stderr}`);
      assert.ok(Date.now() - t0 < 10_000);
      assert.equal(JSON.parse(r.stdout)[0].id, '2022-01-almaty');
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, v === 'XDG_CACHE_HOME' ? /^krant: cannot write the index \(no such file or folder\), using one in memory/ : /^krant: cannot keep reading state \(no such file or folder\)/);
    }
  });

  it('recovers from a damaged index anywhere in the file (and its WAL): moved aside, rebuilt, and --reindex always works', () => {
    const dir = makeFolder(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`a${i}.txt`, article(`Artikel ${i}`, '2024-01-01', `De politie meldt ${i} arrestaties in de stad.`)])));
    const own = makeFolder();
    const run = (...args: string[]) => {
      const r = spawnSync(process.execPath, [BIN, '--dir', dir, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: own, XDG_CACHE_HOME: own, XDG_STATE_HOME: own } });
      return { code: r.status, out: r.stdout, err: r.stderr };
    };
    assert.equal(run('--print').out.split('\n').length, 301);
    const file = path.join(own, 'krant', fs.readdirSync(path.join(own, 'krant')).find((f) => f.endsWith('.db'))!);
    const good = fs.readFileSync(file);
    // the header, a page early on, and the last page of the rows every hit is read from (damage
    // where nothing reads it, SQLite cannot see)
    const db = new Database(file, { readonly: true });
    const lastRowsPage = db.prepare("SELECT max(pageno) FROM dbstat WHERE name = 'articles'").pluck().get() as number;
    db.close();
    for (const at of [0, 20_000, (lastRowsPage - 1) * 4096]) {
      fs.writeFileSync(file, good);
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, at);
      fs.closeSync(fd);
      fs.writeFileSync(file + '-wal', Buffer.alloc(1000, 0x5a)); // a WAL of garbage beside it
      const r = run('--print', '--search', 'politie');
      assert.equal(r.code, 0, `damage at ${at}: ${r.err}`);
      assert.equal(r.out.split('\n').length, 301, `damage at ${at}`);
      assert.match(r.err, /index was damaged, moved aside and rebuilt/);
      assert.equal(run('--print').err, '', 'said once: the next run is clean');
      fs.writeFileSync(file, Buffer.alloc(good.length, 0x33));
      const re = run('--reindex');
      assert.equal(re.code, 0, re.err);
      assert.match(re.err, /indexed 300 articles/);
    }
  });

  it('says what is wrong with the command line in one line, exit 2', () => {
    for (const args of [['--dir', '', '--print'], ['--print', ''], ['--print', '--search', 'x', 'nope'], ['--print', 'a', 'b']]) {
      const r = krant(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.err.trim().split('\n').length, 1, r.err);
      assert.match(r.err, /^krant: /);
    }
    assert.match(krant(['--help']).out, /70 internal error/);
  });

  it('one rule for a query of function words only: each word a prefix', () => {
    const de = krant(['--print', '--search', 'de']);
    const vanDe = krant(['--print', '--search', 'van de']);
    assert.equal(de.code, 0);
    assert.equal(vanDe.code, 0, 'van de finds what van and de find as prefixes, not nothing');
  });

  it('lists the articles, one a line, newest first', () => {
    const dir = archive();
    const r = krant(['--print', '--dir', dir]);
    assert.equal(r.code, 0);
    const lines = r.out.trimEnd().split('\n');
    assert.deepEqual(lines.map((l) => l.split('\t')[0]), ['2024/storm', '2022-01-almaty', 'evil']);
    assert.deepEqual(lines[0]!.split('\t'), ['2024/storm', '2024-03-05', 'NOS', 'Storm raast over Zeeland']);
    assert.ok(!ESC.test(r.out));
  });

  it('takes the folder from KRANT_DIR', () => {
    const dir = archive();
    assert.match(krant(['--print'], { KRANT_DIR: dir }).out, /2024\/storm/);
  });

  it('searches, best first, with exit 1 and no output when nothing matches', () => {
    const dir = archive();
    assert.equal(krant(['--print', '--search', 'geelimineerd']).out.split('\t')[0], '2022-01-almaty');
    const r = krant(['--print', '--dir', dir, '--search', 'tienduizend']);
    assert.equal(r.out.split('\t')[0], '2024/storm');
    const none = krant(['--print', '--dir', dir, '--search', 'olifant']);
    assert.equal(none.code, 1);
    assert.equal(none.out, '');
    for (const q of ['(', '"', '*', 'AND', 'NEAR', '^', ':', '-']) assert.ok([0, 1].includes(krant(['--print', '--dir', dir, '-s', q]).code!), q);
  });

  it('gives search hits as JSON with a snippet and match spans', () => {
    const hits = JSON.parse(krant(['--print', '--json', '--search', 'geelimineerd']).out);
    assert.equal(hits[0].id, '2022-01-almaty');
    const { text, spans } = hits[0].snippet;
    assert.equal(text.slice(spans[0].start, spans[0].end), 'geëlimineerd');
    assert.equal(spans[0].type, 'match');
    assert.equal(hits[0].snippet.where, 'body');
  });

  it('opens every id it prints, also of files whose names hold an escape, a tab or a newline', () => {
    const dir = makeFolder({
      'esc\x1b[31mrood.txt': article('Rood', '2024-01-01', 'Een.'),
      'tab\there.txt': article('Tab', '2024-01-02', 'Twee.'),
      'new\nline.txt': article('Regel', '2024-01-03', 'Drie.'),
    });
    const ids = krant(['--print', '--dir', dir]).out.trim().split('\n').map((l) => l.split('\t')[0]!);
    assert.equal(ids.length, 3);
    for (const id of ids) {
      assert.ok(!/[\x00-\x1f]/.test(id), JSON.stringify(id));
      const r = krant(['--print', '--dir', dir, id]);
      assert.equal(r.code, 0, `${JSON.stringify(id)}: ${r.err}`);
      assert.match(r.out, /^(Rood|Tab|Regel)\n/);
    }
    assert.equal(krant(['--dir', dir, '--mark-read', ...ids]).code, 0);
    assert.equal(krant(['--print', '--dir', dir, '--unread']).out, '');
  });

  it('reads a file whose name is not valid UTF-8, and opens it by the id it prints', () => {
    const dir = makeFolder({ 'goed.txt': article('Goed', '2024-01-01', 'Tekst.') });
    fs.mkdirSync(Buffer.from(dir + '/map\xff', 'latin1'));
    fs.writeFileSync(Buffer.from(dir + '/caf\xe9.txt', 'latin1'), article('Latin-1 naam', '2024-01-02', 'Een oude naam.'));
    fs.writeFileSync(Buffer.from(dir + '/map\xff/stuk\x80.md', 'latin1'), article('In een map', '2024-01-03', 'Diep.'));
    const r = krant(['--print', '--dir', dir]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, '');
    const lines = r.out.trim().split('\n');
    // a byte 0x80-0x9f reads as a C1 control, which is never printed: the id prints without it, and still opens
    assert.deepEqual(lines.map((l) => l.split('\t')[0]).sort(), ['café', 'goed', 'map\xff/stuk']);
    assert.equal(krant(['--print', '--dir', dir, 'café']).out.split('\n')[0], 'Latin-1 naam');
    const deep = krant(['--print', '--dir', dir, 'map\xff/stuk', '--json']);
    assert.equal(deep.code, 0, deep.err);
    const a = JSON.parse(deep.out);
    assert.equal(a.title, 'In een map');
    assert.equal(a.id, 'map\xff/stuk\u0080');
    assert.equal(a.path, 'map\xff/stuk\u0080.md');
    const hits = JSON.parse(krant(['--print', '--dir', dir, '--search', 'oude', '--json']).out);
    assert.deepEqual(hits.map((h: { id: string }) => h.id), ['café']);
    assert.equal(krant(['--print', '--dir', dir, hits[0].id]).code, 0);
    assert.equal(krant(['--dir', dir, '--mark-read', ...lines.map((l) => l.split('\t')[0]!)]).code, 0);
    assert.equal(krant(['--print', '--dir', dir, '--unread']).out, '');
  });

  it('reads a .md article\'s Markdown: headings, no markers, links as text with the url in JSON', () => {
    const dir = makeFolder({ 'stuk.md': '# Storm in **Zeeland**\n\n## Schade\n\nVolgens [het KNMI](https://knmi.nl) waaide het *hard*.\n' });
    assert.equal(krant(['--print', '--dir', dir, 'stuk']).out, 'Storm in Zeeland\n— · — · 7 words\n\nSchade\n\nVolgens het KNMI waaide het hard.\n');
    const a = JSON.parse(krant(['--print', '--json', '--dir', dir, 'stuk']).out);
    assert.deepEqual(a.paragraphs.map((p: { kind: string }) => p.kind), ['heading', 'text']);
    assert.deepEqual(a.paragraphs[1].links, [{ start: 8, end: 16, url: 'https://knmi.nl' }]);
  });

  it('starts through a V8 code cache it makes on the first run, and does without a damaged one', () => {
    const home = makeFolder();
    const env = { XDG_CACHE_HOME: home };
    const first = krant(['--print', '2022-01-almaty'], env);
    assert.equal(first.code, 0);
    const code = path.join(home, 'krant', 'code');
    const made = fs.readdirSync(code).filter((f) => f.startsWith('cli.cjs-') && f.endsWith('.v8'));
    assert.equal(made.length, 1, 'one cache file for the command');
    const file = path.join(code, made[0]!);
    const stamp = fs.statSync(file).mtimeMs;
    assert.equal(krant(['--print', '2022-01-almaty'], env).out, first.out);
    assert.equal(fs.statSync(file).mtimeMs, stamp, 'a cache that fits is used, not written again');
    fs.writeFileSync(file, Buffer.alloc(4096, 7));
    const damaged = krant(['--print', '2022-01-almaty'], env);
    assert.equal(damaged.code, 0);
    assert.equal(damaged.out, first.out);
    assert.equal(damaged.err, '');
    assert.notDeepEqual(fs.readFileSync(file), Buffer.alloc(4096, 7), 'a damaged cache is made anew');
  });

  it('marks a match that is only in the title in a snippet of the title', () => {
    const dir = makeFolder({ 'a.txt': article('Zeeuwse dijken versterkt', '2024-01-01', 'Het werk duurt drie jaar.') });
    const hits = JSON.parse(krant(['--print', '--json', '--dir', dir, '--search', 'dijken']).out);
    assert.deepEqual(hits[0].snippet, { text: 'Zeeuwse dijken versterkt', spans: [{ type: 'match', start: 8, end: 14 }], where: 'title' });
  });

  it('prints as --print when stdout is not a terminal', () => {
    assert.equal(krant(['2022-01-almaty']).out, krant(['--print', '2022-01-almaty']).out);
  });

  it('strips every escape sequence from hostile files, in text and JSON', () => {
    const dir = archive();
    const text = krant(['--print', '--dir', dir, 'evil']).out;
    assert.ok(!ESC.test(text) && !text.includes('\u202e'));
    assert.match(text, /^Kop\n/);
    const json = krant(['--print', '--json', '--dir', dir, 'evil']).out;
    assert.ok(!ESC.test(json) && !json.includes('\u202e'));
    const coloured = krant(['--print', '--color', 'always', '--dir', dir, 'evil']).out;
    assert.ok(!coloured.includes('pwned') && !coloured.includes('\x1b]') && !coloured.includes('\x1b[2J'));
  });

  it('exits 3 for an unknown id, 2 for a missing folder or bad option, with one line and no stack', () => {
    const unknown = krant(['--print', 'bestaat-niet']);
    assert.equal(unknown.code, 3);
    assert.match(unknown.err, /^krant: no article with id "bestaat-niet" \(.+\)\n$/);
    const folder = krant(['--print', '--dir', '/no/such/folder']);
    assert.equal(folder.code, 2);
    assert.equal(folder.err, 'krant: no such folder (/no/such/folder)\n');
    const opt = krant(['--frobnicate']);
    assert.equal(opt.code, 2);
    assert.match(opt.err, /^krant: unknown option '--frobnicate'/);
    assert.equal(krant(['--print', '--width', 'x', '2022-01-almaty']).code, 2);
    assert.equal(krant(['--color', 'purple', '--print']).code, 2);
    assert.equal(krant(['--print', '../package']).code, 3, 'an id never leaves the folder');
    for (const r of [unknown, folder, opt]) assert.ok(!/\n\s+at /.test(r.err));
  });

  it('names skipped files on stderr and lists the rest', () => {
    const dir = archive();
    writeFile(dir, 'leeg.txt', '');
    writeFile(dir, 'bin.txt', Buffer.from([0, 0, 0, 1, 2, 3, 0, 0]));
    const r = krant(['--print', '--dir', dir]);
    assert.equal(r.code, 0);
    assert.match(r.err, /krant: skipped: empty file \(leeg\.txt\)/);
    assert.match(r.err, /krant: skipped: binary file, not an article \(bin\.txt\)/);
    assert.equal(r.out.trimEnd().split('\n').length, 3);
    fs.symlinkSync(path.join(dir, 'nergens.txt'), path.join(dir, 'los.txt'));
    // one rule: named on the run that looks at a file and skips it, not on every run after
    const looked = krant(['--print', '--dir', dir]).err;
    assert.match(looked, /skipped: dangling link \(los\.txt\)/, 'the folder changed: it is listed again');
    assert.equal(krant(['--print', '--dir', dir]).err, '', 'nothing new: nothing said');
    // saved again as editors save, to a new file renamed over it, and still empty
    fs.writeFileSync(path.join(dir, 'leeg.tmp'), '');
    fs.renameSync(path.join(dir, 'leeg.tmp'), path.join(dir, 'leeg.txt'));
    assert.match(krant(['--print', '--dir', dir]).err, /skipped: empty file \(leeg\.txt\)/, 'changed and still empty: named again');
    const all = krant(['--print', '--dir', dir, '--reindex']).err;
    for (const name of ['leeg.txt', 'bin.txt', 'los.txt']) assert.match(all, new RegExp(`skipped: .*\\(${name.replace('.', '\\.')}\\)`), `--reindex names ${name}`);
  });

  it('ends quietly with exit 0 when the pipe closes early', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) files[`a${i}.txt`] = article(`Artikel ${i} ${'x'.repeat(100)}`, '2024-01-01', 'Tekst.');
    const dir = makeFolder(files);
    const r = spawnSync('bash', ['-c', `set -o pipefail; node ${BIN} --print --dir ${dir} | head -1`], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cache } });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.split('\n').length, 2);
    assert.equal(r.stderr, '');
  });

  it('shows --help with examples and --version', () => {
    const help = krant(['--help']);
    assert.equal(help.code, 0);
    for (const opt of ['--print', '--json', '--search', '--dir', '--width', '--color', '--reindex', 'Examples:']) assert.ok(help.out.includes(opt), opt);
    assert.match(krant(['--version']).out, /^\d+\.\d+\.\d+\n$/);
  });

  it('rebuilds the index with --reindex', () => {
    const dir = archive();
    const r = krant(['--reindex', '--dir', dir]);
    assert.equal(r.code, 0);
    assert.match(r.err, /indexed 3 articles/);
  });

  it('refuses to start the reader without a terminal on stdin, pointing to --print', () => {
    const r = spawnSync('script', ['-qec', `node ${BIN} < /dev/null`, '/dev/null'], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cache } });
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.match(r.stdout + r.stderr, /--print/);
  });
  void path;
});
