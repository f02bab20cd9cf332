/**
 * What Ink and its helpers (wrap-ansi, cli-truncate, widest-line) get when they import
 * `string-width` (the build points them here): krant's own measure, so that Ink lays out
 * a line at the width krant fitted it to, and no second width table is built at start.
 */

import { styledWidth } from '../core/width.js';

export default function stringWidth(text: string): number {
  return typeof text === 'string' && text.length > 0 ? styledWidth(text) : 0;
}
