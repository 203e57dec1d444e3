import { DownhillError } from "../DownhillError";

// fdlibm / FreeBSD msun constants (k_cos.c, k_sin.c, e_rem_pio2.c), Sun Microsystems 1993.
// Each decimal literal parses to the double named by its hex pattern in every engine.
const C1 = 4.16666666666666019037e-2; //   0x3FA55555 5555554C
const C2 = -1.38888888888741095749e-3; //  0xBF56C16C 16C15177
const C3 = 2.48015872894767294178e-5; //   0x3EFA01A0 19CB1590
const C4 = -2.75573143513906633035e-7; //  0xBE927E4F 809C52AD
const C5 = 2.0875723212981748279e-9; //    0x3E21EE9E BDB4B1C4
const C6 = -1.13596475577881948265e-11; // 0xBDA8FAE9 BE8838D4
const S1 = -1.66666666666666324348e-1; //  0xBFC55555 55555549
const S2 = 8.33333333332248946124e-3; //   0x3F811111 1110F8A6
const S3 = -1.98412698298579493134e-4; //  0xBF2A01A0 19C161D5
const S4 = 2.75573137070700676789e-6; //   0x3EC71DE3 57B1FE7D
const S5 = -2.50507602534068634195e-8; //  0xBE5AE5E6 8A2B9CEB
const S6 = 1.58969099521155010221e-10; //  0x3DE5D93A 5ACFD57C
const INV_PIO2 = 6.36619772367581382433e-1; // 2/π        0x3FE45F30 6DC9C883
const PIO2_1 = 1.57079632673412561417; //  first 33 bits of π/2       0x3FF921FB 54400000
const PIO2_2 = 6.0771005063039659766e-11; //  second 33 bits of π/2   0x3DD0B461 1A600000
const PIO2_3 = 2.0222662487111664558e-21; //  third 33 bits of π/2    0x3BA3198A 2E000000
const PIO2_3T = 8.47842766036889956997e-32; // π/2 − (PIO2_1 + PIO2_2 + PIO2_3) 0x397B839A 252049C1
/** |x| below this goes to kernelCos directly: the double 0x3FE921FC00000000, just above π/4. */
const PIO4_BOUND = 0.7853984832763671875;
/** Largest |x| accepted: 2^19·(π/2) rounded down, where n·PIO2_k stays exact. */
const MAX_ARGUMENT = 823549;

/**
 * cos(x), computed with + − × ÷ only, so it returns the same bits in every JavaScript
 * engine (the built-in cosine is only "implementation-approximated" by the ECMAScript standard,
 * and Node and browsers differ in its last bit). Accurate to < 1 ulp; within 2 ulps
 * of any engine's built-in cosine on its whole domain.
 *
 * Method (fdlibm's cos, Sun Microsystems 1993, as in FreeBSD msun):
 * 1. Reduction (Cody & Waite 1980): n = round(|x|·2/π), y = |x| − n·π/2, where π/2 is
 *    split into three 33-bit parts plus a 53-bit tail, so every product n·part is
 *    exact for n < 2^20 and y is carried as an unevaluated sum y0 + y1 with about
 *    150 bits of π/2 (enough even right next to a multiple of π/2). The three
 *    subtraction stages are always all done, with exact error terms (Knuth's two-sum).
 * 2. Kernels on [−π/4, π/4] (fdlibm __kernel_cos / __kernel_sin): fixed minimax
 *    polynomials, cos(y) ≈ 1 − y²/2 + y⁴·(C1 + y²·C2 + … + y¹⁰·C6) with error
 *    < 2^−58, and sin(y) ≈ y + y³·(S1 + y²·S2 + … + y¹⁰·S6) with error < 2^−58,
 *    each with the y1 correction term.
 * 3. By n mod 4: cos(y), −sin(y), −cos(y), sin(y).
 *
 * Domain: NaN and ±Infinity give NaN; |x| ≤ 823549 (= 2^19·π/2, rounded down) is
 * computed; larger |x| throws a `DownhillError` (INVALID_OPTION), because the
 * reduction above would need Payne–Hanek's method, which this library does not need
 * (schedules only call it on [0, π/2]).
 *
 * @example
 * ```ts
 * deterministicCos(0);              // 1
 * deterministicCos(Math.PI / 3);    // 0.5000000000000001, in Node and in every browser
 * ```
 */
export function deterministicCos(x: number): number {
  if (x !== x || x === Infinity || x === -Infinity) return NaN;
  const t = x < 0 ? -x : x;
  if (t < PIO4_BOUND) return kernelCos(t, 0);
  if (t > MAX_ARGUMENT) {
    throw new DownhillError(
      "INVALID_OPTION",
      `deterministicCos: |x| must be at most ${MAX_ARGUMENT}, got ${x}.`,
      "x",
    );
  }
  const n = Math.floor(t * INV_PIO2 + 0.5);
  // t − n·PIO2_1 is exact (n·PIO2_1 has ≤ 53 bits and lies within a factor 2 of t).
  let hi = t - n * PIO2_1;
  let lo = 0;
  // hi + lo ← hi − n·PIO2_2, then − n·PIO2_3 (both products exact), errors kept exactly.
  let w = n * PIO2_2;
  let s = hi - w;
  let bb = s - hi;
  lo += hi - (s - bb) - (w + bb);
  hi = s;
  w = n * PIO2_3;
  s = hi - w;
  bb = s - hi;
  lo += hi - (s - bb) - (w + bb);
  hi = s;
  lo -= n * PIO2_3T;
  const y0 = hi + lo;
  const y1 = hi - y0 + lo;
  switch (n % 4) {
    case 0:
      return kernelCos(y0, y1);
    case 1:
      return -kernelSin(y0, y1);
    case 2:
      return -kernelCos(y0, y1);
    default:
      return kernelSin(y0, y1);
  }
}

/** fdlibm __kernel_cos(x, y): cos(x + y) for |x| ≤ ~π/4, y a tiny tail of x. */
function kernelCos(x: number, y: number): number {
  const z = x * x;
  const w = z * z;
  const r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
  const hz = 0.5 * z;
  const v = 1 - hz;
  return v + (1 - v - hz + (z * r - x * y));
}

/** fdlibm __kernel_sin(x, y, 1): sin(x + y) for |x| ≤ ~π/4, y a tiny tail of x. */
function kernelSin(x: number, y: number): number {
  const z = x * x;
  const w = z * z;
  const r = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
  const v = z * x;
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}
