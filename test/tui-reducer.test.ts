import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { highlightArticle } from '../src/core/highlight/article.js';
import { parseArticle } from '../src/core/parse.js';
import { type Effect, type State, initialState, reducer, update } from '../src/tui/state.js';
import { splitKeys } from '../src/tui/keymap.js';
import { panelRows } from '../src/tui/panel.js';
import fs from 'node:fs';
import { SEED } from './helpers.js';

/** Keys as the reader's input hook gives them: a chunk split into keys, each one action. */
const press = (s: State, input: string, key: Record<string, boolean> = {}) =>
  splitKeys(input, key).reduce((acc, [i, k]) => reducer(acc, { type: 'key', input: i, key: k }), s);
/** The effects keys ask for. */
function effects(s: State, input: string, key: Record<string, boolean> = {}): Effect[] {
  const out: Effect[] = [];
  for (const [i, k] of splitKeys(input, key)) {
    const [next, e] = update(s, { type: 'key', input: i, key: k });
    s = next;
    out.push(...e);
  }
  return out;
}
const body = highlightArticle(parseArticle('a', 'title: T\n\n' + Array.from({ length: 30 }, (_, i) => `Alinea ${i} over Almaty en de politie.`).join('\n\n')));
const head = { id: 'a', key: 1, title: 'T', date: '2024-01-01', source: 'NOS', words: 100 };

function listOf(count: number): State {
  return reducer(initialState(80, 24), { type: 'listCount', count });
}
function opened(): State {
  return reducer(listOf(5), { type: 'opened', head, body, index: 2 });
}

describe('reader state: list', () => {
  it('moves with j/k and arrows, stays within the list', () => {
    let s = listOf(3);
    s = press(s, 'j');
    s = press(s, '', { downArrow: true });
    s = press(s, 'j');
    assert.equal(s.list.selected, 2);
    s = press(s, 'k');
    assert.equal(s.list.selected, 1);
    s = press(press(s, 'k'), 'k');
    assert.equal(s.list.selected, 0);
  });
  it('pages and jumps to first and last, keeping the selection visible', () => {
    let s = listOf(1000);
    s = press(s, ' ');
    assert.equal(s.list.selected, 22);
    s = press(s, 'G');
    assert.equal(s.list.selected, 999);
    assert.equal(s.list.top, 1000 - 22);
    s = press(s, 'g');
    assert.deepEqual([s.list.selected, s.list.top], [0, 0]);
    s = press(s, 'd', { ctrl: true });
    assert.equal(s.list.selected, 11);
  });
  it('asks to open the selected article on Enter, l and →', () => {
    for (const [input, key] of [['', { return: true }], ['l', {}], ['', { rightArrow: true }]] as const) {
      assert.deepEqual(effects(press(listOf(4), 'j'), input, key), [{ type: 'open', index: 1 }]);
    }
  });
  it('searches live: each key changes the query; Enter keeps it; Esc clears it', () => {
    let s = press(listOf(4), '/');
    assert.ok(s.prompt);
    for (const c of 'alm') s = press(s, c);
    assert.equal(s.list.query, 'alm');
    s = press(s, '', { backspace: true });
    assert.equal(s.list.query, 'al');
    s = press(s, '', { return: true });
    assert.equal(s.prompt, null);
    assert.equal(s.list.query, 'al');
    s = press(s, '', { escape: true });
    assert.equal(s.list.query, '');
  });
  it('keys typed in the prompt are text, not commands', () => {
    let s = press(listOf(4), '/');
    assert.deepEqual(effects(s, 'q'), []);
    s = press(s, 'q');
    assert.equal(s.list.query, 'q');
  });
  it('quits on q and Ctrl+C; help toggles on ?', () => {
    assert.deepEqual(effects(listOf(1), 'q'), [{ type: 'exit' }]);
    assert.deepEqual(effects(listOf(1), 'c', { ctrl: true }), [{ type: 'exit' }]);
    const h = press(listOf(1), '?');
    assert.equal(h.overlay, 'help');
    assert.equal(press(h, '', { escape: true }).overlay, 'none');
  });
});

