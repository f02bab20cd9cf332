/**
 * Every key of the reader, in one table: one row per operation, with what it does in
 * each context. Keys are looked up through the contexts that are active, in a declared
 * order (global → question → prompt → overlay → screen); the first row that claims the
 * key wins. The help overlay, the footers' hints and the README's key tables are drawn
 * from this same table.
 */

import type { Key } from 'ink';
import { isUnsafeChar } from '../core/sanitize.js';
import type { Action, State } from './state.js';

/** Where a key can mean something. `confirm` is a yes/no question; `prompt` a search or find being typed. */
export type Context = 'global' | 'confirm' | 'prompt' | 'help' | 'panel' | 'list' | 'article';
export type Screen = 'list' | 'article';

export interface Binding {
  keys: string[];
  /** What it does, per context; a context without an entry does not claim the key. */
  does: Partial<Record<Context, string>>;
  /** Its short form in a screen's footer (`j/k move`), in the order of the table: the first ones stay when the line is short. */
  hint?: Partial<Record<Context, string>>;
  /** Shown in the footer whatever its width (the help, and the way back). */
  essential?: boolean;
  match: (input: string, key: Partial<Key>) => boolean;
  action: (input: string) => Action;
}

type Matcher = Binding['match'];
const plain = (k: Partial<Key>) => !k.ctrl && !k.meta;
const ch = (c: string): Matcher => (input, key) => input === c && plain(key);
const ctrl = (c: string): Matcher => (input, key) => !!key.ctrl && input === c;
const named = (name: keyof Key): Matcher => (_, key) => !!key[name];
const any = (...ms: Matcher[]): Matcher => (i, k) => ms.some((m) => m(i, k));
/** Text typed into a prompt: printable, never a control character or an escape sequence. */
const printable: Matcher = (input, key) => !!input && plain(key) && !key.escape && ![...input].some((c) => isUnsafeChar(c.codePointAt(0)!));
const edit = (op: PromptEdit): Binding['action'] => (input) => ({ type: 'promptEdit', edit: op, text: input });

export type PromptEdit = 'insert' | 'backspace' | 'deleteWord' | 'clear' | 'left' | 'right' | 'start' | 'end';

