/** The article model shared by every layer. */

export type SpanType = 'figure' | 'source' | 'quote' | 'match';

/** A highlighted range of a paragraph's text: JavaScript string indices, end exclusive. */
export interface Span {
  type: SpanType;
  start: number;
  end: number;
}

export type ParagraphKind = 'text' | 'caption';

export interface Paragraph {
  kind: ParagraphKind;
  /** The paragraph as in the file, runs of white space collapsed to one space. */
  text: string;
}

export interface ArticleMeta {
  title: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; empty when the file gives none. */
  date: string;
  source: string;
  url: string;
  author: string;
  lang: string;
  tags: string[];
  /** Header keys krant does not know, kept as given. */
  extra: Record<string, string>;
}

export interface Article extends ArticleMeta {
  /** Path relative to the articles folder, without extension (`2024/nos-storm`). */
  id: string;
  paragraphs: Paragraph[];
  words: number;
}

/** Words as a reader counts them: runs of letters or digits. */
export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu);
  return m ? m.length : 0;
}
