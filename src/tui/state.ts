/**
 * The reader's whole state and the one reducer that changes it: action in, new state
 * out. Pure: the store and files are read by the app, which reports back with actions.
 */

import type { Key } from 'ink';
import type { ArticleSummary, ParagraphKind, Span } from '../core/article.js';
import { findTerms } from '../core/find.js';
import type { Highlighted } from '../core/highlight/article.js';
import { wrap } from '../core/layout.js';
import { type Term, compileQuery, findQuery } from '../core/query.js';
import { type PromptEdit, actionFor } from './keymap.js';
import { type Prompt, editPrompt, promptOf } from './prompt.js';
import { type Mark, claimAt, describeClaim, panelRows } from './panel.js';
import { helpPage } from './help.js';
import { VIEWS, type View } from '../store/views.js';
import type { ArticleRef } from '../store/reading.js';

export type { Mark } from './panel.js';

export const MAX_TEXT_WIDTH = 100;

/** The open article's title lines: its summary and its length. */
export interface ArticleHead extends ArticleSummary {
  words: number;
}

/** What the reducer asks the app to do, as data; one runner (app.tsx) carries it out. */
export type Effect =
  | { type: 'open'; index: number }
  /** Leave krant. */
  | { type: 'exit' }
  | { type: 'suspend' }
  /** Ctrl+L: the whole screen drawn again, at the terminal's size now. */
  | { type: 'redraw' }
  | { type: 'setRead'; ref: ArticleRef; read: boolean }
  /** Flip read or saved of the article at a list position. */
  | { type: 'toggle'; mark: 'read' | 'saved'; index: number }
  | { type: 'savePlace'; ref: ArticleRef; paragraph: number; offset: number }
  | { type: 'markAllRead'; view: View; query: string }
  /** Open the next unread article after a list position. */
  | { type: 'nextUnread'; after: number }
  /** The list is about to change (a search cleared): the selection follows the article now at this position. */
  | { type: 'reselect'; index: number }
  /** Fetch every subscription in the background (`krant fetch`). */
  | { type: 'fetchFeeds' };

export interface ViewLine {
  /** Paragraph index; -1 for the blank line between paragraphs. */
  paragraph: number;
  start: number;
  text: string;
  spans: Span[];
  /** What the paragraph is: text, a caption or a heading (drawn each in its own style). */
  kind: ParagraphKind;
}

export interface ArticleView {
  head: ArticleHead;
  body: Highlighted;
  /** The position of this article in the current list. */
  index: number;
  lines: ViewLine[];
  scroll: number;
  /** `title`: where the find is in the title (marked there; `n`/`N` walk the text's matches). */
  find: { query: string; matches: Mark[]; current: number; title?: Span[] };
  /** While a find is typed: where the view was, and the find before it (Esc, an empty or failed find go back to both). */
  findFrom: { scroll: number; find: ArticleView['find'] } | null;
  /** What was picked in the panel (a figure, its source, its via), marked until the next move. */
  picked: Mark[];
  /** Who gives the figure that a jump or find landed on, for the footer; cleared by the next move. */
  origin: string;
  /** The panel's selected row and the first row shown. */
  panel: { selected: number; top: number };
}

export type Overlay = 'none' | 'help' | 'panel';

export interface State {
  width: number;
  height: number;
  screen: 'list' | 'article';
  overlay: Overlay;
  /** The first line of the help shown, when it scrolls. */
  helpTop: number;
  list: {
    count: number; selected: number; top: number; query: string;
    /** The hits of the search have only some of its words: no article has them all. */
    partial: boolean;
    /** Which articles the list shows; and, once counted, how many of all are unread. */
    view: View; unread: number | null;
  };
  /** A yes/no question in the footer (`mark 87 articles read?`) and what yes does. */
  confirm: { text: string; effect: Effect } | null;
  /** The bottom prompt while typing a search (list) or a find (article). */
  prompt: Prompt | null;
  article: ArticleView | null;
  /** A one-line note in the footer (`search wrapped`), cleared by the next key. */
  note: string;
  /** Opened on one article (`krant ID`): q quits from it; cleared once back in the list. */
  direct: boolean;
  /** Effects of the last action, taken out by update(): never kept between actions. */
  effects: Effect[];
}

