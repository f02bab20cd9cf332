// Bundles src/ into dist/ with esbuild, shaped by start-up time:
// - dist/cli.cjs: the command and everything `--print` needs, as CommonJS, so that a
//   start does not pay for Node's ES module loader; the store (SQLite), highlighting
//   and colour are in it but run only when used.
// - dist/reader.js, dist/index-helper.js, dist/parse-worker.js (+ dist/chunks): ES
//   modules, loaded only by the reader and the index build (Ink's layout engine needs
//   top-level await).
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  // The native addon and Ink's optional dev tools stay outside the bundle.
  external: ['better-sqlite3', 'react-devtools-core'],
  logLevel: 'warning',
};

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { cli: 'src/cli.ts' },
  outExtension: { '.js': '.cjs' },
  outdir: 'dist',
  format: 'cjs',
  define: {
    'process.env.NODE_ENV': '"production"',
    KRANT_VERSION: JSON.stringify(version),
    KRANT_READER: '"./reader.js"',
    'import.meta.url': '__krantUrl',
  },
  banner: { js: "const __krantUrl=require('url').pathToFileURL(__filename).href;" },
});
await build({
  ...common,
  entryPoints: { reader: 'src/tui/start.ts', 'parse-worker': 'src/store/parse-worker.ts', 'index-helper': 'src/store/index-helper.ts' },
  outdir: 'dist',
  splitting: true,
  format: 'esm',
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: { js: "import{createRequire as __krantRequire}from'module';const require=__krantRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
});
