/**
 * A full sync of one folder's index, run by the reader as a child process so that
 * neither its time nor its memory lands on the reader. Reports as JSON lines on
 * stdout: `{progress}` after every batch written, then `{done}`.
 */

import { Store } from './store.js';

const emit = (msg: unknown) => process.stdout.write(JSON.stringify(msg) + '\n');

const dir = process.argv[2];
if (!dir) process.exit(2);
try {
  const store = new Store(dir);
  if (store.notice) emit({ notice: store.notice });
  const started = performance.now();
  const r = await store.fullSync((progress) => emit({ progress }));
  const ms = Math.round(performance.now() - started);
  emit({ done: { added: r.added, changed: r.changed, removed: r.removed, ms, warnings: [...r.warnings, ...store.skipped()] } });
  store.close();
} catch (e) {
  emit({ failed: (e as Error).message });
  process.exitCode = 1;
}
