import { defineLeastSquares } from "./internal";
import type { TestProblem } from "./TestProblem";

const Y = [1.5, 2.25, 2.625];

/**
 * Beale — Moré, Garbow & Hillstrom (1981) problem 5.
 *
 * ```
 * f(x) = Σ_{i=1..3} fᵢ²,   fᵢ = yᵢ − x1·(1 − x2^i),   y = (1.5, 2.25, 2.625)
 * ```
 * - Dimension: n = 2 (m = 3 residuals).
 * - Start: x0 = (1, 1), f(x0) = 14.203125.
 * - Minimum: f* = 0 at x* = (3, 0.5).
 * - Source: MGH #5 (also scipy's global-optimisation benchmarks, class Beale).
 *
 * @example
 * ```ts
 * const p = beale();
 * p.value(p.x0); // 14.203125
 * ```
 */
export function beale(): TestProblem {
  return defineLeastSquares({
    id: "beale",
    name: "Beale",
    dim: 2,
    m: 3,
    x0: [1, 1],
    minimumValue: 0,
    minimizers: [[3, 0.5]],
    references: [
      "More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #5",
      "jlmelville/funconstrain R/05_beale.R",
      "scipy/scipy benchmarks/benchmarks/go_benchmark_functions/go_funcs_B.py (class Beale)",
    ],
    residuals(x, r) {
      const y = x[1];
      let p = 1;
      for (let i = 0; i < 3; i++) {
        p *= y; // x2^(i+1)
        r[i] = Y[i] - x[0] * (1 - p);
      }
    },
    jacobianTransposeTimes(x, r, out) {
      const y = x[1];
      let g0 = 0;
      let g1 = 0;
      let p = 1; // x2^i
      for (let i = 0; i < 3; i++) {
        // ∂rᵢ/∂x1 = −(1 − x2^(i+1)),  ∂rᵢ/∂x2 = (i+1)·x1·x2^i
        g1 += (i + 1) * x[0] * p * r[i];
        p *= y;
        g0 -= (1 - p) * r[i];
      }
      out[0] = g0;
      out[1] = g1;
    },
  });
}
