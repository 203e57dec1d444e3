import { defineLeastSquares, dimensionArgument, filled } from "./internal";
import type { TestProblem } from "./TestProblem";

/**
 * Trigonometric — Moré, Garbow & Hillstrom (1981) problem 26.
 *
 * ```
 * fᵢ = n − Σⱼ cos(xⱼ) + i·(1 − cos(xᵢ)) − sin(xᵢ),   f(x) = Σ_{i=1..n} fᵢ²
 * ```
 * - Dimension: any n ≥ 1, default n = 10 (m = n residuals).
 * - Start: x0 = (1/n, …, 1/n), f(x0) ≈ 7.07576·10⁻³ (n = 10).
 * - Minimum: f* = 0 at x* = 0 (and elsewhere). From x0, BFGS-type descent typically
 *   stops at a local minimum with f ≈ 2.79506·10⁻⁵ (n = 10).
 * - Source: MGH #26.
 *
 * Uses the host's `Math.sin` and `Math.cos`, so values may differ in the last bits
 * between JavaScript engines.
 *
 * @param n - number of variables, an integer ≥ 1; default 10.
 * @throws DownhillError INVALID_OPTION (argument "n") for any other n.
 *
 * @example
 * ```ts
 * const p = trigonometric();
 * p.value(p.x0); // ≈ 7.07576e-3
 * ```
 */
export function trigonometric(n?: number): TestProblem {
  const dim = dimensionArgument("trigonometric", n, 10, (v) => v >= 1, "an integer ≥ 1");
  const c = new Float64Array(dim);
  const s = new Float64Array(dim);
  return defineLeastSquares({
    id: "trigonometric",
    name: "Trigonometric",
    dim,
    m: dim,
    x0: filled(dim, 1 / dim),
    minimumValue: 0,
    minimizers: [new Float64Array(dim)],
    references: ["More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #26", "jlmelville/funconstrain R/26_trigon.R"],
    residuals(x, r) {
      let sumCos = 0;
      for (let j = 0; j < dim; j++) {
        c[j] = Math.cos(x[j]);
        s[j] = Math.sin(x[j]);
        sumCos += c[j];
      }
      const base = dim - sumCos;
      for (let i = 0; i < dim; i++) r[i] = base + (i + 1) * (1 - c[i]) - s[i];
    },
    jacobianTransposeTimes(_x, r, out) {
      // ∂fᵢ/∂xⱼ = sin(xⱼ) + δᵢⱼ·(i·sin(xᵢ) − cos(xᵢ))
      let sumR = 0;
      for (let i = 0; i < dim; i++) sumR += r[i];
      for (let j = 0; j < dim; j++) out[j] = s[j] * sumR + r[j] * ((j + 1) * s[j] - c[j]);
    },
  });
}
