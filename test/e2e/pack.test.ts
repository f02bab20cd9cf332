/**
 * The package as a user gets it: packed, installed from the tarball into a fresh prefix,
 * and run as the installed command (printing and the reader), writing nothing into itself.
 */

import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, makeFolder } from '../helpers.js';
import { Tmux, hasTmux } from './tmux.js';
import { startFeedServer } from '../feeds/server.js';

const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;

/** Every file under dir, relative, sorted. */
function files(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath ?? d.path, d.name)))
    .sort();
}

describe('installed from npm pack', { timeout: 10 * 60_000 }, () => {
  const work = makeFolder();
  const prefix = path.join(work, 'prefix');
  const krant = path.join(prefix, 'bin', 'krant');
  const cache = makeFolder();
  const env = { ...process.env, XDG_CACHE_HOME: cache, XDG_DATA_HOME: makeFolder(), XDG_STATE_HOME: makeFolder(), KRANT_DIR: '' };
  delete (env as Record<string, string | undefined>).KRANT_DIR;
  let tarball = '';
  let installed = '';
  let before0: string[] = [];

  before(() => {
    const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' });
    tarball = path.join(work, out.trim().split('\n').pop()!);
    const r = spawnSync('npm', ['install', '-g', '--prefix', prefix, tarball, '--no-audit', '--no-fund', '--loglevel=error'], { encoding: 'utf8', cwd: work });
    assert.equal(r.status, 0, `npm install of the tarball failed:\n${r.stderr}`);
    installed = path.join(prefix, 'lib', 'node_modules', 'krant');
    before0 = files(installed).filter((f) => !f.startsWith('node_modules'));
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('carries what it needs to run, and not its tests or sources', () => {
    const list = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    for (const need of ['package/bin/krant', 'package/bin/krant.js', 'package/dist/cli.cjs', 'package/dist/reader.cjs', 'package/dist/index-helper.js', 'package/articles/2022-01-almaty.txt', 'package/README.md']) {
      assert.ok(list.includes(need), `missing ${need}`);
    }
    assert.deepEqual(list.filter((f) => /^package\/(test|src|bench|scripts|\.ci)\//.test(f)), []);
  });

  it('runs as the installed command: --version, --print, --print ID --json', () => {
    assert.equal(execFileSync(krant, ['--version'], { env, encoding: 'utf8' }).trim(), VERSION);
    const list = spawnSync(krant, ['--print'], { env, encoding: 'utf8' });
    assert.equal(list.status, 0, list.stderr);
    assert.match(list.stdout, /^2022-01-almaty\t2022-01\t/);
    const json = JSON.parse(execFileSync(krant, ['--print', '--json', '2022-01-almaty'], { env, encoding: 'utf8' }));
    assert.equal(json.id, '2022-01-almaty');
    assert.ok(json.figures.length > 5);
  });

  it('subscribes and fetches as the installed command, into the user\'s data folder, never into itself', async () => {
    const server = await startFeedServer();
    const user = { ...env, XDG_CONFIG_HOME: makeFolder(), XDG_DATA_HOME: makeFolder(), XDG_STATE_HOME: makeFolder() };
    const run = (args: string[]) => new Promise<{ code: number | null; out: string }>((resolve) => {
      const c = spawn(krant, args, { env: user, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      c.stdout.on('data', (d) => (out += d));
      c.on('close', (code) => resolve({ code, out }));
    });
    try {
      assert.equal((await run(['add', `${server.base}/west.json`])).code, 0);
      const f = await run(['fetch']);
      assert.equal(f.code, 0);
      assert.match(f.out, /^Omroep West: 1 new$/m);
      assert.match((await run(['--print'])).out, /^omroep-west\/2025\/2025-02-10-brand-in-leidse-binnenstad\t/);
      assert.ok(fs.existsSync(path.join(user.XDG_DATA_HOME, 'krant', 'articles', 'omroep-west')));
    } finally {
      await server.close();
    }
  });

  it('opens the reader in a terminal and gives it back', { skip: hasTmux ? false : 'tmux is not installed' }, async () => {
    const t = new Tmux();
    try {
      t.start(80, 24, '', '', krant);
      await t.waitFor(/1 article\b/);
      await t.keys('Enter');
      await t.waitFor('words');
      await t.keys('q', 'q');
      await t.assertShellBack();
    } finally {
      t.kill();
    }
  });

  it('writes nothing into the installed package', () => {
    assert.deepEqual(files(installed).filter((f) => !f.startsWith('node_modules')), before0);
  });
});
