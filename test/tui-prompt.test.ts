import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BINDINGS, actionFor, contextsOf, splitKeys } from '../src/tui/keymap.js';
import { editPrompt, promptOf, promptWindow } from '../src/tui/prompt.js';
import { footerLine } from '../src/tui/list-frame.js';
import { type Effect, type State, initialState, reducer, update } from '../src/tui/state.js';

const press = (s: State, input: string, key: Record<string, boolean> = {}) =>
  splitKeys(input, key).reduce((acc, [i, k]) => reducer(acc, { type: 'key', input: i, key: k }), s);
const effectsOf = (s: State, input: string, key: Record<string, boolean> = {}): Effect[] => update(s, { type: 'key', input, key })[1];
const listOf = (count: number) => reducer(initialState(80, 24), { type: 'listCount', count });
const footerText = (s: State) => footerLine(s, '').map((p) => p.text).join('');

describe('the prompt as a line editor', () => {
  it('inserts at the cursor, moves by characters (an accented letter is one)', () => {
    let p = promptOf('geëlimineerd');
    p = editPrompt(p, 'left');
    p = editPrompt(p, 'left');
    p = editPrompt(p, 'insert', 'X');
    assert.deepEqual(p, { text: 'geëlimineeXrd', cursor: 11 });
    p = editPrompt(p, 'start');
    p = editPrompt(p, 'right');
    p = editPrompt(p, 'right');
    p = editPrompt(p, 'right');
    p = editPrompt(p, 'backspace');
    assert.deepEqual(p, { text: 'gelimineeXrd', cursor: 2 });
  });
  it('Ctrl+W deletes the word before the cursor and the spaces after it; Ctrl+U all before it', () => {
    assert.deepEqual(editPrompt(promptOf('de politie  '), 'deleteWord'), { text: 'de ', cursor: 3 });
    assert.deepEqual(editPrompt(editPrompt(promptOf('de politie'), 'deleteWord'), 'deleteWord'), { text: '', cursor: 0 });
    const mid = { text: 'de politie', cursor: 3 };
    assert.deepEqual(editPrompt(mid, 'clear'), { text: 'politie', cursor: 0 });
  });
  it('stays within the text at both ends', () => {
    assert.deepEqual(editPrompt(promptOf(''), 'backspace'), { text: '', cursor: 0 });
    assert.deepEqual(editPrompt(promptOf('ab'), 'right'), { text: 'ab', cursor: 2 });
    assert.deepEqual(editPrompt({ text: 'ab', cursor: 0 }, 'left'), { text: 'ab', cursor: 0 });
  });
  it('a long query shows the end being typed, with a sign that the start is cut', () => {
    const p = promptOf('minister van justitie en veiligheid');
    const w = promptWindow(p, 12);
    assert.ok(w.shown.startsWith('…'));
    assert.ok(w.shown.endsWith('veiligheid'));
    assert.equal(w.at, [...w.shown].length, 'the cursor past the end');
    const back = promptWindow({ ...p, cursor: 0 }, 12);
    assert.ok(back.shown.startsWith('minister'));
    assert.ok(back.shown.endsWith('…'));
    assert.equal(back.at, 0);
  });
  it('the footer of a long search fits the width and shows what is typed last', () => {
    let s = press(reducer(initialState(30, 10), { type: 'listCount', count: 5 }), '/');
    s = press(s, 'minister van justitie en veiligheid');
    const f = footerText(s);
    assert.equal([...f].length, 30);
    assert.match(f, /veiligheid $/);
  });
});