describe('reader state: article', () => {
  it('scrolls by line and page, stops at the ends', () => {
    let s = opened();
    s = press(s, 'j');
    assert.equal(s.article!.scroll, 1);
    s = press(s, 'G');
    const end = s.article!.scroll;
    assert.equal(end, s.article!.lines.length - 21);
    s = press(s, 'j');
    assert.equal(s.article!.scroll, end);
    s = press(s, 'b');
    assert.ok(s.article!.scroll < end);
    s = press(s, 'g');
    assert.equal(s.article!.scroll, 0);
  });
  it('finds in the article, n/N move and wrap with a note', () => {
    let s = press(opened(), '/');
    for (const c of 'almaty') s = press(s, c);
    s = press(s, '', { return: true });
    assert.equal(s.article!.find.matches.length, 30);
    s = press(s, 'N');
    assert.equal(s.article!.find.current, 29);
    assert.match(s.note, /hit top/);
    s = press(s, 'n');
    assert.equal(s.article!.find.current, 0);
    assert.match(s.note, /hit bottom/);
  });
  it('carries a list search into the article', () => {
    let s = reducer(listOf(5), { type: 'promptOpen' });
    s = reducer(s, { type: 'promptInput', text: 'politie' });
    s = reducer(s, { type: 'opened', head, body, index: 0 });
    assert.equal(s.article!.find.matches.length, 30);
  });
  it('a search found only in the title is marked there, and said so', () => {
    let s = reducer(listOf(5), { type: 'promptOpen' });
    s = reducer(s, { type: 'promptInput', text: 'storm' });
    const plain = highlightArticle(parseArticle('b', 'title: Zware storm\n\nHet waaide hard.'));
    s = reducer(s, { type: 'opened', head: { ...head, id: 'b', title: 'Zware storm' }, body: plain, index: 0 });
    assert.equal(s.article!.find.matches.length, 0);
    assert.deepEqual(s.article!.find.title!.map((t) => [t.start, t.end]), [[6, 11]]);
  });
  it('re-wraps on resize and keeps the reading position', () => {
    let s = opened();
    s = press(press(press(s, ' '), ' '), 'j');
    const top = s.article!.lines[s.article!.scroll]!;
    s = reducer(s, { type: 'resize', width: 40, height: 12 });
    const now = s.article!.lines[s.article!.scroll]!;
    assert.equal(now.paragraph, top.paragraph);
    for (const l of s.article!.lines) assert.ok(l.text.length <= 38);
  });
  it('goes back to the list on q, h, Esc and ←, at the same article', () => {
    for (const [input, key] of [['q', {}], ['h', {}], ['', { escape: true }], ['', { leftArrow: true }]] as const) {
      const s = press(opened(), input, key);
      assert.equal(s.screen, 'list');
      assert.equal(s.list.selected, 2);
    }
  });
  it('opens the next and previous article with ] and [', () => {
    assert.deepEqual(effects(opened(), ']').at(-1), { type: 'open', index: 3 });
    assert.deepEqual(effects(opened(), '[').at(-1), { type: 'open', index: 1 });
  });
  it('opens the sources panel on s; a jump closes it and marks the place', () => {
    let s = press(opened(), 's');
    assert.equal(s.overlay, 'panel');
    assert.equal(press(s, 'j').article!.scroll, 0, 'keys do not scroll under the panel');
    s = reducer(s, { type: 'jump', marks: [{ paragraph: 25, start: 0, end: 6 }] });
    assert.equal(s.overlay, 'none');
    assert.ok(s.article!.scroll > 0);
    assert.deepEqual(s.article!.picked, [{ paragraph: 25, start: 0, end: 6 }]);
  });
});

