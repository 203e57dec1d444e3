import { cycled, defineProblem, dimensionArgument } from "./internal";
import type { TestProblem } from "./TestProblem";

const TWO_PI = 2 * Math.PI;

/**
 * Ackley's function (scipy's Ackley01).
 *
 * ```
 * f(x) = −20·exp(−0.2·√(Σᵢ xᵢ²/n)) − exp(Σᵢ cos(2π·xᵢ)/n) + 20 + e
 * ```
 * Multimodal, and not differentiable at the minimiser (the √ term); there the gradient
 * returned is 0 (the minimum-norm subgradient). f(0) = 0 only up to rounding (≈ 4.4·10⁻¹⁶).
 * - Dimension: any n ≥ 1, default n = 2.
 * - Start: x0 = (0.2, −0.2, 0.2, −0.2, …) (chosen for this library, inside the global basin),
 *   f(x0) ≈ 2.14041 (n = 2).
 * - Minimum: f* = 0 at x* = 0.
 * - Source: scipy global-optimisation benchmarks (class Ackley01).
 *
 * Uses the host's `Math.exp`, `Math.cos` and `Math.sin`, so values may differ in the
 * last bits between JavaScript engines.
 *
 * @param n - number of variables, an integer ≥ 1; default 2.
 * @throws DownhillError INVALID_OPTION (argument "n") for any other n.
 *
 * @example
 * ```ts
 * const p = ackley();
 * p.value(p.x0); // ≈ 2.14041
 * ```
 */
export function ackley(n?: number): TestProblem {
  const dim = dimensionArgument("ackley", n, 2, (v) => v >= 1, "an integer ≥ 1");
  return defineProblem({
    id: "ackley",
    name: "Ackley",
    dim,
    x0: cycled(dim, [0.2, -0.2]),
    minimumValue: 0,
    minimizers: [new Float64Array(dim)],
    references: ["scipy/scipy benchmarks/benchmarks/go_benchmark_functions/go_funcs_A.py (class Ackley01)"],
    evaluate(x, out) {
      let q = 0;
      let c = 0;
      for (let i = 0; i < dim; i++) {
        q += x[i] * x[i];
        c += Math.cos(TWO_PI * x[i]);
      }
      const s = Math.sqrt(q / dim);
      const e1 = Math.exp(-0.2 * s);
      const e2 = Math.exp(c / dim);
      if (out !== null) {
        // ∂/∂xᵢ: 4·e1·xᵢ/(n·s) + (2π/n)·e2·sin(2π·xᵢ)
        const a = s > 0 ? (4 * e1) / (dim * s) : 0;
        const b = (TWO_PI * e2) / dim;
        for (let i = 0; i < dim; i++) out[i] = a * x[i] + b * Math.sin(TWO_PI * x[i]);
      }
      return -20 * e1 - e2 + 20 + Math.E;
    },
  });
}
