/**
 * NODE_EXTRA_CA_CERTS: the command `bin/krant` keeps Node from reading the certificates at
 * start, and the commands that fetch still trust them (a feed served over HTTPS on
 * 127.0.0.1 with a certificate of its own).
 */

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { withExtraCa } from '../../src/feeds/extra-ca.js';
import { BIN, ROOT, makeFolder } from '../helpers.js';
import { selfSignedCert, startFeedServer } from './server.js';

const COMMAND = path.join(ROOT, 'bin', 'krant');

const run = (cmd: string[], env: NodeJS.ProcessEnv) =>
  new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const c = spawn(cmd[0]!, cmd.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    c.stdout.on('data', (d) => (out += d));
    c.stderr.on('data', (d) => (err += d));
    c.on('close', (code) => resolve({ code, out, err }));
  });

function userEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: makeFolder(), XDG_DATA_HOME: makeFolder(), XDG_STATE_HOME: makeFolder(), XDG_CACHE_HOME: makeFolder(), ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.KRANT_EXTRA_CA_CERTS;
  delete env.KRANT_DIR;
  return { ...env, ...extra };
}

describe('NODE_EXTRA_CA_CERTS', () => {
  it('is put back only where it was moved aside', () => {
    assert.deepEqual(withExtraCa({ KRANT_EXTRA_CA_CERTS: '/ca.pem', HOME: '/h' }), { NODE_EXTRA_CA_CERTS: '/ca.pem', HOME: '/h' });
    assert.equal(withExtraCa({ HOME: '/h' }), null);
    assert.equal(withExtraCa({ KRANT_EXTRA_CA_CERTS: '/a.pem', NODE_EXTRA_CA_CERTS: '/b.pem' }), null);
  });

  it('is not read when krant starts to print (Node says so when it reads a file that is not there)', async () => {
    const env = userEnv({ NODE_EXTRA_CA_CERTS: path.join(makeFolder(), 'missing.pem') });
    const args = ['--print', '--dir', path.join(ROOT, 'articles')];
    const direct = await run([process.execPath, BIN, ...args], env);
    assert.match(direct.err, /extra certs/i, 'node itself reads it at start');
    const command = await run([COMMAND, ...args], env);
    assert.equal(command.code, 0, command.err);
    assert.equal(command.err, '');
    assert.match(command.out, /^2022-01-almaty\t/);
  });

  const tls = selfSignedCert();
  it('is trusted by add and fetch, run as the command', { skip: tls ? false : 'openssl is not installed' }, async () => {
    const server = await startFeedServer(undefined, tls!);
    try {
      const url = `${server.base}/west.json`;
      // without the certificate, the feed's is not trusted: the test can fail
      const untrusted = await run([COMMAND, 'add', url], userEnv({}));
      assert.notEqual(untrusted.code, 0);
      assert.match(untrusted.err, /certificate/i);
      const env = userEnv({ NODE_EXTRA_CA_CERTS: tls!.certFile });
      const added = await run([COMMAND, 'add', url], env);
      assert.equal(added.code, 0, added.err);
      const fetched = await run([COMMAND, 'fetch'], env);
      assert.equal(fetched.code, 0, fetched.err);
      assert.match(fetched.out, /^Omroep West: 1 new$/m);
    } finally {
      await server.close();
    }
  });
});