describe('reader state: who says what (the panel)', () => {
  const seed = highlightArticle(parseArticle('seed', fs.readFileSync(SEED, 'utf8')));
  const inPanel = (height = 24) => press(reducer(reducer(initialState(80, height), { type: 'listCount', count: 1 }), { type: 'opened', head, body: seed, index: 0 }), 's');
  const rowText = (s: State, i: number) => panelRows(s.article!.body, s.width)[i]!.line.map((p) => p.text).join('');

  it('groups figures under the source that gives them, with the medium that relays it, then the article\'s own', () => {
    const s = inPanel();
    const rows = panelRows(s.article!.body, 80).map((r) => r.line.map((p) => p.text).join(''));
    assert.ok(rows.includes('het ministerie van Gezondheid — duizend · 400 · 62'), rows.join('\n'));
    assert.ok(rows.includes('het Kazachtse ministerie van Binnenlandse Zaken via TASS — 2000'), rows.join('\n'));
    assert.ok(rows.includes('de politie van Almaty via RIA Novosti — dertien · Twee'));
    const own = rows.indexOf('the article itself — 1 figure with no source named');
    assert.ok(own > 0);
    assert.match(rows[own + 1]!, /^ {2}tientallen doden zijn gevallen$/);
    assert.ok(rows.some((r) => /^ {2}AFP$/.test(r)), 'a caption credit gives no figure: listed among the other sources');
  });

  it('moves, pages and goes to first and last with the list keys, without wrapping', () => {
    let s = inPanel(10);
    const n = panelRows(s.article!.body, 80).length;
    s = press(s, 'k');
    assert.equal(s.article!.panel.selected, 0);
    assert.equal(s.note, 'first row', 'says so instead of wrapping');
    s = press(s, 'G');
    assert.equal(s.article!.panel.selected, n - 1);
    assert.ok(s.article!.panel.top > 0, 'the selection stays in view');
    s = press(s, 'j');
    assert.equal(s.article!.panel.selected, n - 1);
    s = press(s, '', { home: true });
    assert.equal(s.article!.panel.selected, 0);
    s = press(s, ' ');
    assert.equal(s.article!.panel.selected, 8, 'a page is the rows shown');
    s = press(s, 'b');
    assert.equal(s.article!.panel.selected, 0);
  });

  it('Enter jumps to the figure with its source and via marked, and the footer names who gives it', () => {
    let s = inPanel();
    while (!/^ {2}2000/.test(rowText(s, s.article!.panel.selected))) s = press(s, 'j');
    s = press(s, '', { return: true });
    assert.equal(s.overlay, 'none');
    const texts = s.article!.picked.map((m) => seed.paragraphs[m.paragraph]!.text.slice(m.start, m.end));
    assert.deepEqual(texts, ['2000', 'het Kazachtse ministerie van Binnenlandse Zaken', 'TASS']);
    assert.equal(s.article!.origin, '2000 — het Kazachtse ministerie van Binnenlandse Zaken, via TASS');
    s = press(s, 'j');
    assert.equal(s.article!.origin, '', 'the next move clears it');
    assert.deepEqual(s.article!.picked, []);
  });

  it('a find that lands on a figure names who gives it', () => {
    let s = press(reducer(reducer(initialState(80, 24), { type: 'listCount', count: 1 }), { type: 'opened', head, body: seed, index: 0 }), '/');
    s = press(s, '353\r');
    assert.equal(s.article!.origin, '353 — de staatstelevisie');
  });

  it('Esc, q, h and s close the panel', () => {
    for (const [input, key] of [['', { escape: true }], ['q', {}], ['h', {}], ['s', {}]] as const) {
      assert.equal(press(inPanel(), input, key).overlay, 'none');
    }
  });
});

describe('reader state: input chunks', () => {
  it('reads several keys arriving in one chunk one by one', () => {
    let s = press(opened(), '/');
    s = press(s, 'almaty\r');
    assert.equal(s.prompt, null);
    assert.equal(s.article!.find.query, 'almaty');
    s = press(listOf(10), 'jjj');
    assert.equal(s.list.selected, 3);
    assert.deepEqual(effects(listOf(10), 'j\x03'), [{ type: 'exit' }], 'Ctrl+C typed ahead still quits');
    assert.deepEqual(effects(listOf(10), 'j\x1a'), [{ type: 'suspend' }], 'Ctrl+Z typed ahead still suspends');
  });
});

