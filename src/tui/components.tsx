/** The reader's screens: they draw the state and nothing else. */

import { Box, Text } from 'ink';
import type { Span } from '../core/article.js';
import { segments } from '../core/segments.js';
import { displayWidth, padToWidth, truncate } from '../core/width.js';
import { helpFooter, helpPage } from './help.js';
import { panelRows } from './panel.js';
import type { ListRow } from '../store/store.js';
import type { Role } from '../core/theme.js';
import { type Mark, type State, type ViewLine, bodyRows, listRows, panelListRows, textWidth } from './state.js';
import { FrameText, SpanText, Styled } from './theme.js';
import { type FrameLine, articleHint, footerLine, hintLine, listFrame, plural } from './list-frame.js';

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

function markOn(line: { paragraph: number; start: number; text: string }, m: Mark | null | undefined) {
  if (!m || m.paragraph !== line.paragraph) return null;
  const s = Math.max(m.start, line.start) - line.start;
  const e = Math.min(m.end, line.start + line.text.length) - line.start;
  return e > s ? { start: s, end: e } : null;
}

/** The style a paragraph's kind is drawn in, under its spans. */
const KIND_ROLE: Record<ViewLine['kind'], Role | undefined> = { text: undefined, caption: 'caption', heading: 'title' };

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
  const inTitle = a.find.title?.length ? 'in the title' : 'no match';
  const findInfo = a.find.query ? `  [${a.find.matches.length ? `${a.find.current + 1}/${a.find.matches.length}` : inTitle}]` : '';
  const title = truncate(a.head.title, tw);
  const right = `${findInfo}  ${pos}`;
  const current = a.find.matches[a.find.current];
  return (
    <Box flexDirection="column" width={width} height={state.height}>
      <FrameText line={[{ text: pad }, ...segments(title, a.find.title ?? []).map((seg) => ({ text: seg.text, types: seg.types, role: 'title' as const }))]} />
      <FrameText line={[{ text: pad }, { text: padToWidth(meta, Math.max(0, tw - displayWidth(right))), role: 'meta' }, { text: displayWidth(right) <= tw ? right : '', role: 'accent' }]} />
      <Box flexDirection="column" height={rows}>
        {visible.map((line, i) => {
          const matchSpans: Span[] = a.find.matches.flatMap((m) => {
            const r = markOn(line, m);
            return r ? [{ type: 'match' as const, ...r }] : [];
          });
          const cur = [current, ...a.picked].flatMap((m) => markOn(line, m) ?? []);
          return <SpanText key={a.scroll + i} pad={pad} text={line.text} spans={[...line.spans, ...matchSpans]} base={KIND_ROLE[line.kind]} current={cur} />;
        })}
      </Box>
      <FrameText line={articleFooter(state)} />
    </Box>
  );
}

/** The article's bottom line: a figure's origin when a jump or find landed on one, else the hints; `? help` and the way back always. */
function articleFooter(state: State): FrameLine {
  const back = state.direct ? 'q quit' : 'q back';
  const a = state.article!;
  if (a.origin && !state.prompt && !state.note && !state.confirm) {
    const tail = ` · ? help · ${back}`;
    return [{ text: truncate(a.origin, Math.max(1, state.width - displayWidth(tail))), role: 'source' }, { text: truncate(tail, state.width), role: 'dim' }];
  }
  return footerLine(state, articleHint(state.width, back));
}

export function HelpOverlay({ state }: { state: State }) {
  const page = helpPage(state);
  const textW = Math.max(1, page.columnWidth - page.keyWidth);
  return (
    <Box flexDirection="column" width={state.width} height={state.height}>
      <Styled role="title">{truncate(`krant · keys on the ${state.screen === 'list' ? 'list' : 'article'}`, state.width)}</Styled>
      <Text> </Text>
      {page.lines.map((cells, i) => (
        <FrameText key={page.top + i} line={cells.flatMap(([k, what], c): FrameLine => [
          { text: padToWidth(truncate(k, page.keyWidth), page.keyWidth), role: 'accent' },
          { text: c < cells.length - 1 ? padToWidth(truncate(what, textW), textW + 2) : truncate(what, textW) },
        ])} />
      ))}
      <Box flexGrow={1} />
      <Styled role="dim">{truncate(helpFooter(page, state.width), state.width)}</Styled>
    </Box>
  );
}

/** Who says what: figures under the source that gives them; the selection is in the state. */
export function SourcesPanel({ state }: { state: State }) {
  const a = state.article!;
  const rows = panelRows(a.body, state.width);
  const { selected, top } = a.panel;
  const visible = rows.slice(top, top + panelListRows(state));
  const position = rows.length ? ` · ${selected + 1}/${rows.length}` : '';
  return (
    <Box flexDirection="column" width={state.width} height={state.height}>
      <Styled role="title">{truncate(`Who says what${position}`, state.width)}</Styled>
      {rows.length === 0 ? <Styled role="dim">No sources or figures found in this article.</Styled> : visible.map((row, i) => (
        <FrameText key={top + i} line={[{ text: top + i === selected ? '▸ ' : '  ', role: 'accent' }, ...row.line.map((p) => (top + i === selected ? { ...p, role: 'selected' as const } : p))]} />
      ))}
      <Box flexGrow={1} />
      <FrameText line={footerLine(state, hintLine(state.width, 'panel'))} />
    </Box>
  );
}
