/**
 * The bytes of a feed or page to text, in the character set it says it is in: the HTTP
 * header, a BOM, the XML declaration or `<meta charset>`, in that order; else UTF-8 when
 * valid, else Windows-1252 (what a page without a word about it most often is).
 */

import { decodeBytes, decodeCp1252 } from '../decode.js';

const UTF8 = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);
// ISO-8859-1 and ASCII labels mean Windows-1252 on the web (the WHATWG encoding standard)
const CP1252 = new Set(['windows-1252', 'cp1252', 'iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'x-cp1252', 'iso_8859-1']);

/** The charset a Content-Type names, lower case, or ''. */
export function charsetOfContentType(contentType: string | null | undefined): string {
  const m = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '');
  return m ? m[1]!.toLowerCase() : '';
}

/** The charset the document declares in its first bytes (XML declaration, `<meta>`), or ''. */
export function declaredCharset(head: string): string {
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1]!.toLowerCase();
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta ? meta[1]!.toLowerCase() : '';
}

function decodeAs(label: string, bytes: Uint8Array): string | undefined {
  if (UTF8.has(label)) return new TextDecoder('utf-8').decode(bytes);
  if (CP1252.has(label)) return decodeCp1252(bytes);
  try {
    // Node's TextDecoder maps 0x80-0x9F wrongly for some single-byte sets unless streamed
    const d = new TextDecoder(label);
    return d.decode(bytes, { stream: true }) + d.decode();
  } catch {
    return undefined; // a label Node does not know: guess
  }
}

export function decodeDocument(bytes: Uint8Array, contentType?: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  const label = charsetOfContentType(contentType) || declaredCharset(decodeCp1252(bytes.subarray(0, 2048)));
  const text = label ? decodeAs(label, bytes) : undefined;
  return text ?? decodeBytes(bytes).text;
}
