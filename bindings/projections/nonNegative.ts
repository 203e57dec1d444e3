import { DownhillError } from "../DownhillError";
import type { FloatArray } from "../FloatArray";
import { validate } from "../validate";
import type { Projection } from "./Projection";

/**
 * Projection onto the nonnegative orthant { x : x_i ≥ 0 }:
 * ```
 * P(x)_i = max(x_i, 0)
 * ```
 * Negative entries (and −Infinity) become exactly +0; nonnegative entries, including
 * −0 (which equals 0) and +Infinity, are left exactly as they are; NaN stays NaN.
 * Takes no options (an options object with any key throws). Never allocates. Same as
 * `box({ lower: 0 })`.
 *
 * Reference: the closed form, e.g. Beck (2017), "First-Order Methods in
 * Optimization", SIAM, Lemma 6.26 (box with lower bound 0).
 *
 * @example
 * ```ts
 * const positive = nonNegative();
 * const x = new Float64Array([1.5, -2, 0]);
 * positive.project(x);                    // x = [1.5, 0, 0]
 * ```
 */
export function nonNegative(options?: Record<string, never>): Projection {
  if (options !== undefined) {
    if (options === null || typeof options !== "object" || Array.isArray(options)) {
      throw new DownhillError("WRONG_TYPE", "nonNegative: takes no options; call nonNegative().", "options");
    }
    const keys = Object.keys(options);
    if (keys.length > 0) {
      throw new DownhillError(
        "UNKNOWN_OPTION",
        `nonNegative: unknown option "${keys[0]}"; nonNegative takes no options (for other bounds use box).`,
        keys[0],
      );
    }
  }
  return {
    name: "nonNegative",
    project(x: FloatArray): void {
      validate.floatArray("nonNegative.project", "x", x);
      const n = x.length;
      for (let i = 0; i < n; i++) if (x[i] < 0) x[i] = 0;
    },
  };
}
