/**
 * File names as the system stores them (bytes) and as krant keeps them (strings).
 *
 * A name that is not valid UTF-8 (an old Latin-1 name, say) cannot be a plain string
 * without losing the bytes that open it. Each byte that is not part of a valid UTF-8
 * sequence is kept as NUL followed by the character of that byte's value: a NUL never
 * occurs in a real file name, so the form is unambiguous and turns back into the same
 * bytes; with the NULs dropped (as sanitising does for display) the name reads as
 * Latin-1 would (`caf\xe9` prints as `café`).
 */

const MARK = '\0';

/** The bytes of a name as a string: valid UTF-8 decoded, every other byte kept as NUL + that byte. */
export function nameFromBytes(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let cp = n === 1 ? b : n === 2 ? b & 0x1f : n === 3 ? b & 0x0f : b & 0x07;
    let ok = n > 0 && i + n <= bytes.length;
    for (let k = 1; ok && k < n; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    // no overlong forms, no surrogates, nothing past U+10FFFF
    if (ok && ((n === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (n === 4 && (cp < 0x10000 || cp > 0x10ffff)))) ok = false;
    if (ok) {
      out += String.fromCodePoint(cp);
      i += n;
    } else {
      out += MARK + String.fromCharCode(b);
      i += 1;
    }
  }
  return out;
}

/** Does this name hold bytes that are not UTF-8 (so that it must be opened by its bytes)? */
export const hasRawBytes = (name: string): boolean => name.includes(MARK);

/**
 * A name as printed and typed back: without its NUL marks (no argument can hold a NUL),
 * so `caf\0\xe9` prints as `café`, which opens it again (`--print` finds an id by its printed form).
 */
export const printableName = (name: string): string => name.replaceAll(MARK, '');

/** The bytes of a name made by `nameFromBytes`. */
export function nameToBytes(name: string): Uint8Array {
  const parts: number[] = [];
  const enc = new TextEncoder();
  let i = 0;
  while (i < name.length) {
    const at = name.indexOf(MARK, i);
    const end = at < 0 ? name.length : at;
    for (const b of enc.encode(name.slice(i, end))) parts.push(b);
    if (at < 0) break;
    parts.push(name.charCodeAt(at + 1) & 0xff);
    i = at + 2;
  }
  return Uint8Array.from(parts);
}
