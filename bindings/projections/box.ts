import { DownhillError } from "../DownhillError";
import type { FloatArray } from "../FloatArray";
import { validate } from "../validate";
import type { Projection } from "./Projection";

/** Options of {@link box}. */
export interface BoxOptions {
  /**
   * Lower bound: one number for every coordinate, or a Float64Array/Float32Array with
   * one bound per coordinate (−Infinity allowed: no bound). Default −Infinity.
   */
  lower?: number | FloatArray;
  /**
   * Upper bound: one number for every coordinate, or a Float64Array/Float32Array with
   * one bound per coordinate (+Infinity allowed: no bound). Default +Infinity.
   */
  upper?: number | FloatArray;
}

const OPTIONS = ["lower", "upper"] as const;

/**
 * Projection onto the box { x : lower_i ≤ x_i ≤ upper_i }, coordinate by coordinate:
 * ```
 * P(x)_i = min(max(x_i, lower_i), upper_i)
 * ```
 * Bounds may be numbers (the same for every coordinate) or arrays (per coordinate,
 * copied when the projection is made, so later changes to them have no effect);
 * `lower_i ≤ upper_i` is checked for every i. Defaults: lower −Infinity, upper
 * +Infinity. Entries inside the box are left exactly as they are (including −0 when
 * a bound is 0); ±Infinity entries clamp to the bounds; NaN entries stay NaN. For a
 * Float32Array x, a bound that is written is rounded to the nearest float32.
 *
 * `project(x)` throws a `DownhillError` (leaving x untouched) when a bound is an
 * array whose length differs from x. It never allocates.
 *
 * Reference: the closed form, e.g. Beck (2017), "First-Order Methods in
 * Optimization", SIAM, Lemma 6.26.
 *
 * @example
 * ```ts
 * const unitBox = box({ lower: 0, upper: 1 });
 * const x = new Float64Array([-0.5, 0.3, 7]);
 * unitBox.project(x);                     // x = [0, 0.3, 1]
 * ```
 */
export function box(options?: BoxOptions): Projection {
  const o = validate.options("box", options, OPTIONS);
  const lower = bound(o.lower, "lower", -Infinity);
  const upper = bound(o.upper, "upper", Infinity);
  if (typeof lower !== "number" && typeof upper !== "number" && lower.length !== upper.length) {
    throw new DownhillError(
      "LENGTH_MISMATCH",
      `box: lower has ${lower.length} entries but upper has ${upper.length}; per-coordinate bounds need one entry per coordinate.`,
      "upper",
    );
  }
  const length = typeof lower !== "number" ? lower.length : typeof upper !== "number" ? upper.length : -1;
  for (let i = 0; i < (length < 0 ? 1 : length); i++) {
    const lo = typeof lower === "number" ? lower : lower[i];
    const hi = typeof upper === "number" ? upper : upper[i];
    if (lo > hi) {
      const where = length < 0 ? "" : ` at coordinate ${i}`;
      throw new DownhillError(
        "INVALID_OPTION",
        `box: lower must be ≤ upper${where}, got lower = ${lo} > upper = ${hi}.`,
        "lower",
      );
    }
  }
  const lowerScalar = typeof lower === "number" ? lower : 0;
  const upperScalar = typeof upper === "number" ? upper : 0;
  const lowerArray = typeof lower === "number" ? null : lower;
  const upperArray = typeof upper === "number" ? null : upper;
  return {
    name: "box",
    project(x: FloatArray): void {
      validate.floatArray("box.project", "x", x);
      if (length >= 0 && x.length !== length) {
        throw new DownhillError(
          "LENGTH_MISMATCH",
          `box.project: x has ${x.length} entries but the per-coordinate bounds have ${length}.`,
          "x",
        );
      }
      const n = x.length;
      for (let i = 0; i < n; i++) {
        const v = x[i];
        const lo = lowerArray === null ? lowerScalar : lowerArray[i];
        const hi = upperArray === null ? upperScalar : upperArray[i];
        if (v < lo) x[i] = lo;
        else if (v > hi) x[i] = hi;
      }
    },
  };
}

/** A bound: a number other than NaN and the wrong infinity, or a copied array of such numbers. */
function bound(value: unknown, name: "lower" | "upper", fallback: number): number | Float64Array {
  if (value === undefined) return fallback;
  const forbidden = name === "lower" ? Infinity : -Infinity;
  const check = (v: number, where: string): void => {
    if (Number.isNaN(v) || v === forbidden) {
      throw new DownhillError(
        "INVALID_OPTION",
        `box: ${name}${where} must be a number other than NaN and ${forbidden}, got ${v}.`,
        name,
      );
    }
  };
  if (typeof value === "number") {
    check(value, "");
    return value;
  }
  if (!(value instanceof Float64Array || value instanceof Float32Array)) {
    throw new DownhillError(
      "WRONG_TYPE",
      `box: ${name} must be a number or a Float64Array/Float32Array of per-coordinate bounds, got ${
        value === null ? "null" : Array.isArray(value) ? "an Array" : typeof value
      }. Convert an array with Float64Array.from(${name}).`,
      name,
    );
  }
  validate.floatArray("box", name, value);
  for (let i = 0; i < value.length; i++) check(value[i], `[${i}]`);
  return Float64Array.from(value);
}
