import { defineLeastSquares, dimensionArgument, filled } from "./internal";
import type { TestProblem } from "./TestProblem";

const SQRT_A = Math.sqrt(1e-5);
const MINIMA: Record<number, number> = { 4: 9.37629e-6, 10: 2.9366e-4 };

/**
 * Penalty function II — Moré, Garbow & Hillstrom (1981) problem 24.
 *
 * ```
 * a = 10⁻⁵,   yᵢ = exp(i/10) + exp((i − 1)/10)
 * f1 = x1 − 0.2
 * fᵢ = √a·(exp(xᵢ/10) + exp(x_{i−1}/10) − yᵢ),      2 ≤ i ≤ n
 * fᵢ = √a·(exp(x_{i−n+1}/10) − exp(−1/10)),          n < i < 2n
 * f_{2n} = (Σ_{j=1..n} (n − j + 1)·xⱼ²) − 1
 * f(x) = Σ_{i=1..2n} fᵢ²
 * ```
 * - Dimension: any n ≥ 1, default n = 4 (m = 2n residuals).
 * - Start: x0 = (1/2, …, 1/2), f(x0) ≈ 2.34001 (n = 4).
 * - Minimum (MGH): f* = 9.37629·10⁻⁶ (n = 4), 2.93660·10⁻⁴ (n = 10); undefined for other n.
 *   A computed minimiser is included for n = 4.
 * - Source: MGH #24.
 *
 * Uses the host's `Math.exp`, so values may differ in the last bits between JavaScript engines.
 *
 * @param n - number of variables, an integer ≥ 1; default 4.
 * @throws DownhillError INVALID_OPTION (argument "n") for any other n.
 *
 * @example
 * ```ts
 * const p = penalty2();
 * p.value(p.x0); // ≈ 2.34001
 * ```
 */
export function penalty2(n?: number): TestProblem {
  const dim = dimensionArgument("penalty2", n, 4, (v) => v >= 1, "an integer ≥ 1");
  const y = new Float64Array(dim + 1); // y[i] for i = 2..n (1-based)
  for (let i = 2; i <= dim; i++) y[i] = Math.exp(i / 10) + Math.exp((i - 1) / 10);
  const expMinusTenth = Math.exp(-0.1);
  const e = new Float64Array(dim); // exp(xⱼ/10)
  return defineLeastSquares({
    id: "penalty2",
    name: "Penalty II",
    dim,
    m: 2 * dim,
    x0: filled(dim, 0.5),
    minimumValue: MINIMA[dim],
    minimizers:
      dim === 4 ? [[0.19999933335624626, 0.19131669444924793, 0.4801014901588372, 0.5188454026952396]] : undefined,
    references: ["More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #24", "jlmelville/funconstrain R/24_penalty_2.R"],
    residuals(x, r) {
      let q = 0;
      for (let j = 0; j < dim; j++) {
        e[j] = Math.exp(x[j] / 10);
        q += (dim - j) * x[j] * x[j];
      }
      r[0] = x[0] - 0.2;
      // 0-based residual k = i − 1
      for (let i = 2; i <= dim; i++) r[i - 1] = SQRT_A * (e[i - 1] + e[i - 2] - y[i]);
      for (let i = dim + 1; i < 2 * dim; i++) r[i - 1] = SQRT_A * (e[i - dim] - expMinusTenth);
      r[2 * dim - 1] = q - 1;
    },
    jacobianTransposeTimes(x, r, out) {
      const c = 2 * r[2 * dim - 1];
      for (let j = 0; j < dim; j++) out[j] = c * (dim - j) * x[j];
      out[0] += r[0];
      const s = SQRT_A / 10;
      for (let i = 2; i <= dim; i++) {
        const ri = s * r[i - 1];
        out[i - 1] += ri * e[i - 1];
        out[i - 2] += ri * e[i - 2];
      }
      for (let i = dim + 1; i < 2 * dim; i++) out[i - dim] += s * r[i - 1] * e[i - dim];
    },
  });
}
