import { defineLeastSquares } from "./internal";
import type { TestProblem } from "./TestProblem";

const M = 13;

/**
 * Biggs EXP6 (m = 13) — Moré, Garbow & Hillstrom (1981) problem 18.
 *
 * ```
 * f(x) = Σ_{i=1..13} fᵢ²,   fᵢ = x3·exp(−tᵢ·x1) − x4·exp(−tᵢ·x2) + x6·exp(−tᵢ·x5) − yᵢ
 * tᵢ = 0.1·i,   yᵢ = exp(−tᵢ) − 5·exp(−10·tᵢ) + 3·exp(−4·tᵢ)
 * ```
 * - Dimension: n = 6 (m = 13 residuals).
 * - Start: x0 = (1, 2, 1, 1, 1, 1), f(x0) ≈ 0.779070.
 * - Minimum: f* = 0 at x* = (1, 10, 1, 5, 4, 3) (also at other points). MGH note a local
 *   minimum f ≈ 5.65565·10⁻³ that is frequently found.
 * - Source: MGH #18.
 *
 * Uses the host's `Math.exp`, so values may differ in the last bits between JavaScript engines.
 *
 * @example
 * ```ts
 * const p = biggsExp6();
 * p.value(p.x0); // ≈ 0.779070
 * ```
 */
export function biggsExp6(): TestProblem {
  const t = new Float64Array(M);
  const y = new Float64Array(M);
  for (let k = 0; k < M; k++) {
    t[k] = 0.1 * (k + 1);
    y[k] = Math.exp(-t[k]) - 5 * Math.exp(-10 * t[k]) + 3 * Math.exp(-4 * t[k]);
  }
  const e1 = new Float64Array(M);
  const e2 = new Float64Array(M);
  const e5 = new Float64Array(M);
  return defineLeastSquares({
    id: "biggsExp6",
    name: "Biggs EXP6 (m=13)",
    dim: 6,
    m: M,
    x0: [1, 2, 1, 1, 1, 1],
    minimumValue: 0,
    minimizers: [[1, 10, 1, 5, 4, 3]],
    references: ["More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #18", "jlmelville/funconstrain R/18_biggs_exp6.R"],
    residuals(x, r) {
      for (let k = 0; k < M; k++) {
        e1[k] = Math.exp(-t[k] * x[0]);
        e2[k] = Math.exp(-t[k] * x[1]);
        e5[k] = Math.exp(-t[k] * x[4]);
        r[k] = x[2] * e1[k] - x[3] * e2[k] + x[5] * e5[k] - y[k];
      }
    },
    jacobianTransposeTimes(x, r, out) {
      let g0 = 0;
      let g1 = 0;
      let g2 = 0;
      let g3 = 0;
      let g4 = 0;
      let g5 = 0;
      for (let k = 0; k < M; k++) {
        const a = e1[k] * r[k];
        const b = e2[k] * r[k];
        const c = e5[k] * r[k];
        g0 -= t[k] * x[2] * a;
        g1 += t[k] * x[3] * b;
        g2 += a;
        g3 -= b;
        g4 -= t[k] * x[5] * c;
        g5 += c;
      }
      out[0] = g0;
      out[1] = g1;
      out[2] = g2;
      out[3] = g3;
      out[4] = g4;
      out[5] = g5;
    },
  });
}