export type Action =
  | { type: 'resize'; width: number; height: number }
  | { type: 'listCount'; count: number; partial?: boolean }
  | { type: 'move'; by: number }
  | { type: 'page'; by: number }
  | { type: 'halfPage'; by: number }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'open' }
  | { type: 'opened'; head: ArticleHead; body: Highlighted; index: number; place?: { paragraph: number; offset: number } | null }
  | { type: 'openFailed'; message: string }
  /** Esc, h: back a level; q: close what is open (an overlay, the article, or krant from the list). */
  | { type: 'back' }
  | { type: 'close' }
  /** Ctrl+C: leave krant from anywhere. */
  | { type: 'exit' }
  | { type: 'suspend' }
  /** The answer to the question asked in the footer. */
  | { type: 'answer'; yes: boolean }
  /** The article to select at a position, kept on the same screen line when `keepLine` (the list changed under it). */
  | { type: 'select'; index: number; keepLine?: boolean }
  | { type: 'promptOpen' }
  /** The prompt's text set (the cursor at its end unless given). */
  | { type: 'promptInput'; text: string; cursor?: number }
  | { type: 'promptEdit'; edit: PromptEdit; text?: string }
  /** ↑/↓ while typing a search: through the hits. */
  | { type: 'promptMove'; by: number }
  | { type: 'promptSubmit' }
  | { type: 'promptCancel' }
  | { type: 'clearSearch' }
  | { type: 'findNext'; by: 1 | -1 }
  | { type: 'sibling'; by: 1 | -1 }
  | { type: 'overlay'; overlay: Overlay }
  | { type: 'jump'; marks: Mark[] }
  | { type: 'note'; text: string }
  | { type: 'counts'; unread: number }
  | { type: 'toggleRead' }
  | { type: 'toggleSaved' }
  | { type: 'nextUnread' }
  | { type: 'cycleView' }
  | { type: 'markAllRead' }
  | { type: 'fetchFeeds' }
  | { type: 'redraw' }
  /** A keypress: the reducer reads it in the light of the current state (prompt, overlay, screen). */
  | { type: 'key'; input: string; key: Partial<Key> };

export function initialState(width: number, height: number, query = '', view: View = 'all', direct = false): State {
  return {
    width, height, screen: 'list', overlay: 'none', helpTop: 0, list: { count: 0, selected: 0, top: 0, query, partial: false, view, unread: null },
    prompt: null, article: null, note: '', confirm: null, direct, effects: [],
  };
}

/** Asks for effects: added to those of this action. */
const emit = (s: State, ...effects: Effect[]): State => ({ ...s, effects: [...s.effects, ...effects] });

/** Where the article view stands, to come back to it later at any width. */
function placeOf(a: ArticleView): Effect {
  const line = a.lines[a.scroll];
  const at = line && line.paragraph < 0 ? a.lines[a.scroll + 1] : line;
  return { type: 'savePlace', ref: { id: a.head.id, key: a.head.key }, paragraph: at?.paragraph ?? 0, offset: at?.start ?? 0 };
}

/** One action: the new state and the effects it asks for. */
export function update(state: State, action: Action): [State, Effect[]] {
  const next = reducer({ ...state, effects: [] }, action);
  return [{ ...next, effects: [] }, next.effects];
}

/** Rows of the list body: the terminal less header and footer. */
export const listRows = (s: Pick<State, 'height'>) => Math.max(1, s.height - 2);
/** Lines of the article body: less title, meta line and footer. */
export const bodyRows = (s: Pick<State, 'height'>) => Math.max(1, s.height - 3);
export const textWidth = (s: Pick<State, 'width'>) => Math.max(10, Math.min(s.width, MAX_TEXT_WIDTH) - 2);

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

