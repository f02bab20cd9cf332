/** Reading state: kept apart from the index, never lost, and what scripts see of it. */

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ReadingState } from '../src/store/reading.js';
import { BIN, SEED, article, makeFolder } from './helpers.js';

function setup() {
  const dir = makeFolder({
    '2022-01-almaty.txt': fs.readFileSync(SEED),
    'storm.txt': article('Storm raast over Zeeland', '2024-03-05', 'Het stormt.') + '',
    'regen.txt': 'title: Regen\ndate: 2024-03-04\nurl: https://example.org/regen\n\nHet regent.\n',
  });
  const env = { PATH: process.env.PATH ?? '', HOME: makeFolder(), XDG_CACHE_HOME: makeFolder(), XDG_STATE_HOME: makeFolder() };
  const krant = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, '--dir', dir, ...args], { encoding: 'utf8', env });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  return { dir, env, krant };
}

const ids = (out: string) => out.trimEnd().split('\n').filter(Boolean).map((l) => l.split('\t')[0]);

describe('reading state', () => {
  it('scripts: --print --unread, --mark-read from a pipe, --mark-unread, --saved, JSON flags', () => {
    const { dir, env, krant } = setup();
    assert.deepEqual(ids(krant('--print', '--unread').out), ['storm', 'regen', '2022-01-almaty']);
    const marked = spawnSync('sh', ['-c', `node ${BIN} --dir ${dir} --print --unread | head -2 | cut -f1 | xargs node ${BIN} --dir ${dir} --mark-read`], { env, encoding: 'utf8' });
    assert.equal(marked.status, 0, marked.stderr);
    assert.deepEqual(ids(krant('--print', '--unread').out), ['2022-01-almaty']);
    assert.equal(krant('--mark-unread', 'storm').code, 0);
    assert.deepEqual(ids(krant('--print', '--unread').out), ['storm', '2022-01-almaty']);
    const json = JSON.parse(krant('--print', '--json').out);
    assert.deepEqual(json.map((r: { id: string; read: boolean; saved: boolean }) => [r.id, r.read, r.saved]), [['storm', false, false], ['regen', true, false], ['2022-01-almaty', false, false]]);
    const none = krant('--print', '--saved');
    assert.equal(none.code, 1, 'nothing saved: exit 1, as a search that finds nothing');
    assert.equal(none.out, '');
    const unknown = krant('--mark-read', 'nope', 'storm');
    assert.equal(unknown.code, 3);
    assert.match(unknown.err, /^krant: no article with id "nope"/);
    assert.deepEqual(ids(krant('--print', '--unread').out), ['2022-01-almaty'], 'the known id was still marked');
  });

  it('survives --reindex, a deleted cache and a renamed or moved file', () => {
    const { dir, env, krant } = setup();
    krant('--mark-read', 'storm', 'regen');
    assert.equal(krant('--reindex').code, 0);
    fs.rmSync(env.XDG_CACHE_HOME, { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, '2024'));
    fs.renameSync(path.join(dir, 'storm.txt'), path.join(dir, '2024', 'storm-zeeland.txt')); // no url: known by its text
    fs.renameSync(path.join(dir, 'regen.txt'), path.join(dir, 'regen-limburg.txt')); // known by its url
    assert.deepEqual(ids(krant('--print', '--unread').out), ['2022-01-almaty']);
  });

  it('keeps marks of files that are gone, without counting or listing them, and gives them back when the file returns', () => {
    const { dir, krant } = setup();
    krant('--mark-read', 'storm');
    const file = path.join(dir, 'storm.txt');
    const text = fs.readFileSync(file);
    fs.rmSync(file);
    assert.deepEqual(ids(krant('--print', '--unread').out), ['regen', '2022-01-almaty']);
    assert.equal(JSON.parse(krant('--print', '--json').out).length, 2);
    fs.writeFileSync(file, text);
    assert.deepEqual(ids(krant('--print', '--unread').out), ['regen', '2022-01-almaty']);
  });

  it('moves a damaged state file aside with one warning, and the articles still open', () => {
    const { env, krant } = setup();
    krant('--mark-read', 'storm');
    const file = path.join(env.XDG_STATE_HOME, 'krant', 'state.db');
    fs.writeFileSync(file, Buffer.alloc(8192, 7));
    const r = krant('--print', '--unread');
    assert.equal(r.code, 0);
    assert.equal(r.err.trim().split('\n').length, 1);
    assert.match(r.err, /^krant: reading state was damaged; moved aside and started afresh \(.*state\.db\.damaged-\d+T\d+\)/);
    assert.equal(ids(r.out).length, 3);
    const aside = fs.readdirSync(path.dirname(file)).filter((f) => f.includes('damaged'));
    assert.equal(aside.length, 1, 'the damaged file is kept for the user');
    assert.equal(krant('--print', '--unread').err, '', 'said once');
  });

  it('an unwritable state folder: one warning, marks last for the run, nothing thrown away', () => {
    const { env, krant } = setup();
    fs.writeFileSync(path.join(env.XDG_STATE_HOME, 'krant'), 'a file where the folder should be');
    const r = krant('--print', '--unread');
    assert.equal(r.code, 0);
    assert.match(r.err, /^krant: cannot keep reading state \(not a folder\)/);
    assert.equal(ids(r.out).length, 3);
  });

  it('two processes marking at once both keep their marks', async () => {
    const { dir, env } = setup();
    const run = (args: string[]) => new Promise<number>((resolve) => spawn(process.execPath, [BIN, '--dir', dir, ...args], { env }).on('exit', (c) => resolve(c ?? -1)));
    const state = new ReadingState(fs.realpathSync(dir), env);
    const codes = await Promise.all([run(['--mark-read', 'storm']), run(['--mark-read', 'regen']), Promise.resolve().then(() => state.setSaved([{ id: '2022-01-almaty', key: 0 }], true))]);
    assert.deepEqual(codes.slice(0, 2), [0, 0]);
    assert.equal(state.get('storm').read, true);
    assert.equal(state.get('regen').read, true);
    assert.equal(state.get('2022-01-almaty').saved, true);
    state.close();
  });
});
