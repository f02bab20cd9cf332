/** The list's views: which articles it shows. Shared by the store, the reader and printing. */

export type View = 'all' | 'unread' | 'saved';
export const VIEWS: readonly View[] = ['all', 'unread', 'saved'];
