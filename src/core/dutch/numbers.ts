/**
 * Numbers as search reads them: `2.000`, `2000` and `tweeduizend` are one number; `1,5`
 * and `anderhalf` another. Each is written as one token the index can hold: its digits,
 * a decimal part after a `d` (`1d5`).
 */

const UNITS: Record<string, number> = { een: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9 };
const TEENS: Record<string, number> = {
  tien: 10, elf: 11, twaalf: 12, dertien: 13, veertien: 14, vijftien: 15, zestien: 16, zeventien: 17, achttien: 18, negentien: 19,
};
const TENS: Record<string, number> = { twintig: 20, dertig: 30, veertig: 40, vijftig: 50, zestig: 60, zeventig: 70, tachtig: 80, negentig: 90 };

function below100(w: string): number | null {
  if (w in UNITS) return UNITS[w]!;
  if (w in TEENS) return TEENS[w]!;
  if (w in TENS) return TENS[w]!;
  const m = /^([a-z]+?)en([a-z]+)$/.exec(w); // vijfentwintig (folded from tweeëntwintig too)
  return m && m[1]! in UNITS && m[2]! in TENS ? UNITS[m[1]!]! + TENS[m[2]!]! : null;
}

function below1000(w: string): number | null {
  const at = w.indexOf('honderd');
  if (at < 0) return below100(w);
  const before = w.slice(0, at);
  let after = w.slice(at + 7);
  if (after.startsWith('en') && !(after in TENS)) after = after.slice(2); // honderdenvijf
  const times = before === '' ? 1 : UNITS[before];
  const rest = after === '' ? 0 : below100(after);
  return times === undefined || rest === null ? null : times * 100 + rest;
}

/** The value of a Dutch number word (folded): `zeventien` 17, `tweeduizend` 2000, `anderhalf` 1.5; not `een`, which is mostly `a`. */
export function numberWordValue(w: string): number | null {
  if (w === 'anderhalf' || w === 'anderhalve') return 1.5;
  if (w === 'een' || w.length < 3 || !/^[a-z]+$/.test(w)) return null;
  const at = w.indexOf('duizend');
  if (at < 0) return below1000(w);
  const before = w.slice(0, at);
  let after = w.slice(at + 7);
  if (after.startsWith('en')) after = after.slice(2);
  const times = before === '' ? 1 : below1000(before);
  const rest = after === '' ? 0 : below1000(after);
  return times === null || rest === null ? null : times * 1000 + rest;
}

// 2.000 · 2.000,5 · 1,5 · 12
const DIGITS = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;

/** The token of a number written in digits, Dutch style (`2.000` → `2000`, `1,5` → `1d5`), or null. */
export function digitsToken(text: string): string | null {
  const m = DIGITS.exec(text);
  if (!m) return null;
  const whole = m[1]!.replace(/\./g, '').replace(/^0+(?=\d)/, '');
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  return fraction ? `${whole}d${fraction}` : whole;
}

/** The token of a number's value. */
export function valueToken(n: number): string {
  const [whole, fraction] = String(n).split('.');
  return fraction ? `${whole}d${fraction}` : whole!;
}
