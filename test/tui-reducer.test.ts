import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { highlightArticle } from '../src/core/highlights.js';
import { parseArticle } from '../src/core/parse.js';
import { type State, initialState, reducer } from '../src/tui/state.js';

const press = (s: State, input: string, key: Record<string, boolean> = {}) => reducer(s, { type: 'key', input, key });
const body = highlightArticle(parseArticle('a', 'title: T\n\n' + Array.from({ length: 30 }, (_, i) => `Alinea ${i} over Almaty en de politie.`).join('\n\n')));
const head = { id: 'a', title: 'T', date: '2024-01-01', source: 'NOS', words: 100 };

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
      assert.equal(press(press(listOf(4), 'j'), input, key).wantOpen, 1);
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
    s = press(s, 'q');
    assert.equal(s.quit, false);
    assert.equal(s.list.query, 'q');
  });
  it('quits on q and Ctrl+C; help toggles on ?', () => {
    assert.equal(press(listOf(1), 'q').quit, true);
    assert.equal(press(listOf(1), 'c', { ctrl: true }).quit, true);
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
  it('re-wraps on resize and keeps the reading position', () => {
    let s = opened();
    s = press(press(press(s, ' '), ' '), 'j');
    const top = s.article!.lines[s.article!.scroll]!;
    s = reducer(s, { type: 'resize', width: 40, height: 12 });
    const now = s.article!.lines[s.article!.scroll]!;
    assert.equal(now.p, top.p);
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
    assert.equal(press(opened(), ']').wantOpen, 3);
    assert.equal(press(opened(), '[').wantOpen, 1);
  });
  it('opens the sources panel on s; a jump closes it and marks the place', () => {
    let s = press(opened(), 's');
    assert.equal(s.overlay, 'panel');
    assert.equal(press(s, 'j').article!.scroll, 0, 'keys do not scroll under the panel');
    s = reducer(s, { type: 'jump', mark: { p: 25, start: 0, end: 6 } });
    assert.equal(s.overlay, 'none');
    assert.ok(s.article!.scroll > 0);
    assert.deepEqual(s.article!.picked, { p: 25, start: 0, end: 6 });
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
    assert.equal(press(listOf(10), 'j\x03').quit, true, 'Ctrl+C typed ahead still quits');
    assert.equal(press(listOf(10), 'j\x1a').suspend, true, 'Ctrl+Z typed ahead still suspends');
  });
});
