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

export function decodeBytes(bytes: Uint8Array): Decoded {
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

/** True when the bytes look like a binary file rather than text (NUL bytes early on). */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  let at = head.indexOf(0);
  if (at < 0) return false; // the usual case, found natively
  let nul = 0;
  for (; at >= 0; at = head.indexOf(0, at + 1)) nul++;
  return nul * 100 >= head.length; // a stray NUL in text is sanitised, a run of them is binary
}
