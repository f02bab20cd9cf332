/** The reader's screens: they draw the state and nothing else. */

import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import type { Span } from '../core/article.js';
import { displayWidth, padToWidth, truncate } from '../core/width.js';
import { helpFor } from './keymap.js';
import type { ListRow } from '../store/store.js';
import { type Mark, type State, bodyRows, listRows, textWidth } from './state.js';
import { FrameText, SpanText, Styled } from './theme.js';
import { footerLine, listFrame, plural } from './list-frame.js';

export function ListScreen({ state, rows, folder, status = '', searching = false }: { state: State; rows: ListRow[]; folder: string; status?: string; searching?: boolean }) {
  const { header, body, footer } = listFrame(state, rows, folder, status, searching);
  return (
    <Box flexDirection="column" width={state.width} height={state.height}>
      <FrameText line={header} />
      <Box flexDirection="column" height={listRows(state)}>
        {body.map((line, i) => <FrameText key={i} line={line} />)}
      </Box>
      <FrameText line={footer} />
    </Box>
  );
}

function markOn(line: { p: number; start: number; text: string }, m: Mark | null | undefined) {
  if (!m || m.p !== line.p) return null;
  const s = Math.max(m.start, line.start) - line.start;
  const e = Math.min(m.end, line.start + line.text.length) - line.start;
  return e > s ? { start: s, end: e } : null;
}

export function ArticleScreen({ state }: { state: State }) {
  const a = state.article!;
  const { width } = state;
  const tw = textWidth(state);
  const pad = ' '.repeat(Math.max(0, Math.floor((width - tw) / 2)));
  const rows = bodyRows(state);
  const visible = a.lines.slice(a.scroll, a.scroll + rows);
  const max = a.lines.length - rows;
  const pos = max <= 0 ? 'all' : a.scroll >= max ? 'end' : `${Math.round((100 * a.scroll) / max)}%`;
  const meta = `${a.head.date || '—'} · ${a.head.source || '—'} · ${plural(a.head.words, 'word')}`;
  const findInfo = a.find.query ? `  [${a.find.matches.length ? `${a.find.current + 1}/${a.find.matches.length}` : 'no match'}]` : '';
  const right = `${findInfo}  ${pos}`;
  const current = a.find.matches[a.find.current];
  return (
    <Box flexDirection="column" width={width} height={state.height}>
      <Text wrap="truncate">{pad}<Styled role="title">{truncate(a.head.title, tw)}</Styled></Text>
      <Text wrap="truncate">{pad}<Styled role="meta">{padToWidth(meta, Math.max(0, tw - displayWidth(right)))}</Styled><Styled role="accent">{displayWidth(right) <= tw ? right : ''}</Styled></Text>
      <Box flexDirection="column" height={rows}>
        {visible.map((line, i) => {
          const matchSpans: Span[] = a.find.matches.flatMap((m) => {
            const r = markOn(line, m);
            return r ? [{ type: 'match' as const, ...r }] : [];
          });
          const cur = markOn(line, current) ?? markOn(line, a.picked);
          return (
            <Text key={a.scroll + i} wrap="truncate">
              {pad}
              <SpanText text={line.text} spans={[...line.spans, ...matchSpans]} base={line.caption ? 'caption' : undefined} current={cur} />
            </Text>
          );
        })}
      </Box>
      <FrameText line={footerLine(state, width >= 70 ? 'j/k scroll · / find · n/N next/prev · s sources · ]/[ next/prev article · ? help · q back' : '/ find · s sources · ? help · q back')} />
    </Box>
  );
}

export function HelpOverlay({ state }: { state: State }) {
  const rows = helpFor(state.screen);
  const keyW = Math.max(...rows.map(([k]) => k.length)) + 2;
  const fit = Math.max(1, state.height - 4);
  return (
    <Box flexDirection="column" width={state.width} height={state.height}>
      <Text wrap="truncate"><Styled role="title">{truncate(`krant · keys on the ${state.screen === 'list' ? 'list' : 'article'}`, state.width)}</Styled></Text>
      <Text> </Text>
      {rows.slice(0, fit).map(([k, what]) => (
        <Text key={k} wrap="truncate"><Styled role="accent">{padToWidth(k, keyW)}</Styled>{truncate(what, Math.max(1, state.width - keyW))}</Text>
      ))}
      <Box flexGrow={1} />
      <Text wrap="truncate"><Styled role="dim">{truncate('? or Esc closes this help', state.width)}</Styled></Text>
    </Box>
  );
}

export interface PanelItem {
  label: string;
  value: string;
  mark: Mark;
}

export function panelItems(state: State): PanelItem[] {
  const a = state.article!;
  const w = Math.max(10, state.width - 4);
  const items: PanelItem[] = [];
  a.body.sources.forEach((s, i) => items.push({ label: truncate(`source  ${s.name}  ×${s.mentions}`, w), value: `s${i}`, mark: { p: s.paragraph, start: s.start, end: s.end } }));
  a.body.figures.forEach((f, i) => {
    const text = a.body.paragraphs[f.paragraph]!.text;
    const before = text.slice(Math.max(0, f.start - 24), f.start).replace(/^\S*\s/, '');
    const after = text.slice(f.end, f.end + 24).replace(/\s\S*$/, '');
    items.push({ label: truncate(`figure  ${f.text}  …${before}${f.text}${after}…`, w), value: `f${i}`, mark: { p: f.paragraph, start: f.start, end: f.end } });
  });
  return items;
}

export function SourcesPanel({ state, onPick }: { state: State; onPick: (m: Mark) => void }) {
  const items = panelItems(state);
  const limit = Math.max(1, state.height - 3);
  return (
    <Box flexDirection="column" width={state.width} height={state.height}>
      <Text wrap="truncate"><Styled role="title">{truncate(`Sources and figures · ${items.length}`, state.width)}</Styled></Text>
      {items.length === 0 ? <Styled role="dim">No sources or figures found in this article.</Styled> : (
        <SelectInput items={items} limit={limit} onSelect={(item) => onPick((item as PanelItem).mark)} />
      )}
      <Box flexGrow={1} />
      <Text wrap="truncate"><Styled role="dim">{truncate('↑/↓ choose · Enter jump to it · Esc close', state.width)}</Styled></Text>
    </Box>
  );
}
