import { cycled, defineProblem, dimensionArgument } from "./internal";
import type { TestProblem } from "./TestProblem";

/**
 * Zakharov's function.
 *
 * ```
 * b = Σᵢ 0.5·i·xᵢ,     f(x) = Σᵢ xᵢ² + b² + b⁴
 * ```
 * - Dimension: any n ≥ 1, default n = 6.
 * - Start: x0 = (600, 700, 200, 100, 90, 1000) (as in optax's L-BFGS tests; repeated
 *   cyclically for other n), f(x0) ≈ 4.98434·10¹⁴ (n = 6).
 * - Minimum: f* = 0 at x* = 0.
 * - Source: optax lbfgs_test.py; scipy global-optimisation benchmarks (class Zakharov).
 *
 * @param n - number of variables, an integer ≥ 1; default 6.
 * @throws DownhillError INVALID_OPTION (argument "n") for any other n.
 *
 * @example
 * ```ts
 * const p = zakharov();
 * p.value(p.x0); // ≈ 4.98434e14
 * ```
 */
export function zakharov(n?: number): TestProblem {
  const dim = dimensionArgument("zakharov", n, 6, (v) => v >= 1, "an integer ≥ 1");
  return defineProblem({
    id: "zakharov",
    name: "Zakharov (n=6)",
    dim,
    x0: cycled(dim, [600, 700, 200, 100, 90, 1000]),
    minimumValue: 0,
    minimizers: [new Float64Array(dim)],
    references: [
      "google-deepmind/optax optax/_src/lbfgs_test.py",
      "scipy/scipy benchmarks/benchmarks/go_benchmark_functions/go_funcs_Z.py (class Zakharov)",
    ],
    evaluate(x, out) {
      let a = 0;
      let b = 0;
      for (let i = 0; i < dim; i++) {
        a += x[i] * x[i];
        b += 0.5 * (i + 1) * x[i];
      }
      const b2 = b * b;
      if (out !== null) {
        const c = 2 * b + 4 * b2 * b; // d(b² + b⁴)/db
        for (let i = 0; i < dim; i++) out[i] = 2 * x[i] + c * 0.5 * (i + 1);
      }
      return a + b2 + b2 * b2;
    },
  });
}
