/** Keys to actions, per context (the list, an article, the sources panel). The help overlay is drawn from this same table. */

import type { Key } from 'ink';
import type { Action, State } from './state.js';

export type Context = 'list' | 'article' | 'panel' | 'help';

export interface Binding {
  keys: string[];
  /** What it does, per context; a context without an entry ignores the key. */
  list?: string;
  article?: string;
  panel?: string;
  help?: string;
  action: (s: State) => Action;
  match: (input: string, key: Key) => boolean;
}

const ch = (c: string) => (input: string, key: Key) => input === c && !key.ctrl && !key.meta;
const ctrl = (c: string) => (input: string, key: Key) => key.ctrl && input === c;
const any = (...ms: Array<(i: string, k: Key) => boolean>) => (i: string, k: Key) => ms.some((m) => m(i, k));

export const BINDINGS: Binding[] = [
  { keys: ['j', '↓'], list: 'next article', article: 'scroll down a line', panel: 'next row', help: 'more', match: any(ch('j'), (_, k) => k.downArrow), action: () => ({ type: 'move', by: 1 }) },
  { keys: ['k', '↑'], list: 'previous article', article: 'scroll up a line', panel: 'previous row', help: 'back', match: any(ch('k'), (_, k) => k.upArrow), action: () => ({ type: 'move', by: -1 }) },
  { keys: ['PgDn', 'space'], list: 'page down', article: 'page down', panel: 'page down', help: 'page down', match: any(ch(' '), (_, k) => k.pageDown), action: () => ({ type: 'page', by: 1 }) },
  { keys: ['PgUp', 'b'], list: 'page up', article: 'page up', panel: 'page up', help: 'page up', match: any(ch('b'), (_, k) => k.pageUp), action: () => ({ type: 'page', by: -1 }) },
  { keys: ['Ctrl+D'], list: 'half a page down', article: 'half a page down', panel: 'half a page down', help: 'half a page down', match: ctrl('d'), action: () => ({ type: 'halfPage', by: 1 }) },
  { keys: ['Ctrl+U'], list: 'half a page up', article: 'half a page up', panel: 'half a page up', help: 'half a page up', match: ctrl('u'), action: () => ({ type: 'halfPage', by: -1 }) },
  { keys: ['g', 'Home'], list: 'first article', article: 'top', panel: 'first row', help: 'top', match: any(ch('g'), (_, k) => k.home), action: () => ({ type: 'home' }) },
  { keys: ['G', 'End'], list: 'last article', article: 'bottom', panel: 'last row', help: 'bottom', match: any(ch('G'), (_, k) => k.end), action: () => ({ type: 'end' }) },
  { keys: ['Enter', 'l', '→'], list: 'open the article', panel: 'jump to it, its source marked', match: any(ch('l'), (_, k) => k.return || k.rightArrow), action: () => ({ type: 'open' }) },
  { keys: ['/'], list: 'search all articles (live)', article: 'find in the article', match: ch('/'), action: () => ({ type: 'promptOpen' }) },
  { keys: ['n'], article: 'next match', match: ch('n'), action: () => ({ type: 'findNext', by: 1 }) },
  { keys: ['N'], article: 'previous match', match: ch('N'), action: () => ({ type: 'findNext', by: -1 }) },
  { keys: ['s'], article: 'who says what: figures by source', panel: 'close', match: ch('s'), action: () => ({ type: 'overlay', overlay: 'panel' }) },
  { keys: [']'], article: 'next article', match: ch(']'), action: () => ({ type: 'sibling', by: 1 }) },
  { keys: ['['], article: 'previous article', match: ch('['), action: () => ({ type: 'sibling', by: -1 }) },
  { keys: ['m'], list: 'mark read / unread', article: 'mark read / unread', match: ch('m'), action: () => ({ type: 'toggleRead' }) },
  { keys: ['*'], list: 'save / unsave (★)', article: 'save / unsave (★)', match: ch('*'), action: () => ({ type: 'toggleSaved' }) },
  { keys: ['u'], list: 'open the next unread article', article: 'next unread article', match: ch('u'), action: () => ({ type: 'nextUnread' }) },
  { keys: ['v'], list: 'view: all → unread → saved', match: ch('v'), action: () => ({ type: 'cycleView' }) },
  { keys: ['A'], list: 'mark all shown as read (asks first)', match: ch('A'), action: () => ({ type: 'markAllRead' }) },
  { keys: ['Esc', 'h', '←'], list: 'clear the search', article: 'back to the list', panel: 'close', help: 'close', match: any(ch('h'), (_, k) => k.escape || k.leftArrow), action: () => ({ type: 'back' }) },
  { keys: ['Ctrl+L'], list: 'draw the screen again', article: 'draw the screen again', match: ctrl('l'), action: () => ({ type: 'redraw' }) },
  { keys: ['?'], list: 'this help', article: 'this help', help: 'close', match: ch('?'), action: () => ({ type: 'overlay', overlay: 'help' }) },
  { keys: ['q'], list: 'quit', article: 'back to the list', panel: 'close', help: 'close', match: ch('q'), action: () => ({ type: 'quit' }) },
];

/** The context keys are read in: an overlay when one is open, else the screen. */
export const contextOf = (state: State): Context => (state.overlay === 'help' ? 'help' : state.overlay === 'panel' && state.article ? 'panel' : state.screen);

/** The action for a key in the current context, or null when the key means nothing there. */
export function actionFor(state: State, input: string, key: Key): Action | null {
  const context = contextOf(state);
  for (const b of BINDINGS) {
    if (!b.match(input, key)) continue;
    if (!b[context]) return null;
    return b.action(state);
  }
  return null;
}

/** Help rows for a screen: keys and what they do there. */
export function helpFor(context: State['screen']): Array<[string, string]> {
  const rows: Array<[string, string]> = BINDINGS.filter((b) => b[context]).map((b) => [b.keys.join(' '), b[context]!]);
  rows.push(['Ctrl+C', 'quit krant'], ['Ctrl+Z', 'suspend (fg comes back)']);
  return rows;
}

/** The README's key table, generated from the bindings (a test keeps the README equal to it). */
export function keyTableMarkdown(): string {
  const cell = (s: string | undefined) => s ?? '—';
  const rows = BINDINGS.filter((b) => b.list || b.article).map((b) => `| ${b.keys.map((k) => `\`${k}\``).join(' ')} | ${cell(b.list)} | ${cell(b.article)} |`);
  rows.push('| `Ctrl+C` | quit krant | quit krant |', '| `Ctrl+Z` | suspend (`fg` comes back) | suspend (`fg` comes back) |');
  return ['| keys | list | article |', '|---|---|---|', ...rows].join('\n');
}