describe('reader state: help', () => {
  it('reaches every key at 40x12 and 30x8 by scrolling, with a sign that there is more', async () => {
    const { helpPage, helpFooter } = await import('../src/tui/help.js');
    const { helpFor } = await import('../src/tui/keymap.js');
    for (const [w, h] of [[40, 12], [30, 8], [60, 20]] as const) {
      for (const screen of ['list', 'article'] as const) {
        let s = press(screen === 'list' ? reducer(initialState(w, h), { type: 'listCount', count: 3 }) : reducer(reducer(initialState(w, h), { type: 'listCount', count: 3 }), { type: 'opened', head, body, index: 0 }), '?');
        assert.equal(s.overlay, 'help');
        const seen = new Set<string>();
        let page = helpPage(s);
        if (page.total > page.room) assert.match(helpFooter(page), /^1–\d+ of \d+ · j\/k more/);
        for (let i = 0; i < 40; i++) {
          for (const line of page.lines) for (const [k] of line) seen.add(k);
          s = press(s, 'j');
          page = helpPage(s);
        }
        const all = helpFor(screen).map(([k]) => k);
        assert.deepEqual([...seen].sort(), [...all].sort(), `${w}x${h} ${screen}`);
        assert.ok(all.includes('Ctrl+Z'));
        assert.equal(press(s, '', { escape: true }).overlay, 'none');
      }
    }
  });
  it('uses two columns where they fit, so that 80x20 shows every key at once', async () => {
    const { helpPage } = await import('../src/tui/help.js');
    const s = press(reducer(reducer(initialState(80, 20), { type: 'listCount', count: 3 }), { type: 'opened', head, body, index: 0 }), '?');
    const page = helpPage(s);
    assert.equal(page.total <= page.room, true);
    assert.equal(page.lines[0]!.length, 2);
  });
});

describe('reader state: reading state', () => {
  const ref = { id: 'a', key: 1 };
  it('opening an article marks it read; leaving it keeps the place by paragraph and offset', () => {
    const [s, fx] = update(listOf(5), { type: 'opened', head, body, index: 2 });
    assert.deepEqual(fx, [{ type: 'setRead', ref, read: true }]);
    const scrolled = press(press(press(s, ' '), ' '), 'j');
    const line = scrolled.article!.lines[scrolled.article!.scroll]!;
    const back = effects(scrolled, 'q');
    assert.deepEqual(back, [{ type: 'savePlace', ref, paragraph: line.paragraph < 0 ? scrolled.article!.lines[scrolled.article!.scroll + 1]!.paragraph : line.paragraph, offset: line.paragraph < 0 ? 0 : line.start }]);
  });
  it('reopens at the place, at any width', () => {
    for (const width of [100, 60, 40]) {
      const s = reducer(reducer(initialState(width, 20), { type: 'listCount', count: 5 }), { type: 'opened', head, body, index: 0, place: { paragraph: 20, offset: 0 } });
      const top = s.article!.lines[s.article!.scroll]!;
      assert.equal(top.paragraph, 20, `at ${width} columns`);
    }
  });
  it('m toggles read, * saves, u opens the next unread, from the list and from an article', () => {
    assert.deepEqual(effects(press(listOf(5), 'j'), 'm'), [{ type: 'toggle', mark: 'read', index: 1 }]);
    assert.deepEqual(effects(opened(), 'm'), [{ type: 'toggle', mark: 'read', index: 2 }]);
    assert.deepEqual(effects(listOf(5), '*'), [{ type: 'toggle', mark: 'saved', index: 0 }]);
    assert.deepEqual(effects(opened(), '*'), [{ type: 'toggle', mark: 'saved', index: 2 }]);
    assert.deepEqual(effects(press(listOf(5), 'j'), 'u'), [{ type: 'nextUnread', after: 1 }]);
    const fromArticle = effects(opened(), 'u');
    assert.equal(fromArticle[0]!.type, 'savePlace', 'the place is kept before moving on');
    assert.deepEqual(fromArticle[1], { type: 'nextUnread', after: 2 });
  });
  it('v cycles the views, starting again at the top', () => {
    let s = press(press(listOf(5), 'j'), 'v');
    assert.equal(s.list.view, 'unread');
    assert.equal(s.list.selected, 0);
    s = press(s, 'v');
    assert.equal(s.list.view, 'saved');
    assert.equal(press(s, 'v').list.view, 'all');
  });
  it('A asks first; y marks all shown as read, any other key does not', () => {
    const s = press(reducer(listOf(87), { type: 'key', input: '/', key: {} }), 'x');
    const asked = press(press(s, '', { return: true }), 'A');
    assert.equal(asked.confirm?.text, 'Mark all 87 articles matching "x" as read? y/n');
    assert.deepEqual(effects(asked, 'y'), [{ type: 'markAllRead', view: 'all', query: 'x' }]);
    assert.deepEqual(effects(asked, 'n'), []);
    assert.equal(press(asked, 'q').confirm, null, 'q answers no, and does not quit');
    assert.deepEqual(effects(asked, 'q'), []);
  });
  it('the header counts unread articles', () => {
    const s = reducer(listOf(1234), { type: 'counts', unread: 87 });
    assert.equal(s.list.unread, 87);
  });
});

