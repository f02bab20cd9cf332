/** Bytes from a file to text: UTF-8 when it is valid, else Windows-1252. */

const utf8 = new TextDecoder('utf-8', { fatal: true });
// Windows-1252 differs from Latin-1 only in 0x80-0x9F; undefined bytes there stay C1 and are sanitised later.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)));
  }
  return out;
}

// The control bytes text does not use (all C0 but tab, newline, vertical tab, form feed, carriage return and escape).
const TEXT_CONTROLS = /[\x00-\x08\x0e-\x1a\x1c-\x1f]/g;
const NULS = /\x00/g;

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
}

const utf8Lenient = new TextDecoder('utf-8');

export function decodeBytes(bytes: Uint8Array): Decoded {
  // A BOM says UTF-8: a stray bad byte becomes U+FFFD, the rest of the file is not read as Windows-1252
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: utf8Lenient.decode(bytes.subarray(3)), encoding: 'utf-8' };
  let text: string;
  let encoding: Decoded['encoding'] = 'utf-8';
  try {
    text = utf8.decode(bytes);
  } catch {
    text = decodeCp1252(bytes);
    encoding = 'windows-1252';
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding };
}

/**
 * True when the bytes look like a binary file rather than text. A quarter control bytes
 * is never text. Valid UTF-8 is text, however hostile (it is sanitised), unless it holds a
 * run of NULs (UTF-16, a database).
 * Other bytes are binary when control bytes that text does not use (NUL and the other C0
 * controls but tab, newline, vertical tab, form feed, carriage return and escape) make
 * 2 % of the first 8 KB: random and compressed data have about 12 %, Windows-1252 text
 * next to none.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  // counted by native searches over the bytes as Latin-1, not by a loop per byte
  const latin1 = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
  const controls = latin1.match(TEXT_CONTROLS)?.length ?? 0;
  if (controls === 0) return false; // the usual case
  if (controls * 4 >= head.length) return true; // a quarter control bytes: no text, in any encoding
  if (isUtf8(head)) {
    const nul = latin1.match(NULS)?.length ?? 0;
    return nul >= 8 && nul * 100 >= head.length;
  }
  return controls >= 8 && controls * 50 >= head.length;
}

const utf8Check = new TextDecoder('utf-8', { fatal: true });

/** Valid UTF-8, allowing a character cut at the end (the head is a slice of the file). */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Check.decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  } finally {
    try {
      utf8Check.decode(); // the decoder starts afresh next time (a character cut at the end is dropped here)
    } catch {
      // that cut character: nothing to keep
    }
  }
}
