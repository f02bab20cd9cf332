/** The articles folder: resolved once, with a clear error when it cannot be used. */

import fs from 'node:fs';
import { KrantError } from '../core/errors.js';
import { EXIT } from '../core/exit-codes.js';

/** A folder that cannot be used: a usage error. */
export class FolderError extends KrantError {
  override name = 'FolderError';
  constructor(what: string, readonly folder: string) {
    super(what, EXIT.usage, folder);
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
