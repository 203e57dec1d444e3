// fdlibm's e_exp.c (Sun Microsystems, 1993; "Permission to use, copy, modify, and
// distribute this software is freely granted, provided that this notice is preserved"),
// ported with + − × ÷ only, so it returns the same bits in every JavaScript engine.

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700e0;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;
const OVERFLOW = 7.09782712893383973096e2;
const UNDERFLOW = -7.45133219101941108420e2;

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // word order of this platform

/** 2^k for −1022 ≤ k ≤ 1023, built from its bits (exact). */
function powerOfTwo(k: number): number {
  words[HIGH] = (k + 1023) << 20;
  words[1 - HIGH] = 0;
  return bits[0];
}

/**
 * eˣ, correctly rounded in almost all cases (error < 1 ulp), computed with + − × ÷
 * only: the same bits in Node, Chromium and every other engine, unlike the host's exp,
 * whose last bit differs between engines. Use it wherever an exponential feeds a
 * result that must be reproducible (schedules, NAdam's momentum decay).
 *
 * Algorithm (fdlibm): reduce x = k·ln2 + r with |r| ≤ ln2/2 (ln2 split in two parts so
 * k·ln2_hi is exact), approximate e^r by a degree-5 Remez rational form, scale by 2^k.
 *
 * @example
 * ```ts
 * deterministicExp(1); // 2.7182818284590455 (fdlibm; within 1 ulp of e)
 * ```
 */
export function deterministicExp(x: number): number {
  if (x !== x) return x;
  if (x > OVERFLOW) return Infinity;
  if (x < UNDERFLOW) return 0;
  const magnitude = Math.abs(x);
  let hi = 0, lo = 0, k = 0;
  if (magnitude > 0.5 * 0.6931471805599453) {
    if (magnitude < 1.5 * 0.6931471805599453) {
      k = x < 0 ? -1 : 1;
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    } else {
      k = Math.trunc(INV_LN2 * x + (x < 0 ? -0.5 : 0.5));
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (magnitude < 3.725290298461914e-9) {
    return 1 + x; // |x| < 2^-28
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  if (k >= -1021) return k === 1024 ? y * 2 * powerOfTwo(1023) : y * powerOfTwo(k);
  return y * powerOfTwo(k + 1000) * powerOfTwo(-1000);
}
