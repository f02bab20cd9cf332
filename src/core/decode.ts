/** Bytes from a file to text: UTF-8 when it is valid, else Windows-1252. */

const utf8 = new TextDecoder('utf-8', { fatal: true });
// Windows-1252 differs from Latin-1 only in 0x80-0x9F; undefined bytes there stay C1 and are sanitised later.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)));
  }
  return out;
}

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
 * True when the bytes look like a binary file rather than text: in the first 8 KB, at
 * least 8 control bytes that text does not use (NUL and the other C0 controls but tab,
 * newline, vertical tab, form feed, carriage return and escape), making 2 % of it or more.
 * Random bytes and compressed data have about 12 %; a stray NUL or escape in an article
 * is not that, and is sanitised instead.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  let controls = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!;
    if (b < 0x20 && (b < 0x09 || b > 0x0d) && b !== 0x1b) controls++;
  }
  return controls >= 8 && controls * 50 >= head.length;
}
