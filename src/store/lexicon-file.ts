/** Reads the Dutch word list the build writes (`dist/nl-words.txt`) for compound splitting, when the analysis first needs it. */

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setLexiconLoader } from '../core/dutch/analyze.js';
import { EMPTY_LEXICON, type Lexicon, readLexicon } from '../core/dutch/lexicon.js';

export const LEXICON_FILE = 'nl-words.txt';

/** The word list beside the running bundle (dist/, dist/chunks/), or in dist/ when run from source. */
export function readLexiconFile(): Lexicon {
  for (const rel of [`./${LEXICON_FILE}`, `../${LEXICON_FILE}`, `../../dist/${LEXICON_FILE}`]) {
    try {
      return readLexicon(fs.readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'latin1'));
    } catch {
      // not there: the next place
    }
  }
  return EMPTY_LEXICON; // compounds stay whole; everything else of the analysis works
}

setLexiconLoader(readLexiconFile);
