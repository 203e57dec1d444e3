import { defineLeastSquares } from "./internal";
import type { TestProblem } from "./TestProblem";

/**
 * Himmelblau's function.
 *
 * ```
 * f(x) = (x1² + x2 − 11)² + (x1 + x2² − 7)²
 * ```
 * - Dimension: n = 2.
 * - Start: x0 = (1, 1) (as in optax's L-BFGS tests), f(x0) = 106.
 * - Minimum: f* = 0 at four points: (3, 2), (−2.805118, 3.131313), (−3.779310, −3.283186),
 *   (3.584428, −1.848127); all four are in `minimizers`, (3, 2) first.
 * - Source: scipy global-optimisation benchmarks (class HimmelBlau); optax lbfgs_test.py.
 *
 * @example
 * ```ts
 * const p = himmelblau();
 * p.value(p.x0); // 106
 * p.minimizers!.length; // 4
 * ```
 */
export function himmelblau(): TestProblem {
  return defineLeastSquares({
    id: "himmelblau",
    name: "Himmelblau",
    dim: 2,
    m: 2,
    x0: [1, 1],
    minimumValue: 0,
    minimizers: [
      [3, 2],
      [-2.8051180869527452, 3.131312518250573],
      [-3.779310253377747, -3.283185991286169],
      [3.5844283403304917, -1.8481265269644036],
    ],
    references: [
      "scipy/scipy benchmarks/benchmarks/go_benchmark_functions/go_funcs_H.py (class HimmelBlau)",
      "google-deepmind/optax optax/_src/lbfgs_test.py",
    ],
    residuals(x, r) {
      r[0] = x[0] * x[0] + x[1] - 11;
      r[1] = x[0] + x[1] * x[1] - 7;
    },
    jacobianTransposeTimes(x, r, out) {
      out[0] = 2 * x[0] * r[0] + r[1];
      out[1] = r[0] + 2 * x[1] * r[1];
    },
  });
}
