/**
 * A bounded cache keyed by a piece of a text, looked up without cutting the piece out: the
 * index reads every word of an archive, and a copy of each (to hash it for a Map) cost a
 * third of that reading. Open addressing over a hash of the piece's UTF-16 units; a hit
 * compares the units themselves, so two pieces never share an entry.
 */
export class RegionCache<V> {
  private readonly slots: Int32Array; // 0 empty, else 1 + the entry's index
  private readonly mask: number;
  private keys: string[] = [];
  private values: V[] = [];

  /** At most `limit` entries (then it starts again empty), in a table of twice that, rounded up to a power of two. */
  constructor(private readonly limit: number) {
    let size = 2;
    while (size < limit * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The value of `text[start, end)`, made by `make` from the piece the first time it is asked for. */
  get(text: string, start: number, end: number, make: (piece: string) => V): V {
    let h = 0x811c9dc5; // FNV-1a
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const len = end - start;
    let s = h & this.mask;
    for (let e = this.slots[s]!; e !== 0; e = this.slots[s]!) {
      const key = this.keys[e - 1]!;
      // the units compared natively, not one by one
      if (key.length === len && text.startsWith(key, start)) return this.values[e - 1]!;
      s = (s + 1) & this.mask;
    }
    const piece = text.slice(start, end);
    const value = make(piece);
    if (this.keys.length >= this.limit) {
      this.slots.fill(0);
      this.keys = [];
      this.values = [];
      return this.get(text, start, end, () => value);
    }
    this.keys.push(piece);
    this.values.push(value);
    this.slots[s] = this.keys.length;
    return value;
  }
}
