import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const SEED = path.join(ROOT, 'articles', '2022-01-almaty.txt');
export const BIN = path.join(ROOT, 'bin', 'krant.js');

/** A fresh folder with the given files (relative path → content). */
export function makeFolder(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'krant-test-'));
  for (const [rel, content] of Object.entries(files)) writeFile(dir, rel, content);
  return dir;
}

export function writeFile(dir: string, rel: string, content: string | Buffer): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

export function article(title: string, date: string, body: string, source = 'NOS'): string {
  return `title: ${title}\ndate: ${date}\nsource: ${source}\n\n${body}\n`;
}

/** Waits until the last frame satisfies the predicate (a frame, not a time, is what a test waits for); fails with the frame seen. */
export async function waitForFrame(frame: () => string | undefined, ok: (f: string) => boolean, ms = 5000): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const f = frame() ?? '';
    if (ok(f)) return f;
    if (Date.now() > end) throw new Error(`no frame matched within ${ms} ms; the last was:\n${f}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