/** The article's paragraphs wrapped to the width, a blank line between paragraphs. */
export function layoutArticle(body: Highlighted, width: number): ViewLine[] {
  const lines: ViewLine[] = [];
  body.paragraphs.forEach((para, p) => {
    if (p > 0) lines.push({ paragraph: -1, start: 0, text: '', spans: [], kind: 'text' });
    for (const l of wrap(para.text, para.spans, width)) lines.push({ paragraph: p, start: l.start, text: l.text, spans: l.spans, kind: para.kind });
  });
  return lines;
}

/** The line that shows paragraph p at offset `at`. */
export function lineOf(lines: ViewLine[], p: number, at: number): number {
  let found = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.paragraph === p && l.start <= at) found = i;
    if (l.paragraph > p) break;
  }
  return found;
}

function findMatches(body: Highlighted, terms: Term[]): Mark[] {
  if (terms.length === 0) return [];
  return body.paragraphs.flatMap((para, p) => findTerms(para.text, terms).map((s) => ({ paragraph: p, start: s.start, end: s.end })));
}

/** A selection in a list of `count` rows shown `rows` at a time: clamped, and the window moved just enough to show it. */
function keepInView(selected: number, top: number, count: number, rows: number): { selected: number; top: number } {
  const sel = clamp(selected, 0, Math.max(0, count - 1));
  if (sel < top) top = sel;
  if (sel >= top + rows) top = sel - rows + 1;
  return { selected: sel, top: clamp(top, 0, Math.max(0, count - rows)) };
}

function moveList(s: State, selected: number): State {
  return { ...s, list: { ...s.list, ...keepInView(selected, s.list.top, s.list.count, listRows(s)) } };
}

function scrollTo(s: State, scroll: number): State {
  const a = s.article!;
  const max = Math.max(0, a.lines.length - bodyRows(s));
  return { ...s, article: { ...a, scroll: clamp(scroll, 0, max), picked: [], origin: '' } };
}

/** Scrolls so that a mark shows, a few lines below the top. */
function reveal(s: State, a: ArticleView, m: Mark): State {
  const line = lineOf(a.lines, m.paragraph, m.start);
  const rows = bodyRows(s);
  let scroll = a.scroll;
  if (line < scroll || line >= scroll + rows) scroll = line - Math.min(3, Math.floor(rows / 3));
  const max = Math.max(0, a.lines.length - rows);
  const claim = claimAt(a.body, m);
  return { ...s, article: { ...a, scroll: clamp(scroll, 0, max), origin: claim ? describeClaim(claim) : '' } };
}

/** Marks every match of the terms; `query` is what the user typed, shown in the status line. */
function withFind(s: State, a: ArticleView, query: string, terms: Term[]): State {
  const matches = findMatches(a.body, terms);
  const title = findTerms(a.head.title, terms);
  const next: ArticleView = { ...a, find: { query, matches, current: 0, title } };
  if (matches.length === 0) return { ...s, article: next };
  // the first match at or after the top of the view
  const top = a.lines[a.scroll];
  let current = matches.findIndex((m) => !top || m.paragraph > top.paragraph || (m.paragraph === top.paragraph && m.start >= top.start));
  if (current < 0) current = 0;
  return reveal(s, { ...next, find: { ...next.find, current } }, matches[current]!);
}

