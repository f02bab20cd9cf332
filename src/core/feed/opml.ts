/**
 * OPML, the file feed readers exchange subscriptions in: the folders a feed is nested in
 * become its tags, and tags become folders again on the way out, so that a file read and
 * written again says the same.
 */

import { generateOpml, parseOpml } from 'feedsmith';
import { type Subscription, isWebAddress } from './subscriptions.js';

export class OpmlError extends Error {}

interface Outline {
  text?: string;
  title?: string;
  xmlUrl?: string;
  outlines?: Outline[];
}

export function subscriptionsFromOpml(text: string): Subscription[] {
  let doc: { body?: { outlines?: Outline[] } };
  try {
    doc = parseOpml(text.replace(/^\uFEFF/, '')) as typeof doc;
  } catch (e) {
    throw new OpmlError(`not an OPML file (${(e as Error).message.replace(/\s+/g, ' ').slice(0, 60)})`);
  }
  const out: Subscription[] = [];
  const walk = (outlines: Outline[], tags: string[]) => {
    for (const o of outlines) {
      const name = (o.title || o.text || '').trim();
      if (o.xmlUrl) {
        const url = o.xmlUrl.trim();
        // a feed without a name was written with its address as its text
        if (isWebAddress(url) && !out.some((s) => s.url === url)) out.push({ url, name: name === url ? '' : name, tags: tags.map((t) => t.replace(/\s+/g, '-')) });
      }
      if (o.outlines?.length) walk(o.outlines, o.xmlUrl || !name ? tags : [...tags, name]);
    }
  };
  walk(doc.body?.outlines ?? [], []);
  return out;
}

export function opmlFromSubscriptions(subs: Subscription[], title = 'krant subscriptions'): string {
  const root: Outline[] = [];
  for (const s of subs) {
    let level = root;
    for (const tag of s.tags) {
      let folder = level.find((o) => !o.xmlUrl && o.text === tag);
      if (!folder) level.push((folder = { text: tag, outlines: [] }));
      level = folder.outlines!;
    }
    level.push({ text: s.name || s.url, title: s.name || undefined, xmlUrl: s.url, ...({ type: 'rss' } as object) });
  }
  return generateOpml({ head: { title }, body: { outlines: root } } as Parameters<typeof generateOpml>[0]).replace(/\n*$/, '\n');
}
