import { defineProblem } from "./internal";
import type { TestProblem } from "./TestProblem";

/**
 * Six-hump camel function.
 *
 * ```
 * f(x) = (4 − 2.1·x1² + x1⁴/3)·x1² + x1·x2 + (−4 + 4·x2²)·x2²
 * ```
 * Do not start at (0, 0): it is a stationary point (f = 0, ∇f = 0).
 * - Dimension: n = 2.
 * - Start: x0 = (1, −1) (chosen for this library; BFGS from here reaches (0.0898, −0.7127)),
 *   f(x0) ≈ 1.23333.
 * - Minimum: f* ≈ −1.0316284534898774 at ±(0.0898420137, −0.7126564033); both in `minimizers`.
 * - Source: scipy global-optimisation benchmarks (class SixHumpCamel).
 *
 * @example
 * ```ts
 * const p = sixHumpCamel();
 * p.value(p.x0); // ≈ 1.23333
 * ```
 */
export function sixHumpCamel(): TestProblem {
  return defineProblem({
    id: "sixHumpCamel",
    name: "Six-hump camel",
    dim: 2,
    x0: [1, -1],
    minimumValue: -1.0316284534898774,
    minimizers: [
      [0.08984201368301331, -0.7126564032704135],
      [-0.08984201368301331, 0.7126564032704135],
    ],
    references: ["scipy/scipy benchmarks/benchmarks/go_benchmark_functions/go_funcs_S.py (class SixHumpCamel)"],
    evaluate(x, out) {
      const a = x[0];
      const b = x[1];
      const a2 = a * a;
      const b2 = b * b;
      if (out !== null) {
        out[0] = 8 * a - 8.4 * a2 * a + 2 * a2 * a2 * a + b;
        out[1] = a - 8 * b + 16 * b2 * b;
      }
      return (4 - 2.1 * a2 + (a2 * a2) / 3) * a2 + a * b + (-4 + 4 * b2) * b2;
    },
  });
}