function listReducer(s: State, action: Action): State {
  const rows = listRows(s);
  switch (action.type) {
    case 'move': return moveList(s, s.list.selected + action.by);
    case 'page': return moveList({ ...s, list: { ...s.list, top: clamp(s.list.top + action.by * rows, 0, Math.max(0, s.list.count - rows)) } }, s.list.selected + action.by * rows);
    case 'halfPage': return moveList(s, s.list.selected + action.by * Math.max(1, Math.floor(rows / 2)));
    case 'home': return moveList(s, 0);
    case 'end': return moveList(s, s.list.count - 1);
    case 'open': return s.list.count > 0 ? emit(s, { type: 'open', index: s.list.selected }) : s;
    case 'back': return s.list.query ? reducer(s, { type: 'clearSearch' }) : s;
    case 'close': return emit(s, { type: 'exit' });
    case 'select': return action.keepLine
      ? moveList({ ...s, list: { ...s.list, top: action.index - (s.list.selected - s.list.top) } }, action.index)
      : moveList(s, action.index);
    case 'toggleRead': return s.list.count > 0 ? emit(s, { type: 'toggle', mark: 'read', index: s.list.selected }) : s;
    case 'toggleSaved': return s.list.count > 0 ? emit(s, { type: 'toggle', mark: 'saved', index: s.list.selected }) : s;
    case 'nextUnread': return emit(s, { type: 'nextUnread', after: s.list.selected });
    case 'cycleView': {
      const view = VIEWS[(VIEWS.indexOf(s.list.view) + 1) % VIEWS.length]!;
      return { ...s, note: `showing ${view === 'all' ? 'all articles' : `${view} articles`}`, list: { ...s.list, view, selected: 0, top: 0 } };
    }
    case 'markAllRead': {
      if (s.list.count === 0) return s;
      const what = `${s.list.count === 1 ? 'the 1 article' : `all ${s.list.count} articles`}${s.list.query ? ` matching "${s.list.query}"` : ''}${s.list.view === 'all' ? '' : ` in the ${s.list.view} view`}`;
      return { ...s, confirm: { text: `Mark ${what} as read? y/n`, effect: { type: 'markAllRead', view: s.list.view, query: s.list.query } } };
    }
    case 'fetchFeeds': return emit(s, { type: 'fetchFeeds' });
    case 'promptOpen': return { ...s, prompt: promptOf(s.list.query) };
    case 'promptInput': return { ...s, prompt: { text: action.text, cursor: action.cursor ?? [...action.text].length }, list: { ...s.list, query: action.text, selected: 0, top: 0 } };
    case 'promptMove': return moveList(s, s.list.selected + action.by);
    // Enter opens the hit that is selected, as in a fuzzy finder; with no hit it only closes the prompt
    case 'promptSubmit': return s.list.query && s.list.count > 0 ? emit({ ...s, prompt: null }, { type: 'open', index: s.list.selected }) : { ...s, prompt: null };
    case 'promptCancel':
    case 'clearSearch': {
      // the selection stays on the article it was on, found again in the whole list
      const cleared: State = { ...s, prompt: null, list: { ...s.list, query: '', selected: 0, top: 0 } };
      return s.list.query && s.list.count > 0 ? emit(cleared, { type: 'reselect', index: s.list.selected }) : cleared;
    }
    default: return s;
  }
}

