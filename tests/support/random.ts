/** mulberry32: a small seeded generator, so every run and every engine sees the same data. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Hostile test data: ordinary values over many magnitudes, signed zeros, denormals
 * (subnormals) and values large enough that products overflow.
 */
export function hostileValues(n: number, precision: "float64" | "float32", seed: number): number[] {
  const random = seeded(seed);
  const tiny = precision === "float64" ? 5e-324 : 1.401298464324817e-45;
  const huge = precision === "float64" ? 1e300 : 1e37;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = random();
    const sign = random() < 0.5 ? -1 : 1;
    let x: number;
    if (u < 0.04) x = sign * 0;
    else if (u < 0.08) x = sign * tiny * Math.floor(1 + random() * 1000);
    else if (u < 0.1) x = sign * huge * (1 + random());
    else x = sign * (0.5 + random()) * 10 ** Math.floor(random() * 8 - 4);
    out.push(x);
  }
  return out;
}

/** Index of the first element where a and b differ as values (NaN equals NaN, −0 ≠ +0), or −1. */
export function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}
