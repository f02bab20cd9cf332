// Bundles src/ into dist/ with esbuild: one small chunk for the CLI and printing, the
// reader (React, Ink) and the store (SQLite) in chunks loaded only when used.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts', 'parse-worker': 'src/store/parse-worker.ts', 'index-helper': 'src/store/index-helper.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  // Native addon and Ink's optional dev tools stay outside the bundle.
  external: ['better-sqlite3', 'react-devtools-core'],
  define: { 'process.env.NODE_ENV': '"production"', KRANT_VERSION: JSON.stringify(version) },
  banner: { js: "import{createRequire as __krantRequire}from'module';const require=__krantRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