function articleReducer(s: State, action: Action): State {
  const a = s.article!;
  const rows = bodyRows(s);
  switch (action.type) {
    case 'move': return scrollTo(s, a.scroll + action.by);
    case 'page': return scrollTo(s, a.scroll + action.by * Math.max(1, rows - 1));
    case 'halfPage': return scrollTo(s, a.scroll + action.by * Math.max(1, Math.floor(rows / 2)));
    case 'home': return scrollTo(s, 0);
    case 'end': return scrollTo(s, a.lines.length);
    case 'close': if (s.direct) return emit(s, placeOf(a), { type: 'exit' });
    // falls through: back to the list
    case 'back': return emit({ ...s, screen: 'list', article: null, overlay: 'none', direct: false, list: { ...s.list, selected: a.index } }, placeOf(a));
    case 'toggleRead': return emit(s, { type: 'toggle', mark: 'read', index: a.index });
    case 'toggleSaved': return emit(s, { type: 'toggle', mark: 'saved', index: a.index });
    case 'nextUnread': return emit(s, placeOf(a), { type: 'nextUnread', after: a.index });
    case 'promptOpen': return { ...s, prompt: promptOf(''), article: { ...a, findFrom: { scroll: a.scroll, find: a.find } } };
    case 'promptInput': {
      const from = a.findFrom ?? { scroll: a.scroll, find: a.find };
      const prompt = { text: action.text, cursor: action.cursor ?? [...action.text].length };
      const found = withFind({ ...s, prompt }, { ...a, scroll: from.scroll }, action.text, findQuery(action.text));
      // nothing (yet) found: the view stays where it was when the find began
      return found.article!.find.matches.length ? found : { ...found, article: { ...found.article!, scroll: from.scroll } };
    }
    case 'promptSubmit': {
      const from = a.findFrom;
      // Enter on an empty find keeps the last search, as in less and vim (n goes on with it)
      if (from && !s.prompt?.text) return { ...s, prompt: null, article: { ...a, scroll: from.scroll, find: from.find, findFrom: null } };
      return { ...s, prompt: null, article: { ...a, findFrom: null } };
    }
    case 'promptCancel': {
      const from = a.findFrom ?? { scroll: a.scroll, find: a.find };
      return { ...s, prompt: null, article: { ...a, scroll: from.scroll, find: from.find, findFrom: null } };
    }
    case 'findNext': {
      const { matches, current, query } = a.find;
      if (matches.length === 0) return { ...s, note: query ? `no match for "${query}"` : 'no search: / to find' };
      let next = current + action.by;
      let note = '';
      if (next >= matches.length) { next = 0; note = 'search hit bottom, continuing at top'; }
      if (next < 0) { next = matches.length - 1; note = 'search hit top, continuing at bottom'; }
      return { ...reveal(s, { ...a, find: { ...a.find, current: next } }, matches[next]!), note };
    }
    case 'sibling': {
      const index = a.index + action.by;
      if (index < 0 || index >= s.list.count) return { ...s, note: action.by > 0 ? 'last article' : 'first article' };
      return emit(s, placeOf(a), { type: 'open', index });
    }
    case 'jump': return action.marks[0] ? reveal({ ...s, overlay: 'none' }, { ...a, picked: action.marks }, action.marks[0]) : s;
    default: return s;
  }
}

/** Rows of the panel's list: the terminal less its title and footer. */
export const panelListRows = (s: Pick<State, 'height'>) => Math.max(1, s.height - 2);

/** The sources panel: the same moves as a list, no wrap-around; Enter jumps to the row's place. */
function panelReducer(s: State, action: Action): State {
  const a = s.article!;
  const rows = panelRows(a.body, s.width);
  const page = panelListRows(s);
  const select = (selected: number): State => {
    const note = selected < 0 ? 'first row' : selected > rows.length - 1 ? 'last row' : '';
    return { ...s, note, article: { ...a, panel: keepInView(selected, a.panel.top, rows.length, page) } };
  };
  switch (action.type) {
    case 'move': return select(a.panel.selected + action.by);
    case 'page': return select(a.panel.selected + action.by * page);
    case 'halfPage': return select(a.panel.selected + action.by * Math.max(1, Math.floor(page / 2)));
    case 'home': return select(0);
    case 'end': return select(rows.length - 1);
    case 'open': return rows[a.panel.selected] ? articleReducer(s, { type: 'jump', marks: rows[a.panel.selected]!.marks }) : s;
    case 'jump': return articleReducer(s, action);
    case 'back':
    case 'close': return { ...s, overlay: 'none' };
    default: return s;
  }
}

/** The help scrolls with the moving keys; Esc, q, h or ? close it. */
function helpReducer(s: State, action: Action): State {
  const { room, total, top } = helpPage(s);
  const to = (n: number): State => ({ ...s, helpTop: clamp(n, 0, Math.max(0, total - room)) });
  switch (action.type) {
    case 'move': return to(top + action.by);
    case 'page': return to(top + action.by * room);
    case 'halfPage': return to(top + action.by * Math.max(1, Math.floor(room / 2)));
    case 'home': return to(0);
    case 'end': return to(total);
    case 'back':
    case 'close': return { ...s, overlay: 'none' };
    default: return s;
  }
}

