import { defineProblem } from "./internal";
import type { TestProblem } from "./TestProblem";

/**
 * Three-hump camel function.
 *
 * ```
 * f(x) = 2·x1² − 1.05·x1⁴ + x1⁶/6 + x1·x2 + x2²
 * ```
 * - Dimension: n = 2.
 * - Start: x0 = (1, 1) (chosen for this library; BFGS from here reaches the global
 *   minimiser), f(x0) ≈ 3.11667. From (−1.5, 1.5) descent methods stop at a local minimum.
 * - Minimum: f* = 0 at x* = (0, 0); local minima f ≈ 0.298638 at ±(1.747552, −0.873776).
 * - Source: scipy global-optimisation benchmarks (class ThreeHumpCamel).
 *
 * @example
 * ```ts
 * const p = threeHumpCamel();
 * p.value(p.x0); // ≈ 3.11667
 * ```
 */
export function threeHumpCamel(): TestProblem {
  return defineProblem({
    id: "threeHumpCamel",
    name: "Three-hump camel",
    dim: 2,
    x0: [1, 1],
    minimumValue: 0,
    minimizers: [[0, 0]],
    references: ["scipy/scipy benchmarks/benchmarks/go_benchmark_functions/go_funcs_T.py (class ThreeHumpCamel)"],
    evaluate(x, out) {
      const a = x[0];
      const b = x[1];
      const a2 = a * a;
      const a4 = a2 * a2;
      if (out !== null) {
        out[0] = 4 * a - 4.2 * a2 * a + a4 * a + b;
        out[1] = a + 2 * b;
      }
      return 2 * a2 - 1.05 * a4 + (a4 * a2) / 6 + a * b + b * b;
    },
  });
}
