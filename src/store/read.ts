/** Reads one article file into the model, with a clear reason when it cannot. */

import fs from 'node:fs';
import path from 'node:path';
import type { Article } from '../core/article.js';
import { decodeBytes, looksBinary } from '../core/decode.js';
import { parseArticle } from '../core/parse.js';
import { ARTICLE_EXT } from './scan.js';
import { KrantError } from '../core/errors.js';
import { EXIT } from '../core/exit-codes.js';
import { osPath } from './fs-util.js';

/** An article file that cannot be read: a usage error where it was asked for by name. */
export class ArticleError extends KrantError {
  override name = 'ArticleError';
  constructor(what: string, readonly file: string) {
    super(what, EXIT.usage, file);
  }
}

export interface ReadResult {
  article: Article;
  encoding: 'utf-8' | 'windows-1252';
}

/** Reads and parses a file; throws ArticleError for an empty, binary or unreadable one. */
export function readArticleFile(file: string, id: string, maxBytes = Infinity): ReadResult {
  let bytes: Buffer;
  try {
    if (Number.isFinite(maxBytes)) {
      const fd = fs.openSync(osPath(file), 'r');
      try {
        const size = fs.fstatSync(fd).size;
        bytes = Buffer.alloc(Math.min(size, maxBytes));
        const n = fs.readSync(fd, bytes, 0, bytes.length, 0);
        bytes = bytes.subarray(0, n);
      } finally {
        fs.closeSync(fd);
      }
    } else bytes = fs.readFileSync(osPath(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const what = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : `cannot read (${code ?? 'error'})`;
    throw new ArticleError(what, file);
  }
  if (looksBinary(bytes)) throw new ArticleError('binary file, not an article', file);
  const { text, encoding } = decodeBytes(bytes);
  if (text.trim() === '') throw new ArticleError('empty file', file);
  const article = parseArticle(id, text, { markdown: /\.md$/i.test(file) });
  if (article.paragraphs.length === 0 && !article.title) throw new ArticleError('no text', file);
  return { article, encoding };
}

/** The file for an id inside the folder (`ID.txt`, then `ID.md`), or null. Never leaves the folder. */
export function fileForId(root: string, id: string): string | null {
  const clean = id.replace(ARTICLE_EXT, '');
  if (!clean || clean.split(/[\\/]/).some((part) => part === '..' || part.startsWith('.'))) return null;
  for (const ext of ['.txt', '.md']) {
    const file = path.join(root, clean + ext);
    try {
      if (fs.statSync(osPath(file)).isFile()) return file;
    } catch {
      // try the next extension
    }
  }
  return null;
}