// One row per operation. Within a context, the first matching row wins: order matters only where two rows match one key.
export const BINDINGS: Binding[] = [
  // global: in every context, before anything else
  { keys: ['Ctrl+C'], does: { global: 'quit krant' }, match: ctrl('c'), action: () => ({ type: 'exit' }) },
  { keys: ['Ctrl+Z'], does: { global: 'suspend (fg comes back)' }, match: ctrl('z'), action: () => ({ type: 'suspend' }) },
  { keys: ['Ctrl+L'], does: { global: 'draw the screen again' }, match: ctrl('l'), action: () => ({ type: 'redraw' }) },
  // a yes/no question: y says yes, any other key no
  { keys: ['y'], does: { confirm: 'yes' }, match: any(ch('y'), ch('Y')), action: () => ({ type: 'answer', yes: true }) },
  { keys: ['other keys'], does: { confirm: 'no' }, match: () => true, action: () => ({ type: 'answer', yes: false }) },
  // the prompt: a line editor, as in a shell
  { keys: ['Enter'], does: { prompt: 'search: open the selected hit · find: stay here' }, match: named('return'), action: () => ({ type: 'promptSubmit' }) },
  { keys: ['Esc'], does: { prompt: 'cancel (a find goes back to where it began)' }, match: named('escape'), action: () => ({ type: 'promptCancel' }) },
  { keys: ['↓', '↑'], does: { prompt: 'search: next / previous hit' }, match: any(named('downArrow'), named('upArrow')), action: () => ({ type: 'promptMove', by: 0 }) },
  { keys: ['←', '→'], does: { prompt: 'move in the text' }, match: any(named('leftArrow'), named('rightArrow')), action: () => ({ type: 'promptEdit', edit: 'left' }) },
  { keys: ['Ctrl+A', 'Home'], does: { prompt: 'to the start' }, match: any(ctrl('a'), named('home')), action: edit('start') },
  { keys: ['Ctrl+E', 'End'], does: { prompt: 'to the end' }, match: any(ctrl('e'), named('end')), action: edit('end') },
  { keys: ['Backspace'], does: { prompt: 'delete a character' }, match: any(named('backspace'), named('delete'), ctrl('h')), action: edit('backspace') },
  { keys: ['Ctrl+W'], does: { prompt: 'delete a word' }, match: ctrl('w'), action: edit('deleteWord') },
  { keys: ['Ctrl+U'], does: { prompt: 'delete to the start' }, match: ctrl('u'), action: edit('clear') },
  { keys: ['text'], does: { prompt: 'typed in' }, match: printable, action: edit('insert') },
  // overlays and screens
  { keys: ['j', '↓'], hint: { list: 'j/k move', article: 'j/k scroll', panel: '↑/↓ choose' }, does: { list: 'next article', article: 'scroll down a line', panel: 'next row', help: 'more' }, match: any(ch('j'), named('downArrow')), action: () => ({ type: 'move', by: 1 }) },
  { keys: ['k', '↑'], does: { list: 'previous article', article: 'scroll up a line', panel: 'previous row', help: 'back' }, match: any(ch('k'), named('upArrow')), action: () => ({ type: 'move', by: -1 }) },
  { keys: ['PgDn', 'space'], does: { list: 'page down', article: 'page down', panel: 'page down', help: 'page down' }, match: any(ch(' '), named('pageDown')), action: () => ({ type: 'page', by: 1 }) },
  { keys: ['PgUp', 'b'], does: { list: 'page up', article: 'page up', panel: 'page up', help: 'page up' }, match: any(ch('b'), named('pageUp')), action: () => ({ type: 'page', by: -1 }) },
  { keys: ['Ctrl+D'], does: { list: 'half a page down', article: 'half a page down', panel: 'half a page down', help: 'half a page down' }, match: ctrl('d'), action: () => ({ type: 'halfPage', by: 1 }) },
  { keys: ['Ctrl+U'], does: { list: 'half a page up', article: 'half a page up', panel: 'half a page up', help: 'half a page up' }, match: ctrl('u'), action: () => ({ type: 'halfPage', by: -1 }) },
  { keys: ['g', 'Home'], does: { list: 'first article', article: 'top', panel: 'first row', help: 'top' }, match: any(ch('g'), named('home')), action: () => ({ type: 'home' }) },
  { keys: ['G', 'End'], does: { list: 'last article', article: 'bottom', panel: 'last row', help: 'bottom' }, match: any(ch('G'), named('end')), action: () => ({ type: 'end' }) },
  { keys: ['Enter', 'l', '→'], hint: { list: 'Enter open', panel: 'Enter jump to it' }, does: { list: 'open the article', panel: 'jump to it, its source marked' }, match: any(ch('l'), named('return'), named('rightArrow')), action: () => ({ type: 'open' }) },
  { keys: ['/'], hint: { list: '/ search', article: '/ find' }, does: { list: 'search all articles (live)', article: 'find in the article' }, match: ch('/'), action: () => ({ type: 'promptOpen' }) },
  { keys: ['n'], hint: { article: 'n/N next/prev' }, does: { article: 'next match' }, match: ch('n'), action: () => ({ type: 'findNext', by: 1 }) },
  { keys: ['N'], does: { article: 'previous match' }, match: ch('N'), action: () => ({ type: 'findNext', by: -1 }) },
  { keys: ['s'], hint: { article: 's who says what' }, does: { article: 'who says what: figures by source', panel: 'close' }, match: ch('s'), action: () => ({ type: 'overlay', overlay: 'panel' }) },
  { keys: [']'], hint: { article: ']/[ next/prev article' }, does: { article: 'next article' }, match: ch(']'), action: () => ({ type: 'sibling', by: 1 }) },
  { keys: ['['], does: { article: 'previous article' }, match: ch('['), action: () => ({ type: 'sibling', by: -1 }) },
  { keys: ['u'], hint: { list: 'u next unread', article: 'u next unread' }, does: { list: 'open the next unread article', article: 'next unread article' }, match: ch('u'), action: () => ({ type: 'nextUnread' }) },
  { keys: ['v'], hint: { list: 'v view' }, does: { list: 'view: all → unread → saved' }, match: ch('v'), action: () => ({ type: 'cycleView' }) },
  { keys: ['m'], hint: { list: 'm read', article: 'm read' }, does: { list: 'mark read / unread', article: 'mark read / unread' }, match: ch('m'), action: () => ({ type: 'toggleRead' }) },
  { keys: ['*'], hint: { list: '* save', article: '* save' }, does: { list: 'save / unsave (★)', article: 'save / unsave (★)' }, match: ch('*'), action: () => ({ type: 'toggleSaved' }) },
  { keys: ['A'], does: { list: 'mark all shown as read (asks first)' }, match: ch('A'), action: () => ({ type: 'markAllRead' }) },
  { keys: ['R'], does: { list: 'fetch every subscription (in the background)' }, match: ch('R'), action: () => ({ type: 'fetchFeeds' }) },
  { keys: ['Esc', 'h', '←'], hint: { panel: 'Esc close' }, essential: true, does: { list: 'clear the search', article: 'back to the list', panel: 'close', help: 'close' }, match: any(ch('h'), named('escape'), named('leftArrow')), action: () => ({ type: 'back' }) },
  { keys: ['?'], hint: { list: '? help', article: '? help' }, essential: true, does: { list: 'this help', article: 'this help', help: 'close' }, match: ch('?'), action: () => ({ type: 'overlay', overlay: 'help' }) },
  { keys: ['q'], hint: { list: 'q quit', article: 'q back' }, essential: true, does: { list: 'quit', article: 'back to the list', panel: 'close', help: 'close' }, match: ch('q'), action: () => ({ type: 'close' }) },
];

