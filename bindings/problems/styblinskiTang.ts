import { defineProblem, dimensionArgument, filled } from "./internal";
import type { TestProblem } from "./TestProblem";

/** The minimising coordinate, the root of 4x³ − 32x + 5 near −2.9035 (to double precision). */
const X_STAR = -2.903534027771177;
/** ½(x⁴ − 16x² + 5x) at X_STAR, per coordinate. */
const F_STAR_PER_COORDINATE = -39.16616570377141546;

/**
 * Styblinski–Tang function.
 *
 * ```
 * f(x) = ½·Σᵢ (xᵢ⁴ − 16·xᵢ² + 5·xᵢ)
 * ```
 * Separable; each coordinate has a global minimum at −2.903534 and a local one at 2.746803.
 * - Dimension: any n ≥ 1, default n = 2.
 * - Start: x0 = (−1, …, −1) (chosen for this library; x < 0 leads to the global basin),
 *   f(x0) = −10·n.
 * - Minimum: f* = −39.16616570377142·n (−78.33233140754282 for n = 2) at
 *   x*ᵢ = −2.903534027771177 (the root of 4x³ − 32x + 5; scipy's benchmark gives −2.903534018185960,
 *   which is 1e−8 off but has the same f to double precision).
 * - Source: scipy global-optimisation benchmarks (class StyblinskiTang).
 *
 * @param n - number of variables, an integer ≥ 1; default 2.
 * @throws DownhillError INVALID_OPTION (argument "n") for any other n.
 *
 * @example
 * ```ts
 * const p = styblinskiTang(5);
 * p.value(p.x0); // -50
 * ```
 */
export function styblinskiTang(n?: number): TestProblem {
  const dim = dimensionArgument("styblinskiTang", n, 2, (v) => v >= 1, "an integer ≥ 1");
  return defineProblem({
    id: "styblinskiTang",
    name: "Styblinski-Tang",
    dim,
    x0: filled(dim, -1),
    minimumValue: F_STAR_PER_COORDINATE * dim,
    minimizers: [filled(dim, X_STAR)],
    references: ["scipy/scipy benchmarks/benchmarks/go_benchmark_functions/go_funcs_S.py (class StyblinskiTang)"],
    evaluate(x, out) {
      let s = 0;
      for (let i = 0; i < dim; i++) {
        const v = x[i];
        const v2 = v * v;
        s += v2 * v2 - 16 * v2 + 5 * v;
        if (out !== null) out[i] = 2 * v2 * v - 16 * v + 2.5;
      }
      return s / 2;
    },
  });
}
