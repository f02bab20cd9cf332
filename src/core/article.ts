/** The article model shared by every layer. */

export type SpanType = 'figure' | 'source' | 'quote' | 'match';

/** A highlighted range of a paragraph's text: JavaScript string indices, end exclusive. */
export interface Span {
  type: SpanType;
  start: number;
  end: number;
}

export type ParagraphKind = 'text' | 'caption' | 'heading';

/** A link in a paragraph (from Markdown): the text it is on, and where it goes. */
export interface Link {
  start: number;
  end: number;
  url: string;
}

export interface Paragraph {
  kind: ParagraphKind;
  /** The paragraph as in the file, runs of white space collapsed to one space. */
  text: string;
  /** Links on its text, when the file is Markdown. */
  links?: Link[];
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

/**
 * An article as a list shows it: who it is and what a row says. The one summary type:
 * the index's rows, the reader's title lines and the JSON lists build on it.
 */
export interface ArticleSummary {
  /** Path relative to the articles folder, without extension. */
  id: string;
  /** Who the article is apart from its file (a hash of its url or text): reading state follows it. */
  key: number;
  title: string;
  date: string;
  source: string;
}

export interface Article extends ArticleMeta {
  /** Path relative to the articles folder, without extension (`2024/nos-storm`). */
  id: string;
  paragraphs: Paragraph[];
}

function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  // letters beyond ASCII, but not punctuation, symbols or spaces
  return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) && c !== 0xfeff;
}

const JOINERS = new Set([0x27, 0x2019, 0x2e, 0x2c, 0x2d]); // ' ’ . , - inside a word: auto's, 2.500, lpg-prijs

/**
 * Words as a reader counts them: runs of letters or digits, joined across an
 * apostrophe, dot, comma or hyphen. A loop over char codes: it runs over every
 * article on a first index build.
 */
/** The article's length in words: counted when shown, not when indexed (it is a loop over every character). */
export function articleWords(a: Pick<Article, 'paragraphs'>): number {
  let n = 0;
  for (const p of a.paragraphs) n += countWords(p.text);
  return n;
}

export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWordChar(c)) {
      if (!inWord) n++;
      inWord = true;
    } else if (!(inWord && JOINERS.has(c) && isWordChar(text.charCodeAt(i + 1)))) {
      inWord = false;
    }
  }
  return n;
}