/**
 * The contexts a key is looked up in, first to last. A question or a prompt holds every
 * key that is not global; an overlay holds the screen below it.
 */
export function contextsOf(state: Pick<State, 'confirm' | 'prompt' | 'overlay' | 'article' | 'screen'>): Context[] {
  if (state.confirm) return ['global', 'confirm'];
  if (state.prompt) return ['global', 'prompt'];
  if (state.overlay === 'help') return ['global', 'help'];
  if (state.overlay === 'panel' && state.article) return ['global', 'panel'];
  return ['global', state.screen];
}

/** The action for one key in the current state, or null when the key means nothing there. */
export function actionFor(state: Pick<State, 'confirm' | 'prompt' | 'overlay' | 'article' | 'screen'>, input: string, key: Partial<Key>): Action | null {
  for (const context of contextsOf(state)) {
    const b = BINDINGS.find((b) => b.does[context] && b.match(input, key));
    if (b) return withDirection(b.action(input), key);
  }
  return null;
}

/** Rows whose action depends on which of their keys was pressed. */
function withDirection(a: Action, key: Partial<Key>): Action {
  if (a.type === 'promptMove') return { ...a, by: key.upArrow ? -1 : 1 };
  if (a.type === 'promptEdit' && a.edit === 'left' && key.rightArrow) return { ...a, edit: 'right' };
  return a;
}

/**
 * Several keys in one read (fast typing, a paste, tmux): one key each, so that every
 * one is looked up in the state the one before it left. An escape sequence is one key.
 * Keys typed while krant starts are read the same way, whenever they come.
 */
export function splitKeys(input: string, key: Partial<Key>): Array<[string, Partial<Key>]> {
  // Enter typed before the reader set the terminal raw arrives as a newline (the terminal's ICRNL)
  if (input === '\n' && !key.return) return [['', { return: true }]];
  if (input.length <= 1 || key.ctrl || key.meta || input.startsWith('\x1b')) return [[input, key]];
  return [...input].map((c) => charKey(c) ?? [c, {}]);
}

/** One character read raw, as Ink gives it as a key; null for an escape, which may start a sequence. */
export function charKey(c: string): [string, Partial<Key>] | null {
  if (c === '\x1b') return null;
  if (c === '\r' || c === '\n') return ['', { return: true }];
  if (c === '\x7f' || c === '\b') return ['', { backspace: true }];
  if (c === '\t') return ['', { tab: true }];
  const code = c.charCodeAt(0);
  if (code >= 1 && code <= 26) return [String.fromCharCode(code + 96), { ctrl: true }]; // Ctrl+C, Ctrl+Z… typed ahead
  return [c, {}];
}

/** A screen's footer hints from the table: the optional ones in order, and the essential ones. */
export function hintsFor(context: Context): { optional: string[]; essential: string[] } {
  const rows = BINDINGS.filter((b) => b.hint?.[context]);
  return { optional: rows.filter((b) => !b.essential).map((b) => b.hint![context]!), essential: rows.filter((b) => b.essential).map((b) => b.hint![context]!) };
}

const rowsOf = (context: Context): Array<[string, string]> => BINDINGS.filter((b) => b.does[context]).map((b) => [b.keys.join(' '), b.does[context]!]);

/** Help rows for a screen: its keys, the prompt's when it has one, and the global keys. */
export function helpFor(screen: Screen): Array<[string, string]> {
  const prompt = rowsOf('prompt').filter(([k]) => k !== 'text').map(([k, d]): [string, string] => [`/ ${k}`, d]);
  return [...rowsOf(screen), ...prompt, ...rowsOf('global')];
}

/** The README's key tables, generated from the bindings (a test keeps the README equal to them). */
export function keyTableMarkdown(): string {
  const cell = (s: string | undefined) => s ?? '—';
  const code = (b: Binding) => b.keys.map((k) => `\`${k}\``).join(' ');
  const screens = [...BINDINGS.filter((b) => b.does.list || b.does.article), ...BINDINGS.filter((b) => b.does.global)]
    .map((b) => `| ${code(b)} | ${cell(b.does.list ?? b.does.global)} | ${cell(b.does.article ?? b.does.global)} |`);
  const prompt = BINDINGS.filter((b) => b.does.prompt && b.keys[0] !== 'text').map((b) => `| ${code(b)} | ${b.does.prompt} |`);
  return ['| keys | list | article |', '|---|---|---|', ...screens, '', 'While typing a search or a find (`/`):', '', '| keys | does |', '|---|---|', ...prompt].join('\n');
}