/** A key, looked up in the key map in the light of the current state (question, prompt, overlay, screen). */
function keyReducer(s: State, input: string, key: Partial<Key>): State {
  const action = actionFor(s, input, key);
  return action ? reducer(s, action) : s;
}

export function reducer(state: State, action: Action): State {
  if (action.type === 'key') return keyReducer(state.note ? { ...state, note: '' } : state, action.input, action.key);
  // a note stays until the next key (cleared above): what arrives meanwhile (counts, rows) keeps it
  const s = action.type === 'note' ? { ...state, note: action.text } : state;
  switch (action.type) {
    case 'note': return s;
    case 'exit': return emit(s, ...(s.article ? [placeOf(s.article)] : []), { type: 'exit' });
    case 'suspend': return emit(s, { type: 'suspend' });
    case 'answer': {
      if (!s.confirm) return s;
      const asked = { ...s, confirm: null };
      return action.yes ? emit(asked, s.confirm.effect) : { ...asked, note: 'not marked' };
    }
    case 'promptEdit': {
      if (!s.prompt) return s;
      const next = editPrompt(s.prompt, action.edit, action.text);
      return next.text === s.prompt.text ? { ...s, prompt: next } : reducer(s, { type: 'promptInput', ...next });
    }
    case 'resize': {
      const next = { ...s, width: action.width, height: action.height };
      if (!s.article) return moveList(next, s.list.selected);
      const a = s.article;
      const anchor = a.lines[a.scroll];
      const lines = layoutArticle(a.body, textWidth(next));
      const scroll = anchor ? lineOf(lines, anchor.paragraph < 0 ? (a.lines[a.scroll + 1]?.paragraph ?? 0) : anchor.paragraph, anchor.start) : 0;
      return { ...next, article: { ...a, lines, scroll: clamp(scroll, 0, Math.max(0, lines.length - bodyRows(next))) } };
    }
    case 'listCount': return moveList({ ...s, list: { ...s.list, count: action.count, partial: !!action.partial } }, s.list.selected);
    case 'counts': return { ...s, list: { ...s.list, unread: action.unread } };
    case 'redraw': return emit(s, { type: 'redraw' });
    case 'opened': {
      const lines = layoutArticle(action.body, textWidth(s));
      // where reading stopped last time, by paragraph and offset: right at any width
      const resume = action.place ? clamp(lineOf(lines, action.place.paragraph, action.place.offset), 0, Math.max(0, lines.length - bodyRows(s))) : 0;
      const a: ArticleView = {
        head: action.head, body: action.body, index: action.index, lines, scroll: resume, find: { query: '', matches: [], current: 0 }, findFrom: null, picked: [], origin: '', panel: { selected: 0, top: 0 },
      };
      // opening an article marks it read
      const next: State = emit({ ...s, screen: 'article', overlay: 'none', prompt: null, article: a, list: { ...s.list, selected: action.index } }, { type: 'setRead', ref: { id: action.head.id, key: action.head.key }, read: true });
      // a search made in the list carries into the article: its words marked, the view at the first
      return s.list.query ? withFind(next, a, s.list.query, compileQuery(s.list.query).marked) : next;
    }
    case 'openFailed': return { ...s, note: action.message };
    case 'overlay': return { ...s, overlay: s.overlay === action.overlay ? 'none' : action.overlay, helpTop: 0 };
  }
  if (s.overlay === 'panel' && s.article) return panelReducer(s, action);
  if (s.overlay === 'help') return helpReducer(s, action);
  if (s.overlay !== 'none' && action.type !== 'jump') {
    // Esc, q or the overlay's own key close it; nothing else reaches the screen below
    return action.type === 'back' || action.type === 'close' ? { ...s, overlay: 'none' } : s;
  }
  return s.screen === 'article' && s.article ? articleReducer(s, action) : listReducer(s, action);
}
