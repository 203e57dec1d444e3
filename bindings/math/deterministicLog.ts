const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const SQRT_HALF = 0.7071067811865476;
const TWO_54 = 18014398509481984;

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * ln x for x > 0 with + − × ÷ and bit manipulation only, so it gives the same bits in
 * every engine (unlike the host's logarithm). Error within a few ulp. Used by the seeded
 * normal generator; NaN for x ≤ 0 or NaN, Infinity for Infinity.
 *
 * Algorithm: x = f·2^e with f ∈ [√½, √2); ln f = 2·atanh(z), z = (f − 1)/(f + 1),
 * |z| ≤ 0.172, by its odd series to z²¹; ln x = e·ln2 + ln f (ln 2 split in two).
 *
 * @example
 * ```ts
 * deterministicLog(Math.E); // ≈ 1
 * ```
 */
export function deterministicLog(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return x;
  let e = 0;
  if (x < 2.2250738585072014e-308) {
    x *= TWO_54; // subnormal: scale into the normal range
    e = -54;
  }
  bits[0] = x;
  const high = words[HIGH];
  e += ((high >>> 20) & 0x7ff) - 1023;
  words[HIGH] = (high & 0x000fffff) | 0x3ff00000; // f ∈ [1, 2)
  let f = bits[0];
  if (f > 2 * SQRT_HALF) {
    f = f / 2;
    e += 1;
  }
  const z = (f - 1) / (f + 1);
  const z2 = z * z;
  // 2·atanh z = 2z·(1 + z²/3 + z⁴/5 + … + z²⁰/21)
  let series = 1 / 21;
  for (let k = 19; k >= 1; k -= 2) series = 1 / k + z2 * series;
  const lnF = 2 * z * series;
  return e * LN2_HI + (e * LN2_LO + lnF);
}
