import { defineProblem } from "./internal";
import type { TestProblem } from "./TestProblem";

/**
 * Matyas' function, a convex quadratic.
 *
 * ```
 * f(x) = 0.26·(x1² + x2²) − 0.48·x1·x2
 * ```
 * Hessian [[0.52, −0.48], [−0.48, 0.52]], eigenvalues 0.04 and 1 (condition number 25);
 * x0 lies on the slow eigenvector.
 * - Dimension: n = 2.
 * - Start: x0 = (6, 6) (as in optax's L-BFGS tests), f(x0) = 1.44.
 * - Minimum: f* = 0 at x* = (0, 0).
 * - Source: scipy global-optimisation benchmarks (class Matyas); optax lbfgs_test.py.
 *
 * @example
 * ```ts
 * const p = matyas();
 * p.value(p.x0); // ≈ 1.44
 * ```
 */
export function matyas(): TestProblem {
  return defineProblem({
    id: "matyas",
    name: "Matyas",
    dim: 2,
    x0: [6, 6],
    minimumValue: 0,
    minimizers: [[0, 0]],
    references: [
      "scipy/scipy benchmarks/benchmarks/go_benchmark_functions/go_funcs_M.py (class Matyas)",
      "google-deepmind/optax optax/_src/lbfgs_test.py",
    ],
    evaluate(x, out) {
      const a = x[0];
      const b = x[1];
      if (out !== null) {
        out[0] = 0.52 * a - 0.48 * b;
        out[1] = 0.52 * b - 0.48 * a;
      }
      return 0.26 * (a * a + b * b) - 0.48 * a * b;
    },
  });
}