describe('one key map, by context', () => {
  it('looks keys up global first, then the question, the prompt, the overlay, the screen', () => {
    const base = listOf(3);
    assert.deepEqual(contextsOf(base), ['global', 'list']);
    assert.deepEqual(contextsOf(press(base, '/')), ['global', 'prompt']);
    assert.deepEqual(contextsOf(press(base, '?')), ['global', 'help']);
    assert.deepEqual(contextsOf(press(base, 'A')), ['global', 'confirm']);
  });
  it('Ctrl+C quits from a prompt and from a question; Ctrl+Z suspends from anywhere', () => {
    assert.deepEqual(effectsOf(press(listOf(3), '/'), 'c', { ctrl: true }), [{ type: 'exit' }]);
    assert.deepEqual(effectsOf(press(listOf(3), 'A'), 'c', { ctrl: true }), [{ type: 'exit' }]);
    assert.deepEqual(effectsOf(press(listOf(3), '?'), 'z', { ctrl: true }), [{ type: 'suspend' }]);
  });
  it('a question takes y as yes and any other key as no', () => {
    const asked = press(listOf(3), 'A');
    assert.deepEqual(effectsOf(asked, 'y').map((e) => e.type), ['markAllRead']);
    assert.deepEqual(effectsOf(asked, 'j'), []);
    assert.equal(press(asked, 'j').confirm, null);
    assert.equal(press(asked, 'j').list.selected, 0, 'the no does not move');
  });
  it('a control character or escape sequence is never typed into the prompt', () => {
    const s = press(listOf(3), '/');
    assert.equal(actionFor(s, '\x1b[31m', {}), null);
    assert.equal(actionFor(s, '\u202e', {}), null);
    assert.equal(press(s, '\x07').prompt!.text, '');
  });
  it('an Enter typed before the terminal was raw (a newline) still opens, in order with the keys around it', () => {
    assert.deepEqual(splitKeys('\n', {}), [['', { return: true }]]);
    const typed = splitKeys('j\n', {}).reduce((acc, [i, k]) => update(acc[0], { type: 'key', input: i, key: k }), [listOf(3), []] as [State, Effect[]]);
    assert.deepEqual(typed[1], [{ type: 'open', index: 1 }]);
  });
  it('every row says what it does somewhere, and no key means two things in one context', () => {
    for (const b of BINDINGS) assert.ok(Object.keys(b.does).length > 0, b.keys.join(' '));
    const contexts = ['global', 'confirm', 'prompt', 'help', 'panel', 'list', 'article'] as const;
    for (const c of contexts) {
      const keys = BINDINGS.filter((b) => b.does[c]).flatMap((b) => b.keys);
      assert.equal(new Set(keys).size, keys.length, `${c}: ${keys.join(' ')}`);
    }
  });
});

describe('the list search prompt', () => {
  it('↓/↑ move through the hits while typing, and Enter opens the selected one', () => {
    let s = press(listOf(0), '/');
    s = press(s, 'politie');
    s = reducer(s, { type: 'listCount', count: 5 });
    s = press(s, '', { downArrow: true });
    s = press(s, '', { downArrow: true });
    s = press(s, '', { upArrow: true });
    assert.equal(s.list.selected, 1);
    assert.ok(s.prompt, 'still typing');
    const [after, effects] = update(s, { type: 'key', input: '', key: { return: true } });
    assert.deepEqual(effects, [{ type: 'open', index: 1 }]);
    assert.equal(after.prompt, null);
    assert.equal(after.list.query, 'politie');
  });
  it('Enter with no hits only closes the prompt', () => {
    let s = press(press(listOf(0), '/'), 'zzz');
    assert.deepEqual(effectsOf(s, '', { return: true }), []);
    s = press(s, '', { return: true });
    assert.equal(s.prompt, null);
  });
  it('Esc clears the search and asks for the selection to stay on the article it was on', () => {
    let s = reducer(press(press(listOf(0), '/'), 'politie'), { type: 'listCount', count: 9 });
    s = press(s, '', { downArrow: true });
    s = press(s, '', { downArrow: true });
    const [cleared, effects] = update(s, { type: 'key', input: '', key: { escape: true } });
    assert.deepEqual(effects, [{ type: 'reselect', index: 2 }]);
    assert.equal(cleared.list.query, '');
    // the app finds that article in the whole list, and selects it there
    const back = reducer(reducer(cleared, { type: 'listCount', count: 500 }), { type: 'select', index: 321 });
    assert.equal(back.list.selected, 321);
  });
  it('←/→ move in the text, and typing goes in at the cursor', () => {
    let s = press(press(listOf(3), '/'), 'poltie');
    s = press(s, '', { leftArrow: true });
    s = press(s, '', { leftArrow: true });
    s = press(s, '', { leftArrow: true });
    s = press(s, 'i');
    assert.equal(s.list.query, 'politie');
    s = press(s, 'w', { ctrl: true });
    assert.equal(s.list.query, 'tie');
  });
});

describe('the selection follows its article when the list changes', () => {
  it('select with keepLine keeps the article on the same screen line', () => {
    let s = listOf(100);
    for (let i = 0; i < 5; i++) s = press(s, 'j');
    assert.deepEqual([s.list.selected, s.list.top], [5, 0]);
    // ten rows were inserted above it during a first build
    s = reducer(reducer(s, { type: 'listCount', count: 110 }), { type: 'select', index: 15, keepLine: true });
    assert.deepEqual([s.list.selected, s.list.top], [15, 10]);
  });
});
