import type { FloatArray } from "../FloatArray";

/**
 * Internal: the relative slack within which a point counts as already feasible (and is
 * then left untouched) — 4 units of roundoff of the array's precision, 4·2^−52 for a
 * Float64Array and 4·2^−23 for a Float32Array. It absorbs the rounding of a previous
 * projection, so projecting twice gives bit-identical results.
 *
 * @example
 * ```ts
 * const inside = norm <= radius * (1 + feasibilitySlack(x));
 * ```
 */
export function feasibilitySlack(x: FloatArray): number {
  return x instanceof Float32Array ? 4 * 1.1920928955078125e-7 : 4 * Number.EPSILON;
}
