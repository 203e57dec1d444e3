import { defineLeastSquares, dimensionArgument, filled } from "./internal";
import type { TestProblem } from "./TestProblem";

/**
 * Brown almost-linear — Moré, Garbow & Hillstrom (1981) problem 27.
 *
 * ```
 * fᵢ = xᵢ + Σⱼ xⱼ − (n + 1),  1 ≤ i < n,     fₙ = (Πⱼ xⱼ) − 1,     f(x) = Σ_{i=1..n} fᵢ²
 * ```
 * - Dimension: any n ≥ 1, default n = 10 (m = n residuals).
 * - Start: x0 = (1/2, …, 1/2), f(x0) ≈ 273.248 (n = 10).
 * - Minimum: f* = 0 at x* = (1, …, 1) (and at (α, …, α, α^(1−n)) for roots α of
 *   n·α^n − (n+1)·α^(n−1) + 1 = 0); also f = 1 at (0, …, 0, n + 1).
 * - Source: MGH #27.
 *
 * The gradient of the product term uses prefix/suffix products (no division), so it is
 * exact where some xⱼ = 0.
 *
 * @param n - number of variables, an integer ≥ 1; default 10.
 * @throws DownhillError INVALID_OPTION (argument "n") for any other n.
 *
 * @example
 * ```ts
 * const p = brownAlmostLinear();
 * p.value(p.x0); // ≈ 273.248
 * ```
 */
export function brownAlmostLinear(n?: number): TestProblem {
  const dim = dimensionArgument("brownAlmostLinear", n, 10, (v) => v >= 1, "an integer ≥ 1");
  const prefix = new Float64Array(dim); // Π_{k<j} x_k
  return defineLeastSquares({
    id: "brownAlmostLinear",
    name: "Brown almost-linear",
    dim,
    m: dim,
    x0: filled(dim, 0.5),
    minimumValue: 0,
    minimizers: [filled(dim, 1)],
    references: ["More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #27", "jlmelville/funconstrain R/27_brown_al.R"],
    residuals(x, r) {
      let sum = 0;
      let product = 1;
      for (let j = 0; j < dim; j++) {
        sum += x[j];
        product *= x[j];
      }
      for (let i = 0; i < dim - 1; i++) r[i] = x[i] + sum - (dim + 1);
      r[dim - 1] = product - 1;
    },
    jacobianTransposeTimes(x, r, out) {
      // ∂fᵢ/∂xⱼ = δᵢⱼ + 1 (i < n),   ∂fₙ/∂xⱼ = Π_{k≠j} x_k
      let sumR = 0;
      for (let i = 0; i < dim - 1; i++) sumR += r[i];
      let p = 1;
      for (let j = 0; j < dim; j++) {
        prefix[j] = p;
        p *= x[j];
      }
      const last = r[dim - 1];
      let suffix = 1;
      for (let j = dim - 1; j >= 0; j--) {
        out[j] = sumR + (j < dim - 1 ? r[j] : 0) + last * prefix[j] * suffix;
        suffix *= x[j];
      }
    },
  });
}
