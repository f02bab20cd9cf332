/**
 * The subscriptions file, read and written by hand like newsboat's `urls`: one feed a
 * line, `URL [name] [#tag …]`, `#` at the start of a line for a comment. Editing keeps
 * every other line (comments, order) as the user wrote it.
 */

import { slug } from './article-file.js';

export interface Subscription {
  url: string;
  /** The name the user or the feed gave; '' when none. */
  name: string;
  tags: string[];
}

export interface SubscriptionProblem {
  line: number;
  what: string;
}

/** A subscription's line: the parts with one space between, tags as `#tag`. */
export function subscriptionLine(s: Subscription): string {
  const name = s.name.replace(/\s+/g, ' ').replace(/(^|\s)#/g, '$1').trim();
  return [s.url, name, ...s.tags.map((t) => '#' + t.replace(/\s+/g, '-'))].filter(Boolean).join(' ');
}

/** Is this an address krant fetches (http or https, nothing else)? */
export function isWebAddress(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname;
  } catch {
    return false;
  }
}

export function parseSubscriptions(text: string): { subscriptions: Subscription[]; problems: SubscriptionProblem[] } {
  const subscriptions: Subscription[] = [];
  const problems: SubscriptionProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [url, ...rest] = line.split(/\s+/);
    if (!isWebAddress(url!)) {
      problems.push({ line: i + 1, what: `not an http(s) address: ${url}` });
      return;
    }
    if (subscriptions.some((s) => s.url === url)) return;
    const tags = rest.filter((w) => w.startsWith('#') && w.length > 1).map((w) => w.slice(1));
    const name = rest.filter((w) => !w.startsWith('#')).join(' ');
    subscriptions.push({ url: url!, name, tags });
  });
  return { subscriptions, problems };
}

/** The file with these subscriptions added at the end (an address already there is left as it is). */
export function withAdded(text: string, added: Subscription[]): string {
  const have = new Set(parseSubscriptions(text).subscriptions.map((s) => s.url));
  const lines = added.filter((s) => !have.has(s.url)).map(subscriptionLine);
  if (lines.length === 0) return text;
  const base = text === '' ? '# krant subscriptions: one feed a line, URL [name] [#tag …]\n' : text.endsWith('\n') ? text : text + '\n';
  return base + lines.join('\n') + '\n';
}

/** The file without the lines of these addresses; every other line kept. */
export function withRemoved(text: string, urls: Set<string>): string {
  return text
    .split(/(?<=\n)/)
    .filter((raw) => {
      const line = raw.trim();
      return !line || line.startsWith('#') || !urls.has(line.split(/\s+/)[0]!);
    })
    .join('');
}

/** What a subscription is called: its name, else its address's host. */
export function feedName(s: Subscription): string {
  if (s.name) return s.name;
  try {
    return new URL(s.url).hostname.replace(/^www\./, '');
  } catch {
    return s.url;
  }
}

/** The folder a feed's articles go in, inside the articles folder. */
export const feedFolder = (s: Subscription): string => slug(feedName(s), 60, 'feed');

/** The subscriptions `which` names: by address, or by name (any case). */
export function findSubscriptions(all: Subscription[], which: string): Subscription[] {
  const w = which.trim().toLowerCase();
  return all.filter((s) => s.url === which.trim() || feedName(s).toLowerCase() === w);
}
