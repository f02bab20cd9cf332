/**
 * The bottom prompt as a line editor, pure: a text and a cursor (in characters, so
 * that an accented letter or an emoji is one step), edited as in a shell.
 */

import { displayWidth } from '../core/width.js';
import type { PromptEdit } from './keymap.js';

export interface Prompt {
  text: string;
  /** Characters before the cursor. */
  cursor: number;
}

export const promptOf = (text: string): Prompt => ({ text, cursor: [...text].length });

export function editPrompt(p: Prompt, edit: PromptEdit, typed = ''): Prompt {
  const chars = [...p.text];
  const at = Math.max(0, Math.min(p.cursor, chars.length));
  const before = chars.slice(0, at);
  const after = chars.slice(at);
  const make = (b: string[], a: string[] = after): Prompt => ({ text: [...b, ...a].join(''), cursor: b.length });
  switch (edit) {
    case 'insert': return make([...before, ...typed]);
    case 'backspace': return make(before.slice(0, -1));
    case 'clear': return make([]);
    case 'deleteWord': {
      // as a shell's Ctrl+W: the spaces before the cursor, then the word before them
      let i = before.length;
      while (i > 0 && /\s/.test(before[i - 1]!)) i--;
      while (i > 0 && !/\s/.test(before[i - 1]!)) i--;
      return make(before.slice(0, i));
    }
    case 'left': return { text: p.text, cursor: Math.max(0, at - 1) };
    case 'right': return { text: p.text, cursor: Math.min(chars.length, at + 1) };
    case 'start': return { text: p.text, cursor: 0 };
    case 'end': return { text: p.text, cursor: chars.length };
  }
}

/**
 * What of the prompt shows in `room` columns: the cursor always, and the end being typed;
 * a cut is marked with `…`. `at` is the cursor's character within `shown`.
 */
export function promptWindow(p: Prompt, room: number): { shown: string; at: number } {
  const chars = [...p.text];
  const cursor = Math.min(p.cursor, chars.length);
  const width = (cs: string[]) => displayWidth(cs.join(''));
  // one column is the cursor itself when it stands past the end
  const fits = (from: number, to: number) => width(chars.slice(from, to)) + (from > 0 ? 1 : 0) + (to < chars.length ? 1 : 0) + (cursor === chars.length ? 1 : 0) <= room;
  if (fits(0, chars.length)) return { shown: p.text, at: cursor };
  // the window ends at the text's end when the cursor is near it, else a little past the cursor
  let to = chars.length;
  let from = to;
  while (from > 0 && fits(from - 1, to)) from--;
  if (cursor < from) {
    from = cursor;
    to = cursor;
    while (to < chars.length && fits(from, to + 1)) to++;
  }
  const shown = (from > 0 ? '…' : '') + chars.slice(from, to).join('') + (to < chars.length ? '…' : '');
  return { shown, at: cursor - from + (from > 0 ? 1 : 0) };
}
