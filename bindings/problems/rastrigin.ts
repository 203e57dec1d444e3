import { cycled, defineProblem, dimensionArgument } from "./internal";
import type { TestProblem } from "./TestProblem";

const TWO_PI = 2 * Math.PI;

/**
 * Rastrigin's function.
 *
 * ```
 * f(x) = 10·n + Σᵢ (xᵢ² − 10·cos(2π·xᵢ))
 * ```
 * Highly multimodal: local minima near every integer lattice point; a local method
 * started outside (−0.5, 0.5)ⁿ generally stops at a local minimum.
 * - Dimension: any n ≥ 1, default n = 2.
 * - Start: x0 = (0.3, −0.3, 0.3, −0.3, …) (chosen for this library, inside the global basin),
 *   f(x0) ≈ 26.3603 (n = 2).
 * - Minimum: f* = 0 at x* = 0.
 * - Source: scipy global-optimisation benchmarks (class Rastrigin).
 *
 * Uses the host's `Math.cos` and `Math.sin`, so values may differ in the last bits
 * between JavaScript engines.
 *
 * @param n - number of variables, an integer ≥ 1; default 2.
 * @throws DownhillError INVALID_OPTION (argument "n") for any other n.
 *
 * @example
 * ```ts
 * const p = rastrigin(10);
 * const g = new Float64Array(p.dim);
 * p.valueAndGradient(p.x0, g); // ≈ 131.802
 * ```
 */
export function rastrigin(n?: number): TestProblem {
  const dim = dimensionArgument("rastrigin", n, 2, (v) => v >= 1, "an integer ≥ 1");
  return defineProblem({
    id: "rastrigin",
    name: "Rastrigin",
    dim,
    x0: cycled(dim, [0.3, -0.3]),
    minimumValue: 0,
    minimizers: [new Float64Array(dim)],
    references: ["scipy/scipy benchmarks/benchmarks/go_benchmark_functions/go_funcs_R.py (class Rastrigin)"],
    evaluate(x, out) {
      let f = 10 * dim;
      for (let i = 0; i < dim; i++) {
        const angle = TWO_PI * x[i];
        f += x[i] * x[i] - 10 * Math.cos(angle);
        if (out !== null) out[i] = 2 * x[i] + 10 * TWO_PI * Math.sin(angle);
      }
      return f;
    },
  });
}
