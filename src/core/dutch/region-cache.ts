/**
 * A bounded cache keyed by a piece of a text, looked up without cutting the piece out: the
 * index reads every word of an archive, and a copy of each (to hash it for a Map) cost a
 * third of that reading. Open addressing over a hash of the piece's UTF-16 units; a hit
 * compares the units themselves, so two pieces never share an entry.
 */
export class RegionCache<V> {
  // The table grows with its entries (kept at most half full), and the keys' units are kept
  // side by side in one array: what a lookup reads stays close together (indexTexts ran
  // 16 % faster than with the keys as strings, in a table of full size from the start).
  private slots = new Int32Array(MIN_SLOTS); // 0 empty, else 1 + the entry's index
  private mask = MIN_SLOTS - 1;
  private hashes = new Int32Array(MIN_SLOTS / 2);
  private starts = new Int32Array(MIN_SLOTS / 2 + 1); // entry e's units: units[starts[e], starts[e + 1])
  private units = new Uint16Array(MIN_SLOTS * 4);
  private values: V[] = [];

  /** At most `limit` entries (then it starts again empty). */
  constructor(private readonly limit: number) {}

  /** The value of `text[start, end)`, made by `make` from the piece the first time it is asked for. */
  get(text: string, start: number, end: number, make: (piece: string) => V): V {
    let h = 0x811c9dc5; // FNV-1a
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const len = end - start;
    let s = h & this.mask;
    for (let e = this.slots[s]!; e !== 0; e = this.slots[s]!) {
      if (this.hashes[e - 1] === h && this.matches(e - 1, text, start, len)) return this.values[e - 1]!;
      s = (s + 1) & this.mask;
    }
    const value = make(text.slice(start, end));
    if (this.values.length >= this.limit) this.clear();
    if ((this.values.length + 1) * 2 > this.slots.length) this.grow();
    this.add(h, text, start, end, value);
    return value;
  }

  private matches(e: number, text: string, start: number, len: number): boolean {
    const from = this.starts[e]!;
    if (this.starts[e + 1]! - from !== len) return false;
    for (let i = 0; i < len; i++) if (this.units[from + i] !== text.charCodeAt(start + i)) return false;
    return true;
  }

  private add(h: number, text: string, start: number, end: number, value: V): void {
    const e = this.values.length;
    const from = this.starts[e]!;
    if (from + end - start > this.units.length) {
      const more = new Uint16Array(Math.max(this.units.length * 2, from + end - start));
      more.set(this.units);
      this.units = more;
    }
    for (let i = start; i < end; i++) this.units[from + i - start] = text.charCodeAt(i);
    this.starts[e + 1] = from + end - start;
    this.hashes[e] = h;
    this.values.push(value);
    let s = h & this.mask;
    while (this.slots[s] !== 0) s = (s + 1) & this.mask;
    this.slots[s] = e + 1;
  }

  private grow(): void {
    const entries = this.values.length;
    this.slots = new Int32Array(this.slots.length * 2);
    this.mask = this.slots.length - 1;
    const hashes = new Int32Array(this.slots.length / 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
    const starts = new Int32Array(this.slots.length / 2 + 1);
    starts.set(this.starts);
    this.starts = starts;
    for (let e = 0; e < entries; e++) {
      let s = this.hashes[e]! & this.mask;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = e + 1;
    }
  }

  private clear(): void {
    this.slots = new Int32Array(MIN_SLOTS);
    this.mask = MIN_SLOTS - 1;
    this.hashes = new Int32Array(MIN_SLOTS / 2);
    this.starts = new Int32Array(MIN_SLOTS / 2 + 1);
    this.values = [];
  }
}

const MIN_SLOTS = 1024;
