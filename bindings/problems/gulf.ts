import { defineLeastSquares } from "./internal";
import type { TestProblem } from "./TestProblem";

const M = 99;

/**
 * Gulf research and development (m = 99) — Moré, Garbow & Hillstrom (1981) problem 11.
 *
 * ```
 * f(x) = Σ_{i=1..99} fᵢ²,   fᵢ = exp(−|yᵢ − x2|^x3 / x1) − tᵢ
 * tᵢ = i/100,   yᵢ = 25 + (−50·ln tᵢ)^(2/3)
 * ```
 * - Dimension: n = 3 (m = 99 residuals; MGH allow 3 ≤ m ≤ 100).
 * - Start: x0 = (5, 2.5, 0.15), f(x0) ≈ 12.1107.
 * - Minimum: f* = 0 at x* = (50, 25, 1.5).
 * - Source: MGH #11.
 *
 * Uses the host's `Math.exp`, `Math.log` and `Math.pow` (the exponent x3 is a variable),
 * so values may differ in the last bits between JavaScript engines. Where |yᵢ − x2| = 0
 * the derivative of |yᵢ − x2|^x3 is taken as 0.
 *
 * @example
 * ```ts
 * const p = gulf();
 * p.value(p.x0); // ≈ 12.1107
 * ```
 */
export function gulf(): TestProblem {
  const y = new Float64Array(M);
  const t = new Float64Array(M);
  for (let k = 0; k < M; k++) {
    t[k] = (k + 1) / 100;
    y[k] = 25 + Math.pow(-50 * Math.log(t[k]), 2 / 3);
  }
  const e = new Float64Array(M);
  const p = new Float64Array(M);
  return defineLeastSquares({
    id: "gulf",
    name: "Gulf research and development (m=99)",
    dim: 3,
    m: M,
    x0: [5, 2.5, 0.15],
    minimumValue: 0,
    minimizers: [[50, 25, 1.5]],
    references: ["More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #11", "jlmelville/funconstrain R/11_gulf.R"],
    residuals(x, r) {
      for (let k = 0; k < M; k++) {
        p[k] = Math.pow(Math.abs(y[k] - x[1]), x[2]);
        e[k] = Math.exp(-p[k] / x[0]);
        r[k] = e[k] - t[k];
      }
    },
    jacobianTransposeTimes(x, r, out) {
      let g0 = 0;
      let g1 = 0;
      let g2 = 0;
      for (let k = 0; k < M; k++) {
        const c = e[k] * r[k];
        const diff = y[k] - x[1];
        const a = Math.abs(diff);
        // ∂rᵢ/∂x1 = e·p/x1²,  ∂rᵢ/∂x2 = e·x3·p/(x1·a)·sign(yᵢ − x2),  ∂rᵢ/∂x3 = −e·p·ln(a)/x1
        g0 += (c * p[k]) / (x[0] * x[0]);
        if (a > 0) {
          const s = diff > 0 ? 1 : -1;
          g1 += (s * c * x[2] * p[k]) / (x[0] * a);
          g2 -= (c * p[k] * Math.log(a)) / x[0];
        }
      }
      out[0] = g0;
      out[1] = g1;
      out[2] = g2;
    },
  });
}
