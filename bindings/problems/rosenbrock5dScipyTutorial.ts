import { cycled, defineProblem, dimensionArgument, filled } from "./internal";
import type { TestProblem } from "./TestProblem";

/**
 * The chained Rosenbrock function in the form of `scipy.optimize.rosen`, with the start
 * used in scipy's optimisation tutorial.
 *
 * ```
 * f(x) = Σ_{i=1..n−1} 100·(x_{i+1} − xᵢ²)² + (1 − xᵢ)²
 * ```
 * Chained (each variable couples to its neighbours), unlike MGH's block-separable
 * {@link extendedRosenbrock}.
 * - Dimension: any n ≥ 2, default n = 5.
 * - Start: x0 = (1.3, 0.7, 0.8, 1.9, 1.2) (scipy tutorial; repeated cyclically for other n),
 *   f(x0) = 848.22 (n = 5).
 * - Minimum: f* = 0 at x* = (1, …, 1). For 4 ≤ n ≤ 7 there is also a local minimum with
 *   x1 ≈ −1 (n = 5: ≈ (−0.962, 0.936, 0.881, 0.778, 0.605)).
 * - Source: scipy doc/source/tutorial/optimize.rst; scipy.optimize.rosen.
 *
 * @param n - number of variables, an integer ≥ 2; default 5.
 * @throws DownhillError INVALID_OPTION (argument "n") for any other n.
 *
 * @example
 * ```ts
 * const p = rosenbrock5dScipyTutorial();
 * p.value(p.x0); // ≈ 848.22
 * ```
 */
export function rosenbrock5dScipyTutorial(n?: number): TestProblem {
  const dim = dimensionArgument("rosenbrock5dScipyTutorial", n, 5, (v) => v >= 2, "an integer ≥ 2");
  return defineProblem({
    id: "rosenbrock5dScipyTutorial",
    name: "Rosenbrock N=5 (scipy tutorial form)",
    dim,
    x0: cycled(dim, [1.3, 0.7, 0.8, 1.9, 1.2]),
    minimumValue: 0,
    minimizers: [filled(dim, 1)],
    references: ["scipy/scipy doc/source/tutorial/optimize.rst", "scipy.optimize.rosen"],
    evaluate(x, out) {
      let s = 0;
      if (out !== null) out[0] = 0;
      for (let i = 0; i < dim - 1; i++) {
        const a = x[i + 1] - x[i] * x[i];
        const b = 1 - x[i];
        s += 100 * a * a + b * b;
        if (out !== null) {
          out[i] += -400 * x[i] * a - 2 * b;
          out[i + 1] = 200 * a;
        }
      }
      return s;
    },
  });
}
