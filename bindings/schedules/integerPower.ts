/**
 * Internal: base^exponent for an integer exponent ≥ 0 by binary exponentiation
 * (square-and-multiply, exponent bits from least significant): only ×, so the same
 * bits in every engine, unlike the built-in pow. O(log exponent) multiplications; relative
 * error below about 2·log2(exponent) + 1 ulps. The exponent must be a safe integer.
 *
 * @example
 * ```ts
 * integerPower(0.5, 3);    // 0.125
 * integerPower(0.9, 0);    // 1
 * ```
 */
export function integerPower(base: number, exponent: number): number {
  let result = 1;
  let square = base;
  let e = exponent;
  while (e > 0) {
    if (e % 2 === 1) result *= square;
    e = Math.floor(e / 2);
    if (e > 0) square *= square;
  }
  return result;
}
