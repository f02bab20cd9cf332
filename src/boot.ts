/**
 * How the built command starts (bin/krant.js requires this first): V8's settings for
 * krant, then the bundles loaded through a V8 code cache, so that a start compiles no
 * function it compiled the time before.
 *
 * The cache is `$XDG_CACHE_HOME/krant/code/` (like the index: a cache, safe to delete),
 * one file per bundle, named by the bundle's content hash and the Node that made it. It is
 * written once, when a run that found none ends, so that it holds every function that run
 * compiled; V8 checks it on use and ignores a file that does not fit (another Node, other
 * flags, damaged). Without a usable cache folder, bundles load as plain `require` does.
 */

import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { cacheDir } from './store/cache.js';

// The reader draws many small frames, and V8 answers that churn by growing its young
// generation to 32 MB, which then stays in RSS. Kept at its first size it costs no key any
// time, and the reader's peak RSS at 200 000 articles falls from 144 to 111 MB (npm run
// bench). Set first, for every run: the code cache holds the flags it was made under.
v8.setFlagsFromString('--semi-space-growth-factor=1');

function cacheFolder(): string | null {
  const krant = cacheDir(process.env);
  const dir = path.join(krant, 'code');
  try {
    // one level at a time, never recursive: a cache path under /proc must not loop
    for (const d of [krant, dir]) {
      try {
        fs.mkdirSync(d);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
    return dir;
  } catch {
    return null;
  }
}

// Each bundle's content hash, written in by the build (scripts/build.js): no hashing at start.
declare const KRANT_BUNDLES: Record<string, string>;

const pending: Array<() => void> = [];
let folder: string | null | undefined;

/** A CommonJS bundle beside this file, run through the code cache. */
export function load(name: string): unknown {
  const file = path.join(__dirname, name);
  const source = fs.readFileSync(file, 'utf8');
  folder ??= process.env.KRANT_CODE_CACHE === '0' ? null : cacheFolder();
  const key = `${KRANT_BUNDLES[name] ?? source.length}-${process.version}-${process.arch}`;
  const cacheFile = folder ? path.join(folder, `${name}-${key}.v8`) : null;
  let cachedData: Buffer | undefined;
  try {
    if (cacheFile) cachedData = fs.readFileSync(cacheFile);
  } catch {
    // none yet: this run makes it
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const mod = { exports: {} as unknown, filename: file, id: file, loaded: false };
  (script.runInThisContext() as (...a: unknown[]) => void).call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    // at the end of the run: the cache then holds every function this run compiled
    if (pending.length === 0) process.once('exit', () => pending.forEach((write) => write()));
    pending.push(() => {
      try {
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile);
        // the caches of earlier builds of this bundle are of no use any more
        for (const f of fs.readdirSync(folder!)) if (f.startsWith(`${name}-`) && f.endsWith('.v8') && path.join(folder!, f) !== cacheFile) fs.rmSync(path.join(folder!, f), { force: true });
      } catch {
        // a cache: without it the next start compiles as this one did
      }
    });
  }
  return mod.exports;
}
