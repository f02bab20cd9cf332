/** The articles folder: resolved once, with a clear error when it cannot be used. */

import fs from 'node:fs';

export class FolderError extends Error {
  override name = 'FolderError';
  constructor(readonly what: string, readonly folder: string) {
    super(`${what} (${folder})`);
  }
}

/** The real path of an articles folder, or a FolderError saying why it cannot be used. */
export function resolveFolder(dir: string): string {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch {
    throw new FolderError('no such folder', dir);
  }
  if (!fs.statSync(real).isDirectory()) throw new FolderError('not a folder', dir);
  try {
    fs.accessSync(real, fs.constants.R_OK | fs.constants.X_OK);
    fs.readdirSync(real);
  } catch {
    throw new FolderError('cannot read folder', dir);
  }
  return real;
}