describe('the key table and the README', () => {
  it('the README key table is the one the key table generates', async () => {
    const { keyTableMarkdown } = await import('../src/tui/keymap.js');
    const readme = fs.readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    assert.ok(readme.includes(keyTableMarkdown()), 'README.md: paste the output of keyTableMarkdown() over its key table');
  });
});

describe('reader state: find and the way out, as less and vim do', () => {
  const seed = highlightArticle(parseArticle('seed', fs.readFileSync(SEED, 'utf8')));
  const open = (height = 12) => reducer(reducer(initialState(80, height), { type: 'listCount', count: 3 }), { type: 'opened', head, body: seed, index: 0 });
  const type = (s: State, text: string) => [...text].reduce((acc, c) => press(acc, c), press(s, '/'));

  it('a cancelled or failed find goes back to where you were', () => {
    const at = press(open(), ' ');
    const start = at.article!.scroll;
    const found = type(at, 'staatstelevisie');
    assert.ok(found.article!.scroll > start, 'the find moved the view');
    assert.equal(press(found, '', { escape: true }).article!.scroll, start, 'Esc goes back');
    const failed = press(type(at, 'staatstelevisiezzz'), '', { return: true });
    assert.equal(failed.article!.scroll, start, 'a find that matches nothing leaves you where you were');
  });
  it('/ then Esc, or / then Enter on an empty prompt, keeps the last search for n', () => {
    const found = press(type(open(), 'almaty'), '', { return: true });
    for (const [input, key] of [['', { escape: true }], ['', { return: true }]] as const) {
      const again = press(press(found, '/'), input, key);
      assert.equal(again.article!.find.query, 'almaty');
      assert.equal(press(again, 'n').article!.find.current, 1);
    }
  });
  it('several words are found together, in that order', () => {
    const s = press(type(open(), 'de politie'), '', { return: true });
    for (const m of s.article!.find.matches) assert.match(seed.paragraphs[m.paragraph]!.text.slice(m.start, m.end), /^de politie$/i);
    // a find starts at a word, as search does: not inside `gewonde politiemensen`
    assert.equal(s.article!.find.matches.length, 3, "the seed says \"de politie\" three times");
  });
  it('krant ID: q quits from that article; h goes to the list, and then q is back again', () => {
    const direct = reducer(reducer(initialState(80, 24, '', 'all', true), { type: 'listCount', count: 3 }), { type: 'opened', head, body: seed, index: 0 });
    assert.deepEqual(effects(direct, 'q').map((e) => e.type), ['savePlace', 'exit']);
    const list = press(direct, 'h');
    assert.equal(list.screen, 'list');
    const reopened = reducer(list, { type: 'opened', head, body: seed, index: 0 });
    assert.deepEqual(effects(reopened, 'q').map((e) => e.type), ['savePlace'], 'back to the list, not out');
  });
  it('every footer keeps ? help and the way back, whatever the width', async () => {
    const { articleHint, listHint } = await import('../src/tui/list-frame.js');
    for (const w of [100, 80, 60, 40, 30]) {
      assert.match(listHint(w), /\? help · q quit$/, `list at ${w}`);
      assert.match(articleHint(w, 'q back'), /\? help · q back$/, `article at ${w}`);
      assert.ok([...articleHint(w, 'q back')].length <= w);
    }
    assert.equal(articleHint(80, 'q back'), 'j/k scroll · / find · n/N next/prev · s who says what · ? help · q back');
  });
});
